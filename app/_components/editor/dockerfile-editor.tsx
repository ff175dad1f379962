'use client';
// The Dockerfile editor as pages use it. Monaco (a few MB) is split into its own chunk and
// loaded in the browser only when this component renders (next/dynamic, no SSR): pages that do
// not show an editor never download it.
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { EditorLoading } from './editor-loading';
import styles from './editor.module.css';
import type { DockerfileEditorProps } from './types';

const MonacoDockerfileEditor = dynamic(() => import('./monaco-dockerfile-editor'), {
  ssr: false,
  loading: () => <EditorLoading height="24rem" />,
});

export type { DockerfileEditorProps };

export function DockerfileEditor(props: DockerfileEditorProps) {
  const [ready, setReady] = useState(false);
  return (
    <div className={styles.frame} data-testid="dockerfile-editor" data-ready={ready && props.pending !== true ? 'true' : 'false'} aria-busy={props.pending === true}>
      <MonacoDockerfileEditor {...props} onReady={() => setReady(true)} />
    </div>
  );
}
