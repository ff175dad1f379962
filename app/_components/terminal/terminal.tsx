'use client';
// The browser terminal (issue 6 item 4): a bash-like prompt over the engine's terminal session.
// xterm.js (a few hundred KB) is its own chunk, loaded when a terminal is shown.
import dynamic from 'next/dynamic';
import { useCallback, useId, useState, useSyncExternalStore } from 'react';
import type { TerminalApi } from '@/app/_lib/engine/api';
import { useColorScheme } from '../editor/use-color-scheme';
import type { TerminalState } from './controller';
import { imageRefsInOutput } from './image-links';
import styles from './terminal.module.css';

const XtermView = dynamic(() => import('./xterm-view'), {
  ssr: false,
  loading: () => (
    <div className={styles.loading} role="status">
      Loading the terminal…
    </div>
  ),
});

export interface TerminalProps {
  api: TerminalApi;
  /** An image the terminal printed was activated (`docker images` row, a build's name). */
  onImageLink?(ref: string): void;
}

const SCREEN_READER_KEY = 'layerlab:terminal:screen-reader';
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === SCREEN_READER_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

function readScreenReaderMode(): boolean {
  try {
    return localStorage.getItem(SCREEN_READER_KEY) === 'on';
  } catch {
    return false;
  }
}

function writeScreenReaderMode(on: boolean): void {
  try {
    if (on) localStorage.setItem(SCREEN_READER_KEY, 'on');
    else localStorage.removeItem(SCREEN_READER_KEY);
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
  listeners.forEach((l) => l());
}

export function Terminal({ api, onImageLink }: TerminalProps) {
  const scheme = useColorScheme();
  const screenReaderMode = useSyncExternalStore(subscribe, readScreenReaderMode, () => false);
  const [state, setState] = useState<TerminalState | 'loading'>('loading');
  const [images, setImages] = useState<string[]>([]);
  const hintId = useId();
  const onOutput = useCallback((output: string) => setImages(imageRefsInOutput(output)), []);

  return (
    <div className={styles.terminal} role="group" aria-label="Terminal" aria-describedby={hintId} data-testid="terminal" data-state={state} data-screen-reader={screenReaderMode ? 'on' : 'off'}>
      <XtermView api={api} scheme={scheme} screenReaderMode={screenReaderMode} onState={setState} onOutput={onOutput} {...(onImageLink ? { onImageLink } : {})} />
      <div className={styles.bar}>
        <button type="button" className={styles.toggle} aria-pressed={screenReaderMode} onClick={() => writeScreenReaderMode(!screenReaderMode)}>
          Screen reader mode
        </button>
        <span id={hintId} className={styles.hint}>
          Tab completes; Esc then Tab leaves the terminal.
        </span>
        {onImageLink && images.length > 0 ? (
          <span className={styles.images} role="group" aria-labelledby={`${hintId}-images`}>
            <span id={`${hintId}-images`}>Images shown:</span>
            {images.slice(0, 8).map((ref) => (
              <button key={ref} type="button" className={styles.image} onClick={() => onImageLink(ref)}>
                {ref}
              </button>
            ))}
          </span>
        ) : null}
      </div>
    </div>
  );
}
