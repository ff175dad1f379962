'use client';
// The bar above the panes: which example the workspace holds, a way to open another one (it
// replaces the workspace's files), and the storage settings.
import { useId, useState, type FormEvent } from 'react';
import type { ExampleInfo } from './example-session';
import styles from './playground.module.css';

export interface PlaygroundToolbarProps {
  examples: ExampleInfo[];
  current: string | null;
  busy: boolean;
  onOpenExample(id: string): void;
  onOpenSettings(): void;
}

export function PlaygroundToolbar({ examples, current, busy, onOpenExample, onOpenSettings }: PlaygroundToolbarProps) {
  const id = useId();
  const [choice, setChoice] = useState('');
  const title = examples.find((e) => e.id === current)?.title;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = choice || current;
    if (chosen) onOpenExample(chosen);
  };
  return (
    <div className={styles.toolbar}>
      <p className={styles.current} data-testid="current-example" data-example={current ?? ''}>
        {title ? (
          <>
            Example: <strong>{title}</strong>
          </>
        ) : (
          'Your own files'
        )}
      </p>
      <form className={styles.exampleForm} onSubmit={submit}>
        <label htmlFor={`${id}-example`}>Example</label>
        <select id={`${id}-example`} value={choice || current || ''} onChange={(e) => setChoice(e.target.value)}>
          {current === null ? <option value="">Choose an example…</option> : null}
          {examples.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
            </option>
          ))}
        </select>
        <button type="submit" disabled={busy || !(choice || current)} aria-describedby={`${id}-hint`}>
          {(choice || current) === current ? 'Restore example' : 'Open example'}
        </button>
        <span id={`${id}-hint`} className="visually-hidden">
          Replaces the files in the workspace. Images you built stay.
        </span>
      </form>
      <button type="button" onClick={onOpenSettings} aria-haspopup="dialog">
        Storage
      </button>
    </div>
  );
}
