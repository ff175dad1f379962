'use client';
// The layer stack (issue 6 "Layer stack"): the image as a stack of blocks, base at the bottom,
// newest on top, heights on a square-root scale; base image layers grouped under the base's
// name; cached/rebuilt told by a symbol and a word as well as a colour. A WAI-ARIA tree: arrows
// move, Right/Left open and close a base group, Enter or a click opens the layer's files.
import { useId, useMemo, useState } from 'react';
import type { ImageAnalysis } from '@/lib/engine';
import type { BuildOutcome } from '../../_lib/engine/api';
import { formatBytesExact, formatSize, layerName, shortDigest } from './format';
import { blockHeights } from './scale';
import { cacheLabel, cacheMarks, outcomeFor, rowSize, stackRows, type StackNode, type StackRow } from './stack-model';
import { useTreeKeys } from './use-tree-keys';
import { ExportButton, ViewHeader } from './view-state';
import styles from './layer-stack.module.css';

export interface LayerStackProps {
  analysis: ImageAnalysis;
  /** The last build: marks layers cached or rebuilt when it made this image. */
  lastBuild?: BuildOutcome | null;
  /** The layer (0-based) whose files are open, highlighted. */
  openLayer?: number | null;
  onOpenLayer(layer: number): void;
}

const MARKS = {
  cached: { symbol: '✓', className: styles.cached },
  rebuilt: { symbol: '↻', className: styles.rebuilt },
  pulled: { symbol: '↓', className: styles.pulled },
} as const;

function CacheMark({ cached, base = false }: { cached: boolean | null; base?: boolean }) {
  const label = cacheLabel(cached, base);
  if (label === null) return null;
  const mark = MARKS[label];
  return (
    <span className={`${styles.mark} ${mark.className}`}>
      <span aria-hidden="true">{mark.symbol}</span> {label}
    </span>
  );
}

const isBase = (node: StackNode) => node.kind === 'base' || (node.kind === 'layer' && node.entry.base !== null);

