'use client';
// The playground's editor pane: the workspace's Dockerfile in Monaco. Ctrl/Cmd+Enter asks for a
// build; the build panel that runs it joins the playground with the engine worker.
import { useState } from 'react';
import { DockerfileEditor } from './dockerfile-editor';

export interface EditorPaneProps {
  initialDockerfile: string;
  /** Called with the Dockerfile's text on Ctrl/Cmd+Enter. */
  onBuild?(dockerfile: string): void;
}

export function EditorPane({ initialDockerfile, onBuild }: EditorPaneProps) {
  const [dockerfile, setDockerfile] = useState(initialDockerfile);
  const [buildRequests, setBuildRequests] = useState(0);
  return (
    // data-build-requests lets the browser tests see Ctrl+Enter reach the page until the build
    // panel shows builds itself.
    <section aria-labelledby="editor-pane-title" data-build-requests={buildRequests}>
      <h2 id="editor-pane-title">Dockerfile</h2>
      <DockerfileEditor
        value={dockerfile}
        onChange={setDockerfile}
        onBuild={(text) => {
          setBuildRequests((n) => n + 1);
          onBuild?.(text);
        }}
      />
    </section>
  );
}
