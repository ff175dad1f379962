'use client';
// The files of a layer (issue 6 "Selecting a layer opens its files"): a dive-like tree of what
// the layer adds, modifies and removes, or the whole image with the layers that wrote each path,
// beside the image's efficiency score and wasted bytes with the reason for each wasted path.
import { useId, useRef } from 'react';
import type { ImageAnalysis } from '@/lib/engine';
import type { EngineApi } from '../../_lib/engine/api';
import { EfficiencyPanel } from './efficiency-panel';
import { FileTree, type FileScope } from './file-tree';
import { loadedPages, type DirState } from './file-tree-model';
import { formatSize, layerName } from './format';
import { ExportButton, ViewHeader } from './view-state';
import viz from './viz.module.css';
import styles from './file-tree.module.css';

export interface LayerFilesProps {
  api: Pick<EngineApi, 'listLayerFiles' | 'listImageFiles'>;
  imageRef: string;
  analysis: ImageAnalysis;
  /** The layer shown (0-based). */
  layer: number;
  onLayerChange(layer: number): void;
  scope: FileScope;
  onScopeChange(scope: FileScope): void;
}

export function LayerFiles({ api, imageRef, analysis, layer, onLayerChange, scope, onScopeChange }: LayerFilesProps) {
  const uid = useId();
  const loaded = useRef<ReadonlyMap<string, DirState>>(new Map());
  const layers = analysis.stack.entries.filter((e) => e.layer !== null);
  const entry = layers.find((e) => e.layer === layer);
  const subject = analysis.stack.tags[0] ?? imageRef;
  const titleId = `${uid}-title`;
  const list =
    scope === 'layer'
      ? (dir: string, page: { offset: number; limit: number }) => api.listLayerFiles(imageRef, layer, dir, page)
      : (dir: string, page: { offset: number; limit: number }) => api.listImageFiles(imageRef, dir, page);

  return (
    <section aria-labelledby={titleId} data-testid="layer-files" data-layer={layer} data-scope={scope}>
      <ViewHeader id={titleId} title={`Files of ${subject}`}>
        <ExportButton
          subject={subject}
          view={scope === 'layer' ? `layer-${layer + 1}-files` : 'files'}
          data={() => ({ image: analysis.image, scope, layer, pages: loadedPages(loaded.current, scope === 'layer' ? layer : null), efficiency: analysis.efficiency })}
        />
      </ViewHeader>
      <div className={viz.actions}>
        <label className={viz.field}>
          Layer
          <select value={layer} onChange={(e) => onLayerChange(Number(e.target.value))}>
            {layers.map((e) => (
              <option key={e.index} value={e.layer ?? 0}>
                {layerName(e.layer ?? 0)}: {e.instruction.length > 48 ? `${e.instruction.slice(0, 47)}…` : e.instruction} ({formatSize(e.size)})
              </option>
            ))}
          </select>
        </label>
        <fieldset className={styles.scope}>
          <legend className={viz.srOnly}>Show</legend>
          <label>
            <input type="radio" name={`${uid}-scope`} value="layer" checked={scope === 'layer'} onChange={() => onScopeChange('layer')} /> This layer only
          </label>
          <label>
            <input type="radio" name={`${uid}-scope`} value="image" checked={scope === 'image'} onChange={() => onScopeChange('image')} /> Whole image
          </label>
        </fieldset>
      </div>
      <p className={viz.note}>
        {scope === 'layer'
          ? `What ${layerName(layer)} (${entry?.instruction ?? ''}) changes: + added, ~ modified, − removed (a whiteout). Sizes of directories are what the layer writes under them.`
          : `Every file of the image. A bar on the left marks paths ${layerName(layer)} wrote; "modified" means more than one layer wrote the path.`}
      </p>
      <FileTree
        key={`${imageRef}\u0000${scope}\u0000${layer}`}
        list={list}
        scope={scope}
        layer={layer}
        label={scope === 'layer' ? `Files changed by ${layerName(layer)}` : `Files of ${subject}`}
        onLoaded={(dirs) => {
          loaded.current = dirs;
        }}
      />
      <EfficiencyPanel efficiency={analysis.efficiency} ci={analysis.ci} titleId={`${uid}-efficiency`} />
    </section>
  );
}
