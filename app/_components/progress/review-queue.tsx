'use client';
// /review: the quiz questions due for review (FSRS, see app/_lib/progress/schedule.ts), each
// answerable again in place with the lesson's own question card, and when the next ones come due.
// An item opened for answering stays on the list after the answer moves its due date, so the
// student sees the feedback; it shows its new due date instead.
import { useEffect, useMemo, useState } from 'react';
import type { QuizExercise } from '@/lib/content';
import { formatDue, reviewQueue, type ReviewItem } from '../../_lib/progress/schedule';
import { ExerciseCard } from '../quiz/exercise-card';
import type { ExerciseHtml } from '../quiz/exercise-html';
import { exerciseHref, formatWhen } from './format';
import styles from './progress.module.css';
import { ProgressStorageNotice } from './storage-notice';
import { useProgress } from './use-progress';

export interface ReviewCatalogEntry {
  exercise: QuizExercise;
  html: ExerciseHtml;
}

export interface ReviewQueueProps {
  /** The course's quiz exercises by id, with their Markdown rendered at build time. */
  catalog: Readonly<Record<string, ReviewCatalogEntry>>;
  /** Lesson titles by lesson id. */
  lessonTitles: Readonly<Record<string, string>>;
}

const lessonAnchor = (item: ReviewItem) => exerciseHref(item.lesson, item.exerciseId);

function DueItem({ item, entry, now, lessonTitle, open, onOpen }: { item: ReviewItem; entry: ReviewCatalogEntry | undefined; now: number; lessonTitle: string; open: boolean; onOpen(): void }) {
  const headingId = `review-${item.exerciseId.replace(/[^a-z0-9-]/gi, '-')}`;
  const due = item.due <= now;
  return (
    <li className={styles.item} data-testid="review-item" data-exercise-id={item.exerciseId} data-due={due}>
      <article aria-labelledby={headingId}>
        <div className={styles.itemHead}>
          <h3 id={headingId}>{entry?.exercise.title ?? item.exerciseId}</h3>
          {!open && entry ? (
            <button type="button" className="button" onClick={onOpen} aria-describedby={headingId}>
              Answer again
            </button>
          ) : null}
        </div>
        <p className={styles.meta}>
          Lesson {item.lesson}
          {lessonTitle ? ` · ${lessonTitle}` : ''} · {due ? (item.due < now - 60_000 ? formatDue(item.due, now) : 'due now') : `answered; next review ${formatDue(item.due, now)}`} · last time: {item.lastRating}
        </p>
        {!entry ? (
          <p>
            This question is no longer in the course. <a href={`/lessons/${item.lesson}/`}>Open lesson {item.lesson}</a>
          </p>
        ) : open ? (
          <ExerciseCard exercise={entry.exercise} mode="practice" html={entry.html} headingLevel={4} />
        ) : (
          <p className={styles.meta}>
            <a href={lessonAnchor(item)}>See it in the lesson</a>
          </p>
        )}
      </article>
    </li>
  );
}

export function ReviewQueue({ catalog, lessonTitles }: ReviewQueueProps) {
  const { progress, error } = useProgress();
  const [tick, setTick] = useState(0);
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());

  // The clock moves on every change and once a minute, so items fall due while the page is open.
  useEffect(() => {
    const timer = setInterval(() => setTick(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const now = progress ? Math.max(progress.readAt, tick) : null;

  const queue = useMemo(() => (progress && now !== null ? reviewQueue(progress.attempts, now) : null), [progress, now]);
  if (error) return <p role="alert">{error}</p>;
  if (!queue || now === null) return <p className={styles.muted}>Reading your review queue…</p>;

  // Due items first; items answered here since the page opened stay, after them.
  const shown = [...queue.due, ...queue.upcoming.filter((i) => opened.has(i.exerciseId))];
  const upcoming = queue.upcoming.filter((i) => !opened.has(i.exerciseId));
  const open = (id: string) => setOpened((s) => new Set([...s, id]));

  return (
    <>
      <ProgressStorageNotice storage={progress?.storage} />
      <section aria-labelledby="due-heading">
        <h2 id="due-heading">Due now</h2>
        <p role="status" data-testid="review-due-count">
          {queue.due.length === 0 ? 'Nothing is due for review.' : `${queue.due.length} question${queue.due.length === 1 ? ' is' : 's are'} due for review.`}
        </p>
        {shown.length > 0 ? (
          <ol className={styles.queue}>
            {shown.map((item) => (
              <DueItem
                key={item.exerciseId}
                item={item}
                entry={catalog[item.exerciseId]}
                now={now}
                lessonTitle={lessonTitles[item.lesson] ?? ''}
                open={opened.has(item.exerciseId)}
                onOpen={() => open(item.exerciseId)}
              />
            ))}
          </ol>
        ) : null}
      </section>
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">Coming up</h2>
        {upcoming.length === 0 ? (
          <p className={styles.muted}>
            {queue.due.length + queue.upcoming.length === 0
              ? 'Nothing yet. Answer the questions in the lessons; each one comes back here when it is time to review it.'
              : 'Nothing else is scheduled.'}
          </p>
        ) : (
          <table className={styles.table} data-testid="review-upcoming">
            <caption className="visually-hidden">Questions coming up for review</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Lesson</th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody>
              {upcoming.map((item) => (
                <tr key={item.exerciseId} data-exercise-id={item.exerciseId}>
                  <th scope="row">
                    <a href={lessonAnchor(item)}>{catalog[item.exerciseId]?.exercise.title ?? item.exerciseId}</a>
                  </th>
                  <td>{item.lesson}</td>
                  <td>
                    <time dateTime={new Date(item.due).toISOString()} title={formatWhen(item.due)}>
                      {formatDue(item.due, now)}
                    </time>{' '}
                    <span className={styles.muted}>({formatWhen(item.due)})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
