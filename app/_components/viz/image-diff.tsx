'use client';
// A side-by-side diff of two images (issue 6 "Multi-stage": single-stage vs multi-stage, before
// vs after): both sides' size and layers, their common base, what B saves, and the paths added,
// removed and changed from A to B.
import { useId, useState } from 'react';
import type { ImageDiff } from '@/lib/engine';
import type { EngineApi, ImageSummary } from '../../_lib/engine/api';
import { beforeAfter, formatBytesExact, formatMegabytes, formatSize, shortDigest } from './format';
import { ExportButton, TableWrap, Load, useEngineData, ViewHeader } from './view-state';
import viz from './viz.module.css';
import styles from './image-diff.module.css';

const SHOWN_PATHS = 200;
const MARK = { added: { symbol: '+', className: viz.added }, removed: { symbol: '−', className: viz.removed }, changed: { symbol: '~', className: viz.modified } } as const;

const refOf = (image: ImageSummary) => image.tags[0] ?? image.id;
/** `app` means `app:latest`, as Docker reads it. */
const withTag = (ref: string) => (ref.includes('@') || ref.startsWith('sha256:') || /:[^/]*$/.test(ref) ? ref : `${ref}:latest`);

export function ImageDiffTable({ diff }: { diff: ImageDiff }) {
  const [all, setAll] = useState(false);
  const name = (side: ImageDiff['a']) => side.tags[0] ?? shortDigest(side.id);
  const shown = all ? diff.paths : diff.paths.slice(0, SHOWN_PATHS);
  const { saving } = diff;
  return (
    <div data-testid="image-diff">
      <div className={styles.sides}>
        {(['a', 'b'] as const).map((key) => {
          const side = diff[key];
          return (
            <dl key={key} className={styles.side}>
              <dt>{key.toUpperCase()}</dt>
              <dd className={viz.mono}>{name(side)}</dd>
              <dd className={styles.big} title={formatBytesExact(side.size)}>
                {formatSize(side.size)}
              </dd>
              <dd>
                {side.layers} {side.layers === 1 ? 'layer' : 'layers'}
              </dd>
            </dl>
          );
        })}
      </div>
      <p className={styles.saving} data-testid="diff-saving">
        {saving.savedBytes >= 0
          ? `B is ${saving.savedPercent}% smaller (${beforeAfter(formatSize(saving.beforeBytes), formatSize(saving.afterBytes))}), saving ${formatMegabytes(saving.savedBytes)}`
          : `B is ${-saving.savedPercent}% larger (${beforeAfter(formatSize(saving.beforeBytes), formatSize(saving.afterBytes))})`}
      </p>
      <p className={viz.note}>
        Common base: {diff.commonBaseLayers} {diff.commonBaseLayers === 1 ? 'layer' : 'layers'} ({formatSize(diff.commonBaseBytes)}). B reuses {diff.sharedLayers} of
        A&apos;s layers ({formatSize(diff.sharedBytes)}). Added in B: {diff.added.paths} paths, {formatSize(diff.added.bytes)}. Removed: {diff.removed.paths} paths,{' '}
        {formatSize(diff.removed.bytes)}. Changed: {diff.changed.paths} paths.
      </p>
      {diff.paths.length === 0 ? (
        <p className={viz.empty}>The two images hold the same files.</p>
      ) : (
        <TableWrap label="Paths that differ" tall>
          <table className={viz.table}>
            <caption className={viz.srOnly}>Paths that differ from A to B</caption>
            <thead>
              <tr>
                <th scope="col">Change</th>
                <th scope="col">Path</th>
                <th scope="col" className={viz.num}>
                  Size in A
                </th>
                <th scope="col" className={viz.num}>
                  Size in B
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((path) => (
                <tr key={path.path}>
                  <td>
                    <span className={`${viz.badge} ${MARK[path.change].className}`}>
                      <span aria-hidden="true">{MARK[path.change].symbol}</span> {path.change}
                    </span>
                  </td>
                  <td className={viz.mono}>
                    {path.path}
                    {path.kind === 'dir' ? '/' : ''}
                    {path.files !== undefined && <span className={styles.files}> ({path.files} {path.files === 1 ? 'file' : 'files'})</span>}
                    {path.details !== undefined && <span className={styles.files}> ({path.details.join(', ')})</span>}
                  </td>
                  <td className={viz.num}>{path.change === 'added' ? '' : formatSize(path.sizeA)}</td>
                  <td className={viz.num}>{path.change === 'removed' ? '' : formatSize(path.sizeB)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {shown.length < diff.paths.length && (
        <button type="button" className={viz.button} onClick={() => setAll(true)}>
          Show all {diff.paths.length} paths
        </button>
      )}
    </div>
  );
}

function DiffPicker({ api, images, initialA, version }: { api: Pick<EngineApi, 'diffImages'>; images: ImageSummary[]; initialA: string; version: string | number }) {
  const uid = useId();
  const refs = images.map(refOf);
  const start = refs.find((r) => r === withTag(initialA) || r === initialA) ?? refs[0] ?? '';
  const [a, setA] = useState(start);
  const [b, setB] = useState(() => refs.find((r) => r !== start) ?? start);
  const same = a === b;
  const { state, reload } = useEngineData(same ? null : `${a}\u0000${b}\u0000${version}`, () => api.diffImages(a, b));
  const titleId = `${uid}-title`;
  const picker = (label: string, value: string, set: (v: string) => void) => (
    <label className={viz.field}>
      {label}
      <select value={value} onChange={(e) => set(e.target.value)}>
        {images.map((image) => (
          <option key={image.id} value={refOf(image)}>
            {image.tags[0] ?? shortDigest(image.id)} ({formatSize(image.size)})
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section aria-labelledby={titleId}>
      <ViewHeader id={titleId} title="Compare two images">
        <ExportButton subject={`${a}-vs-${b}`} view="diff" data={() => (state.status === 'ready' ? state.data : null)} disabled={state.status !== 'ready' || same} />
      </ViewHeader>
      <div className={viz.actions}>
        {picker('A', a, setA)}
        {picker('B', b, setB)}
      </div>
      {same ? (
        <p className={viz.empty}>Choose two different images to compare (for example a single-stage and a multi-stage build of the same app).</p>
      ) : (
        <Load state={state} what="the comparison" onRetry={reload}>
          {(diff) => <ImageDiffTable diff={diff} />}
        </Load>
      )}
    </section>
  );
}

export function ImageDiffView({ api, imageRef, version = 0 }: { api: Pick<EngineApi, 'listImages' | 'diffImages'>; imageRef: string; version?: string | number }) {
  const { state, reload } = useEngineData(`images\u0000${version}`, () => api.listImages());
  return (
    <Load state={state} what="the images" onRetry={reload}>
      {(images) =>
        images.length < 2 ? (
          <p className={viz.empty}>The store holds {images.length === 0 ? 'no image' : 'one image'}: build another (say, a multi-stage version) to compare them.</p>
        ) : (
          <DiffPicker api={api} images={images} initialA={imageRef} version={version} />
        )
      }
    </Load>
  );
}
