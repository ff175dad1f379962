'use client';
// The inline form under the file tree's toolbar: a name for a new file or folder, a new name, or
// "Delete X?" with its two buttons. Escape cancels; focus goes back to the tree when done.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import styles from './file-tree.module.css';
import { checkName, parentOf } from './tree-model';

export type EntryFormMode =
  | { kind: 'create'; type: 'file' | 'dir'; parent: string }
  | { kind: 'rename'; path: string }
  | { kind: 'delete'; path: string };

export interface EntryFormProps {
  mode: EntryFormMode;
  existing: ReadonlySet<string>;
  onCreate(path: string, type: 'file' | 'dir'): Promise<void>;
  onRename(from: string, to: string): Promise<void>;
  onDelete(path: string): Promise<void>;
  /** Called when the form closes, with the path to focus (the new or renamed entry). */
  onDone(focusPath?: string): void;
}

export function EntryForm({ mode, existing, onCreate, onRename, onDelete, onDone }: EntryFormProps) {
  const id = useId();
  const parent = mode.kind === 'create' ? mode.parent : parentOf(mode.path);
  const initial = mode.kind === 'rename' ? mode.path.slice(parent === '' ? 0 : parent.length + 1) : '';
  const [name, setName] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (mode.kind === 'delete') cancel.current?.focus();
    else {
      input.current?.focus();
      // Select the name without its extension, as editors do on rename.
      const dot = initial.lastIndexOf('.');
      input.current?.setSelectionRange(0, dot > 0 ? dot : initial.length);
    }
  }, [mode, initial]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const target = parent === '' ? name.trim() : `${parent}/${name.trim()}`;
    if (mode.kind !== 'delete') {
      const unchanged = mode.kind === 'rename' && target === mode.path;
      const issue = unchanged ? null : checkName(name, existing, parent);
      if (issue) {
        setProblem(issue);
        input.current?.focus();
        return;
      }
      if (unchanged) return onDone(mode.path);
    }
    setBusy(true);
    try {
      if (mode.kind === 'create') await onCreate(target, mode.type);
      else if (mode.kind === 'rename') await onRename(mode.path, target);
      else await onDelete(mode.path);
      onDone(mode.kind === 'delete' ? undefined : target);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      setBusy(false);
    }
  };

  const title =
    mode.kind === 'create' ? `New ${mode.type === 'dir' ? 'folder' : 'file'}${parent ? ` in ${parent}` : ''}` : mode.kind === 'rename' ? `Rename ${mode.path}` : `Delete ${mode.path}?`;
  return (
    <form className={styles.form} onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), onDone())} aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className={styles.formTitle}>
        {title}
      </p>
      {mode.kind === 'delete' ? (
        <p className={styles.formHint}>It is removed from the workspace; images already built keep their copy.</p>
      ) : (
        <>
          <label htmlFor={`${id}-name`} className="visually-hidden">
            Name
          </label>
          <input
            id={`${id}-name`}
            ref={input}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setProblem(null);
            }}
            aria-invalid={problem != null}
            aria-describedby={problem ? `${id}-problem` : undefined}
            autoComplete="off"
            spellCheck={false}
          />
        </>
      )}
      {problem ? (
        <p id={`${id}-problem`} className={styles.problem} role="alert">
          {problem}
        </p>
      ) : null}
      <div className={styles.formButtons}>
        <button type="submit" disabled={busy}>
          {mode.kind === 'create' ? 'Create' : mode.kind === 'rename' ? 'Rename' : 'Delete'}
        </button>
        <button type="button" ref={cancel} onClick={() => onDone()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