export function LayerStack({ analysis, lastBuild, openLayer = null, onOpenLayer }: LayerStackProps) {
  const { stack } = analysis;
  const uid = useId();
  const [expandedBases, setExpandedBases] = useState<ReadonlySet<number>>(new Set());
  const [showEmpty, setShowEmpty] = useState(false);
  const outcome = outcomeFor(stack, lastBuild);
  const marks = useMemo(() => cacheMarks(stack, outcome), [stack, outcome]);
  const rows = useMemo(() => stackRows(stack, marks, { expandedBases, showEmpty }), [stack, marks, expandedBases, showEmpty]);
  const heights = useMemo(() => blockHeights(rows.map((r) => (r.node.kind === 'meta' ? 0 : rowSize(r.node)))), [rows]);
  const domId = (id: string) => `${uid}-${id}`;
  const titleId = `${uid}-title`;
  const subject = stack.tags[0] ?? stack.imageId;
  const emptySteps = stack.entries.filter((e) => e.emptyLayer).length;

  const toggleBase = (base: number) =>
    setExpandedBases((open) => {
      const next = new Set(open);
      if (!next.delete(base)) next.add(base);
      return next;
    });
  const activate = (row: StackRow) => {
    const { node } = row;
    if (node.kind === 'base') toggleBase(node.base);
    else if (node.kind === 'layer' && node.entry.layer !== null) onOpenLayer(node.entry.layer);
  };
  const { active, focus, onKeyDown } = useTreeKeys(rows, {
    domId,
    activate,
    toggle: (row) => {
      if (row.node.kind === 'base') toggleBase(row.node.base);
    },
  });

  return (
    <section className={styles.view} aria-labelledby={titleId} data-testid="layer-stack">
      <ViewHeader id={titleId} title={`Layers of ${subject}`}>
        <label className={styles.check}>
          <input type="checkbox" checked={showEmpty} onChange={(e) => setShowEmpty(e.target.checked)} />
          Show steps without a layer ({emptySteps})
        </label>
        <ExportButton subject={subject} view="layers" data={() => analysis} />
      </ViewHeader>
      <p className={styles.total} data-testid="image-size-total" data-size-bytes={stack.total} title={formatBytesExact(stack.total)}>
        <span className={styles.totalSize}>{formatSize(stack.total)}</span> in {stack.layerCount} {stack.layerCount === 1 ? 'layer' : 'layers'}
        {stack.bases.length > 0 && (
          <>
            {' '}
            · {formatSize(stack.ownSize)} above {stack.bases[stack.bases.length - 1]?.name}
          </>
        )}
      </p>
      {outcome !== null && (
        <p className={styles.legend}>
          From the last build: <CacheMark cached={true} /> reused from the build cache, <CacheMark cached={false} /> built again.
        </p>
      )}
      {rows.length === 0 ? (
        <p className={styles.legend}>This image has no layers.</p>
      ) : (
        <ul role="tree" aria-labelledby={titleId} className={styles.stack} onKeyDown={onKeyDown}>
          {rows.map((row, i) => {
            const { node } = row;
            const isLayer = node.kind === 'layer';
            const layer = isLayer ? node.entry.layer : null;
            const kind = node.kind === 'base' ? 'base' : node.kind === 'meta' ? 'meta' : node.entry.base === null ? 'layer' : 'base-layer';
            const cached = node.kind === 'meta' ? null : node.cached;
            return (
              <li
                key={row.id}
                id={domId(row.id)}
                role="treeitem"
                aria-level={row.level}
                aria-posinset={row.position}
                aria-setsize={row.setSize}
                aria-expanded={row.expandable ? row.expanded : undefined}
                aria-selected={row.id === active}
                tabIndex={row.id === active ? 0 : -1}
                className={`${styles.block} ${styles[kind]} ${layer !== null && layer === openLayer ? styles.open : ''}`}
                style={{ minHeight: node.kind === 'meta' ? undefined : heights[i] }}
                data-testid={node.kind === 'meta' ? 'layer-meta' : 'layer-item'}
                data-kind={kind}
                {...(cached !== null ? { 'data-cached': String(cached) } : {})}
                {...(node.kind !== 'meta' ? { 'data-size-bytes': rowSize(node) } : {})}
                {...(layer !== null ? { 'data-layer': layer } : {})}
                onFocus={() => focus(row.id)}
                onClick={() => {
                  focus(row.id);
                  activate(row);
                }}
              >
                <span className={styles.line}>
                  {row.expandable && (
                    <span className={styles.chevron} aria-hidden="true">
                      {row.expanded ? '▾' : '▸'}
                    </span>
                  )}
                  <span className={styles.instruction} title={node.kind === 'base' ? node.name : node.entry.createdBy}>
                    {node.kind === 'base' ? (
                      <>
                        <span className={styles.keyword}>FROM</span> {node.name}
                      </>
                    ) : (
                      node.entry.instruction || '(no history)'
                    )}
                  </span>
                  <span className={styles.size} title={formatBytesExact(rowSize(node))}>
                    {node.kind === 'meta' ? 'no layer' : formatSize(rowSize(node))}
                  </span>
                </span>
                {node.kind !== 'meta' && (
                  <span className={styles.details}>
                    {node.kind === 'base' ? (
                      <span>
                        base image · {node.layers} {node.layers === 1 ? 'layer' : 'layers'}
                      </span>
                    ) : (
                      <>
                        <span>{layerName(node.entry.layer ?? 0)}</span>
                        {node.entry.diffId !== null && <span className={styles.digest} title={node.entry.diffId}>{shortDigest(node.entry.diffId)}</span>}
                      </>
                    )}
                    <CacheMark cached={cached} base={isBase(node)} />
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p className={styles.hint}>Select a layer (Enter or click) to open its files. Arrow keys move; Right and Left open and close a base image.</p>
    </section>
  );
}
