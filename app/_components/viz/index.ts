// The views that make layers visible (issue 6 item 5). The playground mounts `ImageViews`
// (lazy: `dynamic(() => import('@/app/_components/viz/image-views'))`); the pieces are exported
// for pages that need one view alone.
export { ImageViews, availableTabs, type ImageViewsProps, type ViewTab } from './image-views';
export { LayerStack, type LayerStackProps } from './layer-stack';
export { LayerFiles, type LayerFilesProps } from './layer-files';
export { BuildTimeline } from './build-timeline';
export { StageGraph } from './stage-graph';
export { ImageDiffView, ImageDiffTable } from './image-diff';
export { StorageSharing, SharingReportView } from './storage-sharing';
export { HistoryView, HistoryTable } from './history-table';
