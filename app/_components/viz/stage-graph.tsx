// The multi-stage view (issue 6 "Multi-stage"): stages as boxes, FROM edges solid and COPY --from
// edges dashed, stages the target did not need greyed (BuildKit never ran them), the builder's
// size against the final image's, and the saving in MB and %.
import { useId } from 'react';
import type { StageGraph as StageGraphData } from '@/lib/engine';
import { beforeAfter, formatMegabytes, formatSize } from './format';
import { describeEdges, layoutStageGraph, NODE_HEIGHT, NODE_WIDTH } from './stage-layout';
import { ExportButton, TableWrap, ViewHeader } from './view-state';
import viz from './viz.module.css';
import styles from './stage-graph.module.css';

function baseText(stage: StageGraphData['stages'][number], graph: StageGraphData): string {
  const { base } = stage;
  if (base.kind === 'scratch') return 'scratch';
  if (base.kind === 'image') return base.ref;
  return graph.stages.find((s) => s.index === base.index)?.name ?? `stage ${base.index}`;
}

export function StageGraph({ graph, subject }: { graph: StageGraphData; subject: string }) {
  const uid = useId();
  const layout = layoutStageGraph(graph);
  const titleId = `${uid}-title`;
  const arrow = `${uid}-arrow`.replace(/:/g, '');
  const words = describeEdges(graph);
  const { savings } = graph;
  return (
    <section aria-labelledby={titleId}>
      <ViewHeader id={titleId} title="Build stages">
        <ExportButton subject={subject} view="stages" data={() => graph} />
      </ViewHeader>
      {savings !== null && (
        <p className={styles.savings} data-testid="stage-savings" data-saved-bytes={savings.savedBytes} data-saved-percent={savings.savedPercent}>
          <span className={styles.savingsBig}>
            {savings.savedPercent >= 0 ? `${savings.savedPercent}% smaller` : `${-savings.savedPercent}% larger`}
          </span>{' '}
          <span>
            {beforeAfter(formatSize(savings.beforeBytes), formatSize(savings.afterBytes))}: the final image ({savings.finalStage}) against the builder ({savings.builderStage}),
            saving {formatMegabytes(savings.savedBytes)}
          </span>
        </p>
      )}
      <figure className={styles.figure} data-testid="stage-graph">
        <svg
          role="img"
          aria-labelledby={`${uid}-svg-title`}
          aria-describedby={`${uid}-words`}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width={layout.width}
          height={layout.height}
          className={styles.svg}
        >
          <title id={`${uid}-svg-title`}>{`Stage graph: ${graph.stages.length} stages`}</title>
          <defs>
            <marker id={arrow} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" className={styles.arrowHead} />
            </marker>
          </defs>
          {layout.edges.map((edge) => (
            <path key={edge.id} d={edge.d} className={`${styles.edge} ${edge.kind === 'copy' ? styles.copy : ''}`} markerEnd={`url(#${arrow})`} data-kind={edge.kind} />
          ))}
          {layout.nodes.map((node) => {
            const stage = node.stage === null ? undefined : graph.stages.find((s) => s.index === node.stage);
            const sub = node.kind === 'image' ? 'image' : node.skipped ? 'skipped' : `${formatSize(stage?.size ?? 0)}${node.target ? ' · final' : ''}`;
            return (
              <g
                key={node.id}
                transform={`translate(${node.x},${node.y})`}
                className={`${styles.node} ${node.kind === 'image' ? styles.image : ''} ${node.skipped ? styles.skipped : ''} ${node.target ? styles.target : ''}`}
                data-node={node.id}
                data-skipped={node.skipped}
              >
                <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx="6" />
                <text x="10" y="22" className={styles.name}>
                  {node.label.length > 22 ? `${node.label.slice(0, 21)}…` : node.label}
                </text>
                <text x="10" y="42" className={styles.sub}>
                  {sub}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption className={viz.note}>Solid arrows: FROM. Dashed arrows: COPY --from. Greyed stages were not needed by the target and never ran.</figcaption>
      </figure>
      <ul id={`${uid}-words`} className={viz.note}>
        {words.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
      <TableWrap label="Stages and their sizes">
        <table className={viz.table}>
          <caption className={viz.srOnly}>Stages and their sizes</caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">FROM</th>
              <th scope="col" className={viz.num}>
                Size
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {graph.stages.map((stage) => (
              <tr key={stage.index} className={stage.skipped ? styles.skippedRow : undefined}>
                <td className={viz.mono}>{stage.name}</td>
                <td className={viz.mono}>{baseText(stage, graph)}</td>
                <td className={viz.num}>{stage.skipped ? '—' : formatSize(stage.size)}</td>
                <td>{stage.target ? 'final image' : stage.skipped ? 'skipped (not needed by the target)' : 'built'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
