'use client';
// Three panes like the playground's workbench: files, the editor, the preview. Separators are
// focusable and move with the arrow keys; sizes are kept in localStorage. Below 64rem the panes
// stack in reading order.
import type { ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import styles from '../panes/panes.module.css';
import { useWide } from '../panes/use-wide';

export interface AuthorLayoutProps {
  files: ReactNode;
  editor: ReactNode;
  preview: ReactNode;
}

function WideLayout({ files, editor, preview }: AuthorLayoutProps) {
  const columns = useDefaultLayout({ id: 'layerlab.author.columns', storage: localStorage });
  return (
    <Group orientation="horizontal" id="author-columns" className={styles.columns} defaultLayout={columns.defaultLayout} onLayoutChanged={columns.onLayoutChanged}>
      <Panel id="author-pane-files" defaultSize="20%" minSize="11rem" className={styles.pane}>
        {files}
      </Panel>
      <Separator className={styles.separator} aria-label="Resize the files pane" />
      <Panel id="author-pane-editor" defaultSize="45%" minSize="20rem" className={styles.pane}>
        {editor}
      </Panel>
      <Separator className={styles.separator} aria-label="Resize the preview pane" />
      <Panel id="author-pane-preview" defaultSize="35%" minSize="16rem" className={styles.pane}>
        {preview}
      </Panel>
    </Group>
  );
}

export function AuthorLayout(props: AuthorLayoutProps) {
  const wide = useWide();
  if (wide === null) return <p className={styles.starting}>Starting the authoring page…</p>;
  if (!wide) {
    return (
      <div className={styles.stacked}>
        <div className={styles.stackFiles}>{props.files}</div>
        <div className={styles.stackEditor}>{props.editor}</div>
        <div>{props.preview}</div>
      </div>
    );
  }
  return <WideLayout {...props} />;
}
