'use client';
// /progress: per lesson, the examples built and exercises passed of the lesson's totals, and each
// exercise with its attempts (when, the answer, the score, the feedback). Then export, import and
// reset. Everything is read from this browser's progress store once the page runs.
import { summarizeLesson, type ExerciseRow, type LessonOutline } from '../../_lib/progress/summary';
import { formatPoints } from '../quiz/quiz-model';
import { exerciseHref, formatWhen } from './format';
import styles from './progress.module.css';
import { ProgressStorageNotice } from './storage-notice';
import { TransferControls } from './transfer-controls';
import { useProgress } from './use-progress';

const KIND_NAMES: Record<string, string> = {
  'fill-in': 'Fill in',
  'true-false': 'True/false',
  choice: 'Choice',
  numeric: 'Numeric',
  open: 'Written',
  lab: 'Lab',
  dockerfile: 'Dockerfile',
};

function ExerciseLine({ row, lessonId }: { row: ExerciseRow; lessonId: string }) {
  const anchor = exerciseHref(lessonId, row.id);
  return (
    <tr data-testid="progress-exercise" data-exercise-id={row.id} data-passed={row.passed}>
      <th scope="row">
        <a href={anchor}>{row.title}</a>
        {row.attempts.length > 0 ? (
          <details>
            <summary>
              {row.attempts.length} attempt{row.attempts.length === 1 ? '' : 's'}
              <span className="visually-hidden"> at {row.title}</span>
            </summary>
            <ol className={styles.history}>
              {row.attempts.map((a) => (
                <li key={a.at}>
                  <time dateTime={new Date(a.at).toISOString()}>{formatWhen(a.at)}</time> · {formatPoints(a.score)}/{formatPoints(a.max)} {a.passed ? 'passed' : 'not passed'}
                  {a.mode === 'test' ? ' (test mode)' : ''}
                  {a.hintsShown > 0 ? ` · ${a.hintsShown} hint${a.hintsShown === 1 ? '' : 's'}` : ''}
                  {a.selfRating ? ` · you rated it “${a.selfRating}”` : ''}
                  {a.response ? <div className={styles.muted}>Answer: {a.response.length > 200 ? `${a.response.slice(0, 200)}…` : a.response}</div> : null}
                  {a.feedback.length > 0 ? <div>{a.feedback.join(' ')}</div> : null}
                </li>
              ))}
            </ol>
          </details>
        ) : null}
      </th>
      <td>{KIND_NAMES[row.kind] ?? row.kind}</td>
      <td className={styles.numeric}>{row.attempts.length > 0 ? `${formatPoints(row.best)}/${formatPoints(row.max)}` : '—'}</td>
      <td className={row.passed ? styles.passed : styles.muted}>{row.passed ? 'Passed' : row.attempts.length > 0 ? 'Not yet' : 'Not tried'}</td>
    </tr>
  );
}

export function ProgressDashboard({ lessons }: { lessons: readonly LessonOutline[] }) {
  const { progress, error } = useProgress();
  return (
    <>
      <ProgressStorageNotice storage={progress?.storage} />
      {error ? (
        <p role="alert" className={styles.message}>
          {error}
        </p>
      ) : null}
      {progress === null && !error ? <p className={styles.muted}>Reading your progress…</p> : null}
      {progress
        ? lessons.map((lesson) => {
            const summary = summarizeLesson(lesson, progress.attempts, progress.examples);
            const headingId = `progress-${lesson.id.replace(/\./g, '-')}`;
            return (
              <section key={lesson.id} className={styles.lesson} aria-labelledby={headingId} data-testid="progress-lesson" data-lesson={lesson.id}>
                <h2 id={headingId}>
                  {lesson.id} {lesson.title}
                </h2>
                <div className={styles.summary}>
                  <p className={styles.bar} data-testid="progress-examples" data-built={summary.built} data-total={summary.examples}>
                    <span>
                      {summary.built} of {summary.examples} examples built
                    </span>
                    <progress max={summary.examples || 1} value={summary.built} aria-label={`Examples built in ${lesson.title}`} />
                  </p>
                  <p className={styles.bar} data-testid="progress-exercises" data-passed={summary.passed} data-total={summary.exercises}>
                    <span>
                      {summary.passed} of {summary.exercises} exercises passed
                    </span>
                    <progress max={summary.exercises || 1} value={summary.passed} aria-label={`Exercises passed in ${lesson.title}`} />
                  </p>
                </div>
                {summary.rows.length > 0 ? (
                  <table className={styles.table}>
                    <caption className="visually-hidden">Exercises of lesson {lesson.id}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Exercise</th>
                        <th scope="col">Kind</th>
                        <th scope="col" className={styles.numeric}>
                          Best
                        </th>
                        <th scope="col">Status</th>
                      </tr>
                    </thead>
                    <tbody>
                      {summary.rows.map((row) => (
                        <ExerciseLine key={row.id} row={row} lessonId={lesson.id} />
                      ))}
                    </tbody>
                  </table>
                ) : null}
              </section>
            );
          })
        : null}
      <TransferControls />
    </>
  );
}
