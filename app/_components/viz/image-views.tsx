'use client';
// The views that make layers visible (issue 6 item 5), as one tabbed panel for the playground:
//   <ImageViews api={engine} imageRef="myapp:latest" lastBuild={outcome} />
// Layers · Timeline · Stages · Files · History · Sharing · Diff (Timeline with a build, Stages
// with a build that has a stage graph). Every piece of data comes from the engine through `api`;
// the panel keeps only what is on screen, and reloads when another tab changes the store.
import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { CHANGE_CHANNEL, type BuildOutcome, type EngineApi, type EngineChange } from '../../_lib/engine/api';
import { BuildTimeline } from './build-timeline';
import type { FileScope } from './file-tree';
import { HistoryView } from './history-table';
import { ImageDiffView } from './image-diff';
import { LayerFiles } from './layer-files';
import { LayerStack } from './layer-stack';
import { StageGraph } from './stage-graph';
import { StorageSharing } from './storage-sharing';
import { EmptyState, Load, useEngineData } from './view-state';
import styles from './image-views.module.css';

export type ViewTab = 'layers' | 'timeline' | 'stages' | 'files' | 'history' | 'sharing' | 'diff';

const TAB_LABELS: Readonly<Record<ViewTab, string>> = {
  layers: 'Layers',
  timeline: 'Timeline',
  stages: 'Stages',
  files: 'Files',
  history: 'History',
  sharing: 'Sharing',
  diff: 'Diff',
};

export interface ImageViewsProps {
  api: EngineApi;
  /** The image to show (`myapp:latest`, an ID); null before anything was built. */
  imageRef: string | null;
  /** The last build: cached/rebuilt marks, the timeline, the stage graph. */
  lastBuild?: BuildOutcome | null;
  /** Controlled tab (e.g. the terminal opening History); uncontrolled when absent. */
  tab?: ViewTab;
  onTabChange?(tab: ViewTab): void;
  /** The first tab when uncontrolled. */
  initialTab?: ViewTab;
}

/** Tabs shown for what there is: Timeline needs a build, Stages a build with a stage graph. */
export function availableTabs(lastBuild: BuildOutcome | null | undefined): ViewTab[] {
  const tabs: ViewTab[] = ['layers'];
  if (lastBuild != null) tabs.push('timeline');
  if (lastBuild?.stageGraph !== undefined) tabs.push('stages');
  tabs.push('files', 'history', 'sharing', 'diff');
  return tabs;
}

/** Bumps when another tab's (or this tab's) worker changes the images or erases the store. */
function useStoreVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(CHANGE_CHANNEL);
    channel.onmessage = (event: MessageEvent<EngineChange>) => {
      if (event.data?.kind === 'images' || event.data?.kind === 'erased') setVersion((v) => v + 1);
    };
    return () => channel.close();
  }, []);
  return version;
}

export function ImageViews({ api, imageRef, lastBuild = null, tab, onTabChange, initialTab = 'layers' }: ImageViewsProps) {
  const uid = useId();
  const tabs = availableTabs(lastBuild);
  const [ownTab, setOwnTab] = useState<ViewTab>(initialTab);
  const wanted = tab ?? ownTab;
  const current = tabs.includes(wanted) ? wanted : 'layers';
  const [filesLayer, setFilesLayer] = useState<number | null>(null);
  const [scope, setScope] = useState<FileScope>('layer');
  const storeVersion = useStoreVersion();
  const refresh = `${storeVersion}\u0000${lastBuild?.imageId ?? ''}`;
  const analysis = useEngineData(imageRef === null ? null : `${imageRef}\u0000${refresh}`, () => api.analyzeImage(imageRef as string));

  const tabId = (t: ViewTab) => `${uid}-tab-${t}`;
  const panelId = `${uid}-panel`;
  const select = (t: ViewTab, focus = false) => {
    setOwnTab(t);
    onTabChange?.(t);
    if (focus) document.getElementById(tabId(t))?.focus();
  };
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.indexOf(current);
    const next =
      event.key === 'ArrowRight' ? tabs[(at + 1) % tabs.length] : event.key === 'ArrowLeft' ? tabs[(at - 1 + tabs.length) % tabs.length] : event.key === 'Home' ? tabs[0] : event.key === 'End' ? tabs[tabs.length - 1] : undefined;
    if (next === undefined) return;
    event.preventDefault();
    select(next, true);
  };
  const openLayer = (layer: number) => {
    setFilesLayer(layer);
    setScope('layer');
    select('files', true);
  };

  const needImage = (render: () => ReactNode) =>
    imageRef === null ? <EmptyState>Build an image (or pick one in the terminal with docker images) to see its layers.</EmptyState> : render();

  const panel = () => {
    switch (current) {
      case 'layers':
        return needImage(() => (
          <Load state={analysis.state} what="the layers" onRetry={analysis.reload}>
            {(data) => <LayerStack analysis={data} lastBuild={lastBuild} openLayer={filesLayer} onOpenLayer={openLayer} />}
          </Load>
        ));
      case 'files':
        return needImage(() => (
          <Load state={analysis.state} what="the image" onRetry={analysis.reload}>
            {(data) => {
              const last = data.stack.layerCount - 1;
              if (last < 0) return <EmptyState>This image has no layers, so no files.</EmptyState>;
              const layer = filesLayer !== null && filesLayer <= last ? filesLayer : last;
              return <LayerFiles api={api} imageRef={imageRef as string} analysis={data} layer={layer} onLayerChange={setFilesLayer} scope={scope} onScopeChange={setScope} />;
            }}
          </Load>
        ));
      case 'timeline':
        return lastBuild === null ? null : <BuildTimeline outcome={lastBuild} />;
      case 'stages':
        return lastBuild?.stageGraph === undefined ? null : <StageGraph graph={lastBuild.stageGraph} subject={lastBuild.tags[0] ?? imageRef ?? 'build'} />;
      case 'history':
        return needImage(() => <HistoryView api={api} imageRef={imageRef as string} version={refresh} />);
      case 'sharing':
        return <StorageSharing api={api} version={refresh} />;
      case 'diff':
        return needImage(() => <ImageDiffView api={api} imageRef={imageRef as string} version={refresh} />);
    }
  };

  return (
    <div className={styles.views} data-testid="image-views">
      <div role="tablist" aria-label="Image views" className={styles.tabs} onKeyDown={onTabKey}>
        {tabs.map((t) => (
          <button
            key={t}
            id={tabId(t)}
            type="button"
            role="tab"
            aria-selected={t === current}
            aria-controls={t === current ? panelId : undefined}
            tabIndex={t === current ? 0 : -1}
            className={styles.tab}
            onClick={() => select(t)}
          >
            {TAB_LABELS[t]}
          </button>
        ))}
      </div>
      <div id={panelId} role="tabpanel" aria-labelledby={tabId(current)} className={styles.panel} tabIndex={0}>
        {panel()}
      </div>
    </div>
  );
}

export default ImageViews;
