'use client';
// Export, import and reset of progress. Export downloads a JSON file; import reads one and merges
// it (a file that fails the check is refused with the reason, and nothing changes); reset asks in
// a modal dialog first. Results are announced to screen readers (status for success, alert for
// failure).
import { useRef, useState, type ChangeEvent } from 'react';
import { progressErrorMessage, resetProgress } from '../../_lib/progress/attempts';
import { exportProgress, importProgress, progressFileName } from '../../_lib/progress/transfer';
import { downloadJson } from '../viz/export-json';
import styles from './progress.module.css';

type Message = { kind: 'status' | 'alert'; text: string } | null;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function TransferControls() {
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ kind: 'status', text: await action() });
    } catch (error) {
      setMessage({ kind: 'alert', text: progressErrorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const download = () =>
    run(async () => {
      const file = await exportProgress();
      const name = progressFileName();
      downloadJson(file, name);
      return `Exported ${plural(file.attempts.length, 'attempt')} and ${plural(file.examples.length, 'built example')} to ${name}.`;
    });

  const upload = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again imports it again
    if (!file) return;
    void run(async () => {
      const added = await importProgress(await file.text());
      const total = added.attempts + added.hints + added.examples;
      return total === 0
        ? `Imported ${file.name}: nothing new, all of it was already here.`
        : `Imported ${file.name}: ${plural(added.attempts, 'attempt')}, ${plural(added.examples, 'built example')} and ${plural(added.hints, 'hint record')} added.`;
    });
  };

  // The safe choice has the focus when the dialog opens.
  const askReset = () => {
    dialog.current?.showModal();
    cancel.current?.focus();
  };

  const reset = () => {
    dialog.current?.close();
    void run(async () => {
      await resetProgress();
      return 'All progress was erased.';
    });
  };

  return (
    <section className={styles.transfer} aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">Keep or move your progress</h2>
      <p>Your progress stays in this browser. Export it to keep a copy or to move it to another browser, then import it there; importing adds what is missing and never duplicates.</p>
      <div className={styles.buttons}>
        <button type="button" className="button" onClick={() => void download()} disabled={busy}>
          Export progress
        </button>
        <button type="button" className="button" onClick={() => fileInput.current?.click()} disabled={busy} aria-describedby="import-help">
          Import progress…
        </button>
        <input ref={fileInput} type="file" accept="application/json,.json" className="visually-hidden" tabIndex={-1} aria-label="Progress file to import" onChange={upload} data-testid="progress-import-file" />
        <button type="button" className={`button ${styles.danger}`} onClick={askReset} disabled={busy}>
          Reset progress…
        </button>
      </div>
      <p id="import-help" className={styles.help}>
        Import takes a file made by “Export progress” (JSON).
      </p>
      <p className={styles.message} role={message?.kind === 'alert' ? 'alert' : 'status'} data-testid="progress-message">
        {message?.text}
      </p>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby="reset-title" aria-describedby="reset-text">
        <h2 id="reset-title">Reset all progress?</h2>
        <p id="reset-text">Every attempt, revealed hint, built example and review date is erased from this browser. Export first if you may want it back.</p>
        <div className={styles.buttons}>
          <button type="button" className={`button ${styles.danger}`} onClick={reset}>
            Yes, erase my progress
          </button>
          <button type="button" className={`button ${styles.secondary}`} onClick={() => dialog.current?.close()} ref={cancel}>
            Cancel
          </button>
        </div>
      </dialog>
    </section>
  );
}
