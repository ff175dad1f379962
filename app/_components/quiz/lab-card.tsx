'use client';
// A lab in a lesson: its task, hints one at a time, and the way into the playground, where the
// lab panel sets the workspace up and checks the student's work. Shows how earlier tries went.
import { useEffect, useState } from 'react';
import type { LabExercise } from '@/lib/content';
import * as progress from '../../_lib/progress/attempts';
import type { ExerciseHtml } from './exercise-html';
import { HintList } from './hints';
import { exerciseDomId, formatPoints, labHref } from './quiz-model';
import styles from './quiz.module.css';

export function LabCard({ lab, html }: { lab: LabExercise; html: ExerciseHtml }) {
  const domId = exerciseDomId(lab.id);
  const [hints, setHints] = useState(0);
  const [status, setStatus] = useState<progress.ExerciseStatus | null>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      Promise.all([progress.exerciseStatus(lab.id), progress.hintsShown(lab.id)])
        .then(([s, shown]) => {
          if (!live) return;
          setStatus(s);
          setHints((h) => Math.max(h, shown));
        })
        .catch(() => undefined);
    void load();
    // Checked in the playground (another tab, or before coming back): show it here too.
    const stop = progress.subscribeProgress(() => void load());
    return () => {
      live = false;
      stop();
    };
  }, [lab.id]);

  return (
    <div className={styles.form}>
      <div className={`prose ${styles.prompt}`} dangerouslySetInnerHTML={{ __html: html.prompt }} />
      <HintList
        hints={html.hints}
        shown={hints}
        onShow={(next) => {
          setHints(next);
          void progress.recordHintShown(lab.id, next).catch(() => undefined);
        }}
        idPrefix={domId}
      />
      <p className={styles.actions}>
        <a className="button" href={labHref(lab.id)} data-testid="open-lab">
          Open in playground<span className="visually-hidden">: {lab.title}</span>
        </a>
      </p>
      <div
        className={styles.result}
        data-testid="exercise-result"
        role="status"
        {...(status !== null ? { 'data-score': formatPoints(status.best), 'data-max': formatPoints(status.max), 'data-passed': String(status.passed) } : {})}
      >
        {status === null ? null : status.passed ? (
          <p className={styles.verdictPass}>
            <span aria-hidden="true">✓ </span>Passed ({formatPoints(status.best)}/{formatPoints(status.max)} points, {status.attempts} {status.attempts === 1 ? 'check' : 'checks'}).
          </p>
        ) : (
          <p className={styles.verdictFail}>
            Not passed yet: best {formatPoints(status.best)}/{formatPoints(status.max)} points after {status.attempts} {status.attempts === 1 ? 'check' : 'checks'}.
          </p>
        )}
      </div>
    </div>
  );
}
