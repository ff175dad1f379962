'use client';
// The playground (issue 6 item 2): the workspace's files, Monaco on the open file, the terminal,
// the build panel and the image views, all talking to the engine worker. The page holds no
// engine state of its own: it shows what the worker returns and refreshes when the worker says
// something changed (in this tab or another).
import dynamic from 'next/dynamic';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BuildOutcome } from '../../_lib/engine/api';
import { recordBuiltExample } from '../../_lib/progress/examples';
import { BuildPanel } from '../build/build-panel';
import { useBuildRunner } from '../build/use-build-runner';
import { DockerfileEditor } from '../editor/dockerfile-editor';
import { quotaErrorText } from '../settings/quota';
import { StorageSettings } from '../settings/storage-settings';
import { FileTree } from '../workspace/file-tree';
import { defaultTag, type ExampleInfo } from './example-session';
import { isDockerfile, languageFor } from './file-language';
import { LabPanel } from './lab-panel';
import { PlaygroundLayout } from './playground-layout';
import { PlaygroundToolbar } from './playground-toolbar';
import panes from '../panes/panes.module.css';
import styles from './playground.module.css';
import { QuotaBanner } from './quota-banner';
import { useEngineConnection } from './use-engine-connection';
import { useLab, type LabInfo } from './use-lab';
import { useOpenFile } from './use-open-file';
import { useWorkspace } from './use-workspace';

// The terminal (xterm) and the views (charts) are their own chunks, loaded after the page is up.
const Terminal = dynamic(() => import('../terminal/terminal').then((m) => m.Terminal), {
  ssr: false,
  loading: () => <p className={styles.paneLoading}>Loading the terminal…</p>,
});
const ImageViews = dynamic(() => import('../viz/image-views').then((m) => m.ImageViews), {
  ssr: false,
  loading: () => <p className={styles.paneLoading}>Loading the views…</p>,
});

/**
 * Starts downloading Monaco and xterm while the worker opens the store: both are needed as soon as
 * the engine answers, and fetching them only then would put the downloads after the engine's start.
 */
function usePreloadChunks(): void {
  useEffect(() => {
    void import('../editor/monaco-dockerfile-editor');
    void import('../terminal/xterm-view');
  }, []);
}

const ignoreEdit = (): void => undefined;

