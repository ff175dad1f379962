// dive's figures for the image (efficiency score, wasted bytes, user-wasted percent), the
// wasted paths with why each is wasted, what each deleting or overwriting layer costs, and the
// caches the image still carries with the habit that keeps them out.
import type { CiEvaluation, EfficiencyReport } from '@/lib/engine';
import { formatBytesExact, formatRatio, formatSize } from './format';
import { cacheFindingText, cacheNote, causeText, wasteReason } from './waste-model';
import { TableWrap } from './view-state';
import viz from './viz.module.css';

const SHOWN_PATHS = 50;

export function EfficiencyPanel({ efficiency, ci, titleId }: { efficiency: EfficiencyReport; ci?: CiEvaluation | undefined; titleId: string }) {
  const shown = efficiency.wasted.slice(0, SHOWN_PATHS);
  return (
    <section aria-labelledby={titleId}>
      <h4 id={titleId} className={viz.subtitle}>
        Efficiency and wasted space
      </h4>
      <dl className={viz.figures}>
        <div className={viz.figure}>
          <dt>Efficiency score</dt>
          <dd data-testid="efficiency-score" data-value={efficiency.efficiency}>
            {formatRatio(efficiency.efficiency)}
          </dd>
        </div>
        <div className={viz.figure}>
          <dt>Wasted bytes</dt>
          <dd data-testid="wasted-bytes" title={formatBytesExact(efficiency.wastedBytes)}>
            {formatSize(efficiency.wastedBytes)}
          </dd>
        </div>
        <div className={viz.figure}>
          <dt>Of the bytes above the first layer</dt>
          <dd>{formatRatio(efficiency.userWastedPercent)}</dd>
        </div>
        <div className={viz.figure}>
          <dt>Caches left behind</dt>
          <dd title={formatBytesExact(efficiency.cacheBytes)}>{formatSize(efficiency.cacheBytes)}</dd>
        </div>
        {ci !== undefined && (
          <div className={viz.figure}>
            <dt>dive CI rules</dt>
            <dd className={ci.pass ? viz.added : viz.removed}>
              {ci.pass ? '✓ PASS' : '✗ FAIL'}{' '}
              <span className={viz.figureNote}>
                {ci.tally.pass} passed, {ci.tally.fail} failed, {ci.tally.skip} skipped
              </span>
            </dd>
          </div>
        )}
      </dl>
      <p className={viz.note}>
        dive&apos;s score: the bytes the image needs over the bytes its layers ship. A path written by two layers, or written and deleted later, ships
        every copy.
      </p>
      {efficiency.causes.length > 0 && (
        <ul className={viz.note}>
          {efficiency.causes.map((cause) => (
            <li key={`${cause.kind}-${cause.layer}`}>{causeText(cause)}</li>
          ))}
        </ul>
      )}
      {efficiency.wasted.length === 0 ? (
        <p className={viz.note}>No path is held by more than one layer: nothing is wasted.</p>
      ) : (
        <TableWrap label="Wasted paths" tall>
          <table className={viz.table}>
            <caption className={viz.srOnly}>Wasted paths, most bytes first</caption>
            <thead>
              <tr>
                <th scope="col">Path</th>
                <th scope="col" className={viz.num}>
                  Count
                </th>
                <th scope="col" className={viz.num}>
                  Wasted space
                </th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((path) => {
                const cache = cacheNote(path, efficiency.cacheLeftBehind);
                return (
                  <tr key={path.path}>
                    <td className={viz.mono}>{path.path}</td>
                    <td className={viz.num}>{path.count}</td>
                    <td className={viz.num} title={`${formatSize(path.reclaimableBytes)} could be saved`}>
                      {formatSize(path.cumulativeBytes)}
                    </td>
                    <td>
                      {wasteReason(path)}
                      {cache !== null && <>; {cache}</>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      {efficiency.wasted.length > shown.length && (
        <p className={viz.note}>
          {efficiency.wasted.length - shown.length} more wasted paths are in the exported JSON ({efficiency.inefficientPaths} in all).
        </p>
      )}
      {efficiency.cacheLeftBehind.length > 0 && (
        <>
          <h5 className={viz.subtitle}>Caches the image still carries</h5>
          <ul>
            {efficiency.cacheLeftBehind.map((finding) => (
              <li key={finding.dir}>
                {cacheFindingText(finding)}. <em>Fix:</em> {finding.fix}.
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
