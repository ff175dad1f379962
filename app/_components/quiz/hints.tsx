'use client';
// Hints revealed one at a time ("Show hint 1 of 3"), as Moodle's interactive behaviour and edX's
// demand hints do. The count is kept with the student's progress, so a reload shows the same hints.
import styles from './quiz.module.css';

export function HintList({ hints, shown, onShow, idPrefix }: { hints: readonly string[]; shown: number; onShow(next: number): void; idPrefix: string }) {
  if (hints.length === 0) return null;
  const visible = hints.slice(0, shown);
  return (
    <div className={styles.hints}>
      {visible.length > 0 ? (
        <ol className={styles.hintsList} aria-label="Hints" id={`${idPrefix}-hints`}>
          {visible.map((hint, i) => (
            <li key={i} data-testid="hint">
              <span className={styles.hintLabel}>Hint {i + 1}:</span> <span dangerouslySetInnerHTML={{ __html: hint }} />
            </li>
          ))}
        </ol>
      ) : null}
      {shown < hints.length ? (
        <button type="button" className={styles.showHint} onClick={() => onShow(shown + 1)}>
          Show hint {shown + 1} of {hints.length}
        </button>
      ) : null}
    </div>
  );
}