export function Playground({ examples, labs = [] }: { examples: ExampleInfo[]; labs?: LabInfo[] }) {
  usePreloadChunks();
  const { engine, starting, error: engineError } = useEngineConnection();
  const [quota, setQuota] = useState<string | null>(null);
  const reportError = useCallback((error: unknown) => {
    const text = quotaErrorText(error);
    if (text) setQuota(text);
    else console.warn(error);
  }, []);
  // An edit that failed to save (for lack of space) is kept and retried with the next save.
  const file = useOpenFile(engine, reportError);
  const workspace = useWorkspace(engine, file, reportError);
  const runner = useBuildRunner(engine);
  const lab = useLab(engine, labs, workspace.showWorkspace, reportError);
  const [tag, setTag] = useState<string | null>(null);
  const [noCache, setNoCache] = useState(false);
  const [imageRef, setImageRef] = useState<string | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  // Counted for the browser tests: Ctrl/Cmd+Enter and the button both ask for a build.
  const [buildRequests, setBuildRequests] = useState(0);
  const viewsRef = useRef<HTMLElement>(null);
  const effectiveTag = tag ?? defaultTag(workspace.example);

  const showImage = useCallback((ref: string) => {
    setImageRef(ref);
    // Bring the views into sight once they render.
    requestAnimationFrame(() => viewsRef.current?.scrollIntoView({ block: 'nearest' }));
  }, []);

  const build = useCallback(async () => {
    setBuildRequests((n) => n + 1);
    if (!engine || runner.running) return;
    try {
      const dockerfile = file.path && isDockerfile(file.path) ? file.path : 'Dockerfile';
      const outcome: BuildOutcome | null = await runner.build({ dockerfile, tag: effectiveTag.trim() || undefined, noCache }, () => file.flush());
      if (!outcome) return;
      if (outcome.ok) {
        // Progress (issue 6: which examples a student built); issue 7 adds exercises to it.
        if (workspace.example) recordBuiltExample(workspace.example);
        const ref = outcome.tags[0] ?? outcome.imageId;
        if (ref) setImageRef(ref);
      } else if (outcome.code === 'quota' || quotaErrorText(outcome.error)) setQuota(quotaErrorText(outcome.error) ?? outcome.error ?? 'The storage quota was exceeded.');
    } catch (error) {
      reportError(error);
    }
  }, [engine, runner, file, effectiveTag, noCache, workspace.example, reportError]);

  const filesPane = (
    <section id="pane-files" className={panes.section} aria-labelledby="pane-files-title" tabIndex={-1}>
      <h2 id="pane-files-title" className={panes.paneTitle}>
        Files
      </h2>
      <FileTree
        entries={workspace.entries}
        selected={file.path}
        onOpen={(path) => void file.open(path).catch(reportError)}
        onCreate={workspace.create}
        onRename={workspace.rename}
        onDelete={workspace.remove}
      />
    </section>
  );

  const editorPane = (
    <section id="pane-editor" className={panes.section} aria-labelledby="pane-editor-title" tabIndex={-1} data-build-requests={buildRequests}>
      <h2 id="pane-editor-title" className={panes.paneTitle}>
        {file.path ?? 'Editor'}
      </h2>
      <div className={styles.editorHost}>
        {file.path !== null && file.text !== null ? (
          <DockerfileEditor
            value={file.text}
            onChange={file.edit}
            onBuild={() => void build()}
            path={file.path}
            language={languageFor(file.path)}
            ariaLabel={isDockerfile(file.path) ? 'Dockerfile' : file.path}
            height="100%"
          />
        ) : workspace.ready && workspace.entries.length === 0 ? (
          <p className={styles.paneLoading}>The workspace is empty. Create a file, or open an example above.</p>
        ) : (
          // Monaco starts while the engine opens the workspace; the file's text replaces this.
          <DockerfileEditor value="" onChange={ignoreEdit} path={file.path ?? 'Dockerfile'} ariaLabel="Dockerfile (loading)" height="100%" pending />
        )}
      </div>
    </section>
  );

  const terminalPane = (
    <section id="pane-terminal" className={panes.section} aria-labelledby="pane-terminal-title" tabIndex={-1}>
      <h2 id="pane-terminal-title" className={panes.paneTitle}>
        Terminal
      </h2>
      <div className={styles.terminalHost}>{starting ? <Terminal key={lab.epoch} api={starting.terminal} onImageLink={showImage} /> : <p className={styles.paneLoading}>Starting the engine…</p>}</div>
    </section>
  );

  const buildPane = (
    <div className={styles.buildColumn}>
      {lab.requested !== null ? <LabPanel session={lab} /> : null}
      <section id="pane-build" className={panes.section} aria-labelledby="pane-build-title" tabIndex={-1}>
        <h2 id="pane-build-title" className={panes.paneTitle}>
          Build
        </h2>
        <BuildPanel
          view={runner.view}
          outcome={runner.outcome}
          tag={effectiveTag}
          onTagChange={setTag}
          noCache={noCache}
          onNoCacheChange={setNoCache}
          enabled={engine !== null && workspace.ready}
          started={runner.started}
          onBuild={() => void build()}
          onCancel={runner.cancel}
          onShowImage={showImage}
        />
      </section>
      {engine && imageRef ? (
        <section id="pane-views" ref={viewsRef} className={panes.section} aria-labelledby="pane-views-title" tabIndex={-1}>
          <h2 id="pane-views-title" className={panes.paneTitle}>
            Image {imageRef}
          </h2>
          <ImageViews api={engine} imageRef={imageRef} lastBuild={runner.outcome} />
        </section>
      ) : null}
    </div>
  );

  return (
    <div className={panes.workbench}>
      <nav className={styles.skipLinks} aria-label="Playground panes">
        <a href="#pane-files">Skip to files</a>
        <a href="#pane-editor">Skip to editor</a>
        <a href="#pane-terminal">Skip to terminal</a>
        <a href="#pane-build">Skip to build</a>
      </nav>
      <PlaygroundToolbar
        examples={examples}
        current={workspace.example}
        busy={!engine || !workspace.ready}
        onOpenExample={(id) => void workspace.openExample(id).catch(reportError)}
        onOpenSettings={() => setSettingsOpen(true)}
      />
      {engineError ? (
        <p className={styles.fatal} role="alert">
          The engine could not start: {engineError}
        </p>
      ) : null}
      {workspace.problem ? (
        <p className={styles.fatal} role="alert">
          {workspace.problem}
        </p>
      ) : null}
      {quota ? <QuotaBanner message={quota} onOpenSettings={() => setSettingsOpen(true)} onDismiss={() => setQuota(null)} /> : null}
      <PlaygroundLayout files={filesPane} editor={editorPane} terminal={terminalPane} build={buildPane} />
      <StorageSettings
        engine={engine}
        open={settingsOpen}
        onClose={() => setSettingsOpen(false)}
        onReset={() => {
          setSettingsOpen(false);
          void workspace.afterReset();
        }}
        onErased={() => window.location.reload()}
      />
    </div>
  );
}
