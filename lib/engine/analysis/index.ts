/**
 * engine/analysis — what the views show about images, as plain JSON-ready data (issue 6 "Views").
 *
 *   const analysis = await analyzeImage(store, 'app:latest', { ci: {} });   // stack + efficiency + CI
 *   const files = createFileExplorer(await loadAnalysisImage(store, 'app'));
 *   files.listLayer(3, '/var/lib');        // one directory of layer 3: added/modified/removed rows
 *   files.listImage('/usr', { offset: 0, limit: 200 });   // the squashed tree, "changed in layer k"
 *   await storageSharing(store);           // "without sharing" vs "with sharing"
 *   await diffImages(store, 'app:single', 'app:multi');
 *   stageGraph(buildResult);               // FROM / COPY --from edges, builder vs final saving
 *
 * Layer numbers in the data are 0-based indexes into `rootfs.diff_ids`.
 */
export { analyzeImage, type AnalyzeOptions, type ImageAnalysis } from './analyze-image';
export { findBaseChain, storeBaseCandidates, type BaseCandidate, type BaseImage } from './base-images';
export { CACHE_PATHS, cacheOf, type CachePath } from './cache-paths';
export type { CacheFinding } from './cache-findings';
export { DEFAULT_CI_RULES, evaluateCi, formatCiReport, type CiEvaluation, type CiRuleResult, type CiRules, type CiStatus } from './ci-rules';
export { computeEfficiency, type EfficiencyFigures, type EfficiencyOptions, type EfficiencyReport, type WasteCause, type WasteReason, type WastedPath } from './efficiency';
export { createFileExplorer, type FileExplorer } from './file-explorer';
export { permissionString, DEFAULT_PAGE_LIMIT, type DirPage, type FileChange, type FileEntry, type FileEntryKind, type PageOptions } from './file-entry';
export { humanizeBytes, parseBytes } from './humanize-bytes';
export { diffAnalysisImages, diffImages, type DiffSide, type ImageDiff, type PathChangeDetail, type PathDiff } from './image-diff';
export { instructionOf, type InstructionText } from './instruction-text';
export { buildLayerStack, layerStack, layerStackOf, type LayerStack, type LayerStackOptions, type StackBase, type StackEntry } from './layer-stack';
export { createTreeCache, finalTree, loadAnalysisImage, treeAfter, type AnalysisImage, type AnalysisLayer, type TreeCache } from './load-image';
export { sizeSaving, type SizeSaving } from './size-saving';
export { stageGraph, type StageGraph, type StageGraphEdge, type StageGraphNode, type StagePlanInput, type StageRef, type StageSavings } from './stage-graph';
export { imageLabel, sharingOf, storageSharing, type SharingImage, type SharingLayer, type SharingReport } from './storage-sharing';
