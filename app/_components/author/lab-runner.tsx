'use client';
// "Run reference solution" / "Run starter": the engine worker runs the lab in a scratch engine
// (tryLab) and grades it. The expected outcome is shown beside what happened: the solution must
// pass and the starter must fail, or the lab is broken.
import { useState } from 'react';
import type { LabExercise } from '@/lib/content';
import type { LabResult } from '@/lib/grading';
import { getEngine } from '../../_lib/engine/client';
import styles from './author.module.css';
import { expectedOutcome, type Which } from './lab-outcome';

type Run = { state: 'running' } | { state: 'done'; result: LabResult; transcript: string } | { state: 'failed'; message: string };


const LABEL: Record<Which, string> = { solution: 'Reference solution', starter: 'Starter' };

function RunResult({ which, run }: { which: Which; run: Run }) {
  if (run.state === 'running') return <p role="status">{`Running the ${which === 'solution' ? 'reference solution' : 'starter'}…`}</p>;
  if (run.state === 'failed') return <p role="alert">{`Could not run the ${which}: ${run.message}`}</p>;
  const { result, transcript } = run;
  const outcome = expectedOutcome(which, result);
  return (
    <div data-testid={`lab-result-${which}`} data-passed={result.passed ? 'true' : 'false'} data-expected={outcome.ok ? 'true' : 'false'}>
      <p className={outcome.ok ? styles.ok : styles.problem}>
        <strong>{`${LABEL[which]}: ${result.passed ? 'passed' : 'failed'} (${result.score}/${result.max}).`}</strong> {outcome.text}
      </p>
      <table className={styles.checks}>
        <caption className="visually-hidden">{`Checks of the ${which}`}</caption>
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Result</th>
            <th scope="col">Points</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {result.checks.map((check) => (
            <tr key={check.id} data-status={check.status}>
              <th scope="row">
                {check.id}
                <span className={styles.muted}>{` ${check.kind}${check.required ? ', required' : ''}`}</span>
              </th>
              <td>{check.status === 'pass' ? '✓ pass' : check.status === 'fail' ? '✗ fail' : '! error'}</td>
              <td>{`${check.points}/${check.max}`}</td>
              <td>
                {check.detail}
                {check.feedback && <div className={styles.muted}>{check.feedback}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>Transcript</summary>
        <pre className={styles.transcript} tabIndex={0} aria-label={`Transcript of the ${which}`}>
          {transcript}
        </pre>
      </details>
    </div>
  );
}

export function LabRunner({ lab }: { lab: LabExercise }) {
  const [runs, setRuns] = useState<Partial<Record<Which, Run>>>({});
  const [forLab, setForLab] = useState(lab);
  if (forLab !== lab) {
    // Another lab (or an edit of this one): earlier results no longer describe it.
    setForLab(lab);
    setRuns({});
  }
  const run = async (which: Which) => {
    setRuns((r) => ({ ...r, [which]: { state: 'running' } }));
    try {
      const { result, transcript } = await getEngine().tryLab(lab, which);
      setRuns((r) => ({ ...r, [which]: { state: 'done', result, transcript } }));
    } catch (error) {
      setRuns((r) => ({ ...r, [which]: { state: 'failed', message: error instanceof Error ? error.message : String(error) } }));
    }
  };
  const busy = runs.solution?.state === 'running' || runs.starter?.state === 'running';
  return (
    <section className={styles.labRunner} aria-labelledby="lab-runner-title" data-testid="lab-runner">
      <h4 id="lab-runner-title" className={styles.subTitle}>
        Check the lab
      </h4>
      <p className={styles.muted}>{`${lab.checks.length} check${lab.checks.length === 1 ? '' : 's'}; runs in a scratch engine, your playground is not touched.`}</p>
      <div className={styles.buttonRow}>
        <button type="button" disabled={busy} onClick={() => void run('solution')}>
          Run reference solution
        </button>
        <button type="button" disabled={busy} onClick={() => void run('starter')}>
          Run starter
        </button>
      </div>
      {(['solution', 'starter'] as const).map((which) => {
        const state = runs[which];
        return state ? <RunResult key={which} which={which} run={state} /> : null;
      })}
    </section>
  );
}
