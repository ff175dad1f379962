// The build timeline (issue 6 "Build timeline"): per step, the simulated duration (what it would
// take for real: downloads, installs) and the time it took here, each beside the same step of the
// previous build, so "5 min → 5 s" shows per step and in total. Cached steps are marked in words.
import { useId } from 'react';
import type { BuildOutcome } from '../../_lib/engine/api';
import { formatMs, formatSeconds } from './format';
import { barPercent } from './scale';
import { stepTitle, timelineRows, timelineScale, timelineTotals } from './timeline-model';
import { ExportButton, ViewHeader } from './view-state';
import viz from './viz.module.css';
import styles from './timeline.module.css';

function Bar({ percent, kind, label }: { percent: number; kind: 'now' | 'before'; label: string }) {
  return (
    <span className={styles.barRow}>
      <span className={styles.track}>
        <span className={`${styles.bar} ${kind === 'now' ? styles.now : styles.before}`} style={{ width: `${percent}%` }} />
      </span>
      <span className={styles.barText}>{label}</span>
    </span>
  );
}

export function BuildTimeline({ outcome }: { outcome: BuildOutcome }) {
  const uid = useId();
  const rows = timelineRows(outcome);
  const totals = timelineTotals(outcome);
  const scale = timelineScale(rows);
  const subject = outcome.tags[0] ?? outcome.imageId ?? 'build';
  const titleId = `${uid}-title`;
  return (
    <section aria-labelledby={titleId} data-testid="build-timeline">
      <ViewHeader id={titleId} title="Build timeline">
        <ExportButton subject={subject} view="timeline" data={() => outcome} />
      </ViewHeader>
      {!outcome.ok && outcome.error !== undefined && (
        <div className={viz.error} role="alert">
          <p className={viz.errorTitle}>The build failed</p>
          <pre className={viz.errorText}>{outcome.error}</pre>
        </div>
      )}
      <dl className={viz.figures}>
        <div className={viz.figure}>
          <dt>Simulated time{totals.simulatedChange !== null ? ' (previous → this build)' : ''}</dt>
          <dd data-testid="timeline-simulated">{totals.simulatedChange ?? totals.simulated}</dd>
        </div>
        <div className={viz.figure}>
          <dt>Real time here</dt>
          <dd>{totals.realChange ?? totals.real}</dd>
        </div>
        <div className={viz.figure}>
          <dt>Steps from the cache</dt>
          <dd>
            {totals.cachedSteps} of {totals.steps}
          </dd>
        </div>
      </dl>
      <p className={viz.note}>
        Simulated time is what the step would take on a real machine (downloads at a set bandwidth, install costs); real time is what this browser spent.
        {outcome.previous !== undefined ? ' The lighter bar is the previous build of the same tag.' : ' Build again to compare with this build.'}
      </p>
      {rows.length === 0 ? (
        <p className={viz.empty}>The build ran no steps.</p>
      ) : (
        <ol className={styles.steps}>
          {rows.map((row) => (
            <li key={row.key} className={styles.step} data-testid="timeline-step" data-cached={String(row.cached)}>
              <p className={styles.head}>
                <span className={styles.instruction}>{stepTitle(row)}</span>{' '}
                <span className={`${viz.badge} ${row.cached ? viz.added : viz.modified}`}>
                  <span aria-hidden="true">{row.cached ? '✓' : '▶'}</span> {row.cached ? 'cached' : 'ran'}
                </span>
              </p>
              <div className={styles.bars}>
                <span className={styles.barTitle}>Simulated</span>
                <span>
                  <Bar kind="now" percent={barPercent(row.simulatedSeconds, scale.simulated)} label={row.cached ? `${formatSeconds(row.simulatedSeconds)} (cached)` : formatSeconds(row.simulatedSeconds)} />
                  {row.previous !== null && (
                    <Bar kind="before" percent={barPercent(row.previous.simulatedSeconds, scale.simulated)} label={`before: ${formatSeconds(row.previous.simulatedSeconds)}${row.previous.cached ? ' (cached)' : ''}`} />
                  )}
                </span>
                <span className={styles.barTitle}>Real</span>
                <span>
                  <Bar kind="now" percent={barPercent(row.realMs, scale.real)} label={formatMs(row.realMs)} />
                  {row.previous !== null && <Bar kind="before" percent={barPercent(row.previous.realMs, scale.real)} label={`before: ${formatMs(row.previous.realMs)}`} />}
                </span>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
