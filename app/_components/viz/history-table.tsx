'use client';
// `docker history` as a table (issue 6 "History"): Docker's columns, CREATED BY cut at 45 cells
// as Docker cuts it, the full command on demand (the row's button, or all at once like --no-trunc).
import { Fragment, useId, useState } from 'react';
import type { EngineApi, HistoryRow } from '../../_lib/engine/api';
import { createdSince, ellipsis, formatBytesExact, formatSize, truncateId } from './format';
import { ExportButton, TableWrap, Load, useEngineData, ViewHeader } from './view-state';
import viz from './viz.module.css';
import styles from './history-table.module.css';

const CUT = 45;

export function HistoryTable({ rows, subject, now }: { rows: readonly HistoryRow[]; subject: string; now: number }) {
  const uid = useId();
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [all, setAll] = useState(false);
  const titleId = `${uid}-title`;
  const toggle = (i: number) =>
    setOpen((now) => {
      const next = new Set(now);
      if (!next.delete(i)) next.add(i);
      return next;
    });
  return (
    <section aria-labelledby={titleId}>
      <ViewHeader id={titleId} title={`docker history ${subject}`}>
        <label className={styles.check}>
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Full commands (--no-trunc)
        </label>
        <ExportButton subject={subject} view="history" data={() => rows} />
      </ViewHeader>
      {rows.length === 0 ? (
        <p className={viz.empty}>The image has no history.</p>
      ) : (
        <TableWrap label={`docker history ${subject}`}>
          <table className={viz.table} data-testid="history-table">
            <thead>
              <tr>
                <th scope="col">IMAGE</th>
                <th scope="col">CREATED</th>
                <th scope="col">CREATED BY</th>
                <th scope="col" className={viz.num}>
                  SIZE
                </th>
                <th scope="col">COMMENT</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const command = row.createdBy.replaceAll('\t', ' ');
                const cut = ellipsis(command, CUT);
                const expanded = all || open.has(i);
                const detailId = `${uid}-cmd-${i}`;
                return (
                  <Fragment key={i}>
                    <tr className={row.emptyLayer ? styles.empty : undefined}>
                      <td className={viz.mono}>{truncateId(row.id)}</td>
                      <td className={styles.nowrap} title={row.created}>
                        {createdSince(row.created, now)}
                      </td>
                      <td className={viz.mono}>
                        {cut === command ? (
                          command
                        ) : (
                          <button type="button" className={styles.expand} aria-expanded={expanded} aria-controls={expanded ? detailId : undefined} onClick={() => toggle(i)}>
                            <span aria-hidden="true">{expanded ? '▾ ' : '▸ '}</span>
                            {cut}
                          </button>
                        )}
                      </td>
                      <td className={viz.num} title={formatBytesExact(row.size)}>
                        {formatSize(row.size)}
                      </td>
                      <td>{row.comment}</td>
                    </tr>
                    {expanded && cut !== command && (
                      <tr>
                        <td colSpan={5}>
                          <pre id={detailId} className={styles.full}>
                            {command}
                          </pre>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      <p className={viz.note}>Newest first, as Docker lists it. Rows of 0B are metadata steps (ENV, CMD…) that added no layer.</p>
    </section>
  );
}

export function HistoryView({ api, imageRef, version = 0 }: { api: Pick<EngineApi, 'history'>; imageRef: string; version?: string | number }) {
  const { state, reload } = useEngineData(`${imageRef}\u0000${version}`, () => api.history(imageRef));
  // Read the clock once per answer, not per render.
  const [now] = useState(() => Date.now());
  return (
    <Load state={state} what="the history" onRetry={reload}>
      {(rows) => <HistoryTable rows={rows} subject={imageRef} now={now} />}
    </Load>
  );
}
