'use client';
// Shown when the browser refused to store more: what happened, that nothing was lost, and how
// to make room. An alert, so screen readers announce it at once.
import styles from './playground.module.css';

export function QuotaBanner({ message, onOpenSettings, onDismiss }: { message: string; onOpenSettings(): void; onDismiss(): void }) {
  return (
    <div className={styles.quota} role="alert" data-testid="quota-error">
      <p>
        <strong>Storage is full.</strong> The browser would not let Layerlab store more, so the last step was not saved. Nothing that
        was saved before is lost.
      </p>
      <p className={styles.quotaDetail}>{message}</p>
      <p>
        Make room by removing images you no longer need (<code>docker image prune -a</code> or <code>docker rmi</code> in the
        terminal), or see what is stored in the storage settings.
      </p>
      <div className={styles.quotaButtons}>
        <button type="button" onClick={onOpenSettings}>
          Open storage settings
        </button>
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
