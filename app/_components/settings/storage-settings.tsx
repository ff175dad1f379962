'use client';
// Storage settings (issue 6 item 1): how much this site stores of what the browser allows, "keep
// my data" (persistent storage, so the browser does not evict it under pressure), "reset this
// workspace" and "erase all my data", each destructive action behind a second, explicit button.
// A modal <dialog>: the browser traps focus, Escape closes, focus returns to the opener.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngineApi, StorageState } from '../../_lib/engine/api';
import { formatBytes } from '../build/format';
import styles from './storage-settings.module.css';

export interface StorageSettingsProps {
  engine: EngineApi | null;
  open: boolean;
  onClose(): void;
  /** After "erase all my data": the page starts over (reloads). */
  onErased(): void;
  /** After "reset this workspace": the page reloads the (now empty) workspace. */
  onReset(): void;
}

type Confirm = 'reset' | 'erase' | null;

export function StorageSettings({ engine, open, onClose, onErased, onReset }: StorageSettingsProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<StorageState | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    if (engine) setState(await engine.storage());
  }, [engine]);

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      el.showModal();
      setConfirm(null);
      setMessage(null);
      void refresh();
    } else if (!open && el.open) el.close();
  }, [open, refresh]);

  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await what();
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const percent = state && state.quota > 0 ? Math.min(100, (state.usage / state.quota) * 100) : 0;
  return (
    <dialog ref={dialog} className={styles.dialog} aria-labelledby="storage-title" onClose={onClose} data-testid="storage-settings">
      <h2 id="storage-title">Storage</h2>
      <p>Layerlab keeps your images, build cache and files in this browser only. Nothing is uploaded.</p>
      {state ? (
        <div className={styles.usage}>
          <label htmlFor="storage-meter">
            Used <strong>{formatBytes(state.usage)}</strong> of <strong>{formatBytes(state.quota)}</strong> this browser allows this site ({percent.toFixed(1)}%)
          </label>
          <meter id="storage-meter" min={0} max={state.quota || 1} value={state.usage} high={(state.quota || 1) * 0.8} />
        </div>
      ) : (
        <p>Reading how much is stored…</p>
      )}

      <section className={styles.option} aria-labelledby="keep-title">
        <h3 id="keep-title">Keep my data</h3>
        {state?.persisted ? (
          <p data-testid="persisted">The browser keeps this site’s data until you erase it.</p>
        ) : (
          <>
            <p>Without this, the browser may delete the data when the disk runs low.</p>
            <button
              type="button"
              disabled={!engine || busy}
              onClick={() =>
                run(async () => {
                  const granted = (await engine?.requestPersistence()) ?? false;
                  if (!granted) setMessage('The browser did not grant persistent storage. It usually does for sites you visit often or bookmark.');
                  await refresh();
                })
              }
            >
              Keep my data
            </button>
          </>
        )}
      </section>

      <section className={styles.option} aria-labelledby="reset-title">
        <h3 id="reset-title">Reset this workspace</h3>
        <p>Removes your files and the terminal’s history. Images and the build cache stay.</p>
        {confirm === 'reset' ? (
          <div className={styles.confirm}>
            <p>Your files will be gone. Continue?</p>
            <button type="button" className={styles.danger} disabled={busy} onClick={() => run(async () => (await engine?.resetWorkspace(), onReset()))}>
              Yes, reset the workspace
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirm(null)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" disabled={!engine || busy} onClick={() => setConfirm('reset')}>
            Reset this workspace…
          </button>
        )}
      </section>

      <section className={styles.option} aria-labelledby="erase-title">
        <h3 id="erase-title">Erase all my data</h3>
        <p>Deletes everything Layerlab stored in this browser: images, cache, files, progress and settings.</p>
        {confirm === 'erase' ? (
          <div className={styles.confirm}>
            <p>This cannot be undone. Continue?</p>
            <button
              type="button"
              className={styles.danger}
              disabled={busy}
              onClick={() =>
                run(async () => {
                  await engine?.eraseAll();
                  clearLocalData();
                  onErased();
                })
              }
            >
              Yes, erase everything
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirm(null)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" disabled={!engine || busy} onClick={() => setConfirm('erase')}>
            Erase all my data…
          </button>
        )}
      </section>

      {message ? (
        <p className={styles.message} role="alert">
          {message}
        </p>
      ) : null}
      <form method="dialog" className={styles.close}>
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
}

/** Progress and layout live in localStorage under `layerlab` keys; erasing clears them too. */
function clearLocalData(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith('layerlab')) localStorage.removeItem(key);
  } catch {
    // Storage disabled: nothing to clear.
  }
}
