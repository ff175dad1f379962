'use client';
// Storage sharing (issue 6 "Storage sharing"): the images in the store and the layers they share,
// "without sharing" (every image's size added up) against "with sharing" (each layer once), as
// material 3.1 computes it; per image a bar of shared and own bytes; a layers × images matrix.
import { useId, useState } from 'react';
import type { SharingReport } from '@/lib/engine';
import type { EngineApi } from '../../_lib/engine/api';
import { formatBytesExact, formatSize, shortDigest } from './format';
import { imageName, matrixLayers, sharingFormulas } from './sharing-model';
import { ExportButton, TableWrap, Load, useEngineData, ViewHeader } from './view-state';
import viz from './viz.module.css';
import styles from './storage-sharing.module.css';

const MATRIX_ROWS = 30;

export function SharingReportView({ report }: { report: SharingReport }) {
  const uid = useId();
  const [allRows, setAllRows] = useState(false);
  const titleId = `${uid}-title`;
  const formulas = sharingFormulas(report);
  const { rows, hidden } = matrixLayers(report, allRows ? Number.MAX_SAFE_INTEGER : MATRIX_ROWS);
  const largest = Math.max(1, ...report.images.map((i) => i.sharedBytes + i.uniqueBytes));
  if (report.images.length === 0) {
    return (
      <section aria-labelledby={titleId}>
        <ViewHeader id={titleId} title="Storage sharing" />
        <p className={viz.empty}>No images in the store yet: build or pull one.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby={titleId} data-testid="storage-sharing">
      <ViewHeader id={titleId} title="Storage sharing">
        <ExportButton subject="store" view="sharing" data={() => report} />
      </ViewHeader>
      <dl className={viz.figures}>
        <div className={viz.figure}>
          <dt>Without sharing</dt>
          <dd data-testid="without-sharing" title={formatBytesExact(report.withoutSharing)}>
            {formatSize(report.withoutSharing)}
          </dd>
        </div>
        <div className={viz.figure}>
          <dt>With sharing</dt>
          <dd data-testid="with-sharing" title={formatBytesExact(report.withSharing)}>
            {formatSize(report.withSharing)}
          </dd>
        </div>
        <div className={viz.figure}>
          <dt>Saved by sharing</dt>
          <dd>{formatSize(report.savedBytes)}</dd>
        </div>
      </dl>
      <p className={viz.note}>
        Without sharing (every image&apos;s size): <span className={viz.mono}>{formulas.without}</span>
        <br />
        With sharing (each layer once): <span className={viz.mono}>{formulas.with}</span>
      </p>
      <h4 className={viz.subtitle}>Shared and own bytes per image</h4>
      <ul className={styles.bars}>
        {report.images.map((image) => (
          <li key={image.id} className={styles.barItem}>
            <span className={`${styles.barName} ${viz.mono}`}>{imageName(image)}</span>
            <span className={styles.track} aria-hidden="true">
              <span className={styles.shared} style={{ width: `${(image.sharedBytes / largest) * 100}%` }} />
              <span className={styles.own} style={{ width: `${(image.uniqueBytes / largest) * 100}%` }} />
            </span>
            <span className={styles.barText}>
              {formatSize(image.sharedBytes)} shared, {formatSize(image.uniqueBytes)} its own
            </span>
          </li>
        ))}
      </ul>
      <p className={viz.note}>
        <span className={`${styles.key} ${styles.shared}`} aria-hidden="true" /> shared with another image{' '}
        <span className={`${styles.key} ${styles.own}`} aria-hidden="true" /> used by this image only
      </p>
      <h4 className={viz.subtitle}>Layers and the images that use them</h4>
      <TableWrap label="Layers and the images that use them" tall>
        <table className={viz.table}>
          <thead>
            <tr>
              <th scope="col">Layer (diffID)</th>
              <th scope="col" className={viz.num}>
                Size
              </th>
              {report.images.map((image) => (
                <th scope="col" key={image.id} className={viz.mono}>
                  {imageName(image)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((layer) => (
              <tr key={layer.diffId} className={layer.images.length > 1 ? styles.sharedRow : undefined}>
                <th scope="row" className={viz.mono} title={layer.diffId}>
                  {shortDigest(layer.diffId)}
                </th>
                <td className={viz.num}>{formatSize(layer.size)}</td>
                {report.images.map((image) => {
                  const used = layer.images.includes(image.id);
                  return (
                    <td key={image.id} className={styles.cell}>
                      {used ? (
                        <>
                          <span aria-hidden="true">●</span>
                          <span className={viz.srOnly}>used</span>
                        </>
                      ) : (
                        <>
                          <span aria-hidden="true">·</span>
                          <span className={viz.srOnly}>not used</span>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {hidden > 0 && (
        <button type="button" className={viz.button} onClick={() => setAllRows(true)}>
          Show all {report.layers.length} layers
        </button>
      )}
    </section>
  );
}

export function StorageSharing({ api, version = 0 }: { api: Pick<EngineApi, 'storageSharing'>; version?: string | number }) {
  const { state, reload } = useEngineData(`sharing\u0000${version}`, () => api.storageSharing());
  return (
    <Load state={state} what="storage sharing" onRetry={reload}>
      {(report) => <SharingReportView report={report} />}
    </Load>
  );
}
