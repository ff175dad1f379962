import styles from './editor.module.css';

/** Shown while Monaco's code downloads and starts (a few hundred ms on a fast machine). */
export function EditorLoading({ height }: { height: string }) {
  return (
    <div className={styles.loading} style={{ height }} role="status">
      Loading the editor…
    </div>
  );
}
