'use client';
// The workbench layout (DESIGN §4a): files on the left, the editor with the terminal below it in
// the middle, the build panel and the views on the right. Panes resize by mouse or keyboard (the
// separators are focusable; arrows move them) and the sizes are kept in localStorage. Below
// 64rem (a small laptop window, a tablet) the panes stack in reading order instead.
import type { ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import styles from '../panes/panes.module.css';
import { useWide } from '../panes/use-wide';

export interface PlaygroundLayoutProps {
  files: ReactNode;
  editor: ReactNode;
  terminal: ReactNode;
  build: ReactNode;
}

export function PlaygroundLayout({ files, editor, terminal, build }: PlaygroundLayoutProps) {
  const wide = useWide();
  if (wide === null) {
    return (
      <p className={styles.starting}>Starting the playground…</p>
    );
  }
  if (!wide) {
    return (
      <div className={styles.stacked}>
        <div className={styles.stackFiles}>{files}</div>
        <div className={styles.stackEditor}>{editor}</div>
        <div className={styles.stackTerminal}>{terminal}</div>
        <div>{build}</div>
      </div>
    );
  }
  return <WideLayout files={files} editor={editor} terminal={terminal} build={build} />;
}

function WideLayout({ files, editor, terminal, build }: PlaygroundLayoutProps) {
  const columns = useDefaultLayout({ id: 'layerlab.playground.columns', storage: localStorage });
  const center = useDefaultLayout({ id: 'layerlab.playground.center', storage: localStorage });
  return (
    <Group orientation="horizontal" id="playground-columns" className={styles.columns} defaultLayout={columns.defaultLayout} onLayoutChanged={columns.onLayoutChanged}>
      <Panel id="panel-files" defaultSize="16%" minSize="9rem" className={styles.pane}>
        {files}
      </Panel>
      <Separator className={styles.separator} aria-label="Resize the files pane" />
      <Panel id="panel-center" defaultSize="48%" minSize="20rem">
        <Group orientation="vertical" id="playground-center" className={styles.rows} defaultLayout={center.defaultLayout} onLayoutChanged={center.onLayoutChanged}>
          <Panel id="panel-editor" defaultSize="60%" minSize="8rem" className={styles.pane}>
            {editor}
          </Panel>
          <Separator className={`${styles.separator} ${styles.separatorRow}`} aria-label="Resize the editor and the terminal" />
          <Panel id="panel-terminal" defaultSize="40%" minSize="6rem" className={styles.pane}>
            {terminal}
          </Panel>
        </Group>
      </Panel>
      <Separator className={styles.separator} aria-label="Resize the build pane" />
      <Panel id="panel-build" defaultSize="36%" minSize="18rem" className={styles.pane}>
        {build}
      </Panel>
    </Group>
  );
}
