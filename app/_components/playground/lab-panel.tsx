'use client';
// The lab panel of the playground: the task, hints one at a time, "Check my work", and what each
// check found — passed or failed in a word and an icon as well as colour — with its feedback and
// hint, and the score. Checking again costs nothing (KillerCoda's Check).
import { useEffect, useState } from 'react';
import type { CheckResult } from '@/lib/grading';
import * as progress from '../../_lib/progress/attempts';
import { FeedbackText } from '../quiz/feedback-text';
import { HintList } from '../quiz/hints';
import { exerciseDomId, formatPoints } from '../quiz/quiz-model';
import type { LabSession } from './use-lab';
import styles from './lab-panel.module.css';

const STATUS: Record<CheckResult['status'], { icon: string; word: string }> = {
  pass: { icon: '✓', word: 'Passed' },
  fail: { icon: '✗', word: 'Failed' },
  error: { icon: '?', word: 'Could not run' },
};

export function LabPanel({ session }: { session: LabSession }) {
  const { lab, phase, problem, checking, result } = session;
  const [hints, setHints] = useState(0);
  const id = lab?.exercise.id;
  useEffect(() => {
    if (id === undefined) return;
    let live = true;
    void progress
      .hintsShown(id)
      .then((n) => live && setHints((h) => Math.max(h, n)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id]);

  if (lab === null) {
    return problem !== null ? (
      <section id="pane-lab" className={styles.panel} aria-labelledby="pane-lab-title" data-testid="lab-panel">
        <h2 id="pane-lab-title" className={styles.title}>
          Lab
        </h2>
        <p className={styles.problem} role="alert">
          {problem}
        </p>
      </section>
    ) : null;
  }
  const domId = `lab-${exerciseDomId(lab.exercise.id)}`;
  const ready = phase === 'ready';
  return (
    <section id="pane-lab" className={styles.panel} aria-labelledby="pane-lab-title" data-testid="lab-panel" data-lab-id={lab.exercise.id} data-phase={phase}>
      <h2 id="pane-lab-title" className={styles.title}>
        {/^lab\b/i.test(lab.exercise.title) ? lab.exercise.title : `Lab: ${lab.exercise.title}`}
      </h2>
      <div className={`prose ${styles.task}`} dangerouslySetInnerHTML={{ __html: lab.html.prompt }} />
      <HintList
        hints={lab.html.hints}
        shown={hints}
        onShow={(next) => {
          setHints(next);
          void progress.recordHintShown(lab.exercise.id, next).catch(() => undefined);
        }}
        idPrefix={domId}
      />
      <div className={styles.actions}>
        <button type="button" className="button" data-testid="lab-check" disabled={!ready || checking} onClick={() => void session.check()}>
          {checking ? 'Checking…' : 'Check my work'}
        </button>
        <button type="button" className={styles.secondary} disabled={!ready || checking} onClick={() => void session.startOver()}>
          Start over
        </button>
        {phase === 'opening' ? <span className={styles.note}>Setting the lab up…</span> : null}
      </div>
      <div
        className={styles.result}
        data-testid="lab-result"
        role="status"
        aria-live="polite"
        {...(result !== null ? { 'data-score': formatPoints(result.score), 'data-max': formatPoints(result.max), 'data-passed': String(result.passed) } : {})}
      >
        {problem !== null ? <p className={styles.problem}>{problem}</p> : null}
        {result !== null ? (
          <p className={result.passed ? styles.pass : styles.fail}>
            <span aria-hidden="true">{result.passed ? '✓ ' : '✗ '}</span>
            {result.passed ? 'Passed' : result.gradable ? 'Not passed yet' : 'Not gradable'}: {formatPoints(result.score)}/{formatPoints(result.max)} points.
            {!result.gradable ? ' Some checks could not run, so this check does not count.' : ''}
          </p>
        ) : null}
      </div>
      {result !== null ? (
        <ul className={styles.checks} aria-label="Checks" data-testid="lab-checks">
          {result.checks.map((check) => (
            <li key={check.id} className={styles.check} data-testid="lab-check-result" data-check-id={check.id} data-status={check.status}>
              <span className={styles[check.status]}>
                <span aria-hidden="true">{STATUS[check.status].icon} </span>
                {STATUS[check.status].word}
              </span>{' '}
              <span className={styles.checkId}>{check.id}</span>
              {check.required ? <span className={styles.note}> (required)</span> : null}
              <span className={styles.note}>
                {' '}
                · {formatPoints(check.points)}/{formatPoints(check.max)}
              </span>
              <div className={styles.detail}>
                <FeedbackText text={check.feedback ?? check.detail} />
              </div>
              {check.feedback !== undefined && check.detail !== '' ? <div className={styles.note}>{check.detail}</div> : null}
              {check.hint !== undefined ? (
                <div className={styles.hint}>
                  Hint: <FeedbackText text={check.hint} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
