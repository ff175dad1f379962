import type { Digest, Sha256Factory } from '@/lib/util';
import type { Store } from '../store';
import type { BaseCandidate } from './base-images';
import { evaluateCi, type CiEvaluation, type CiRules } from './ci-rules';
import { computeEfficiency, type EfficiencyReport } from './efficiency';
import { layerStackOf, type LayerStack } from './layer-stack';
import { createTreeCache, loadAnalysisImage, type TreeCache } from './load-image';

/**
 * Everything the layer view shows about one image, as one JSON-ready object: the layer stack,
 * efficiency and wasted bytes with their reasons, caches left behind, and (when asked) dive's CI
 * verdict. `layerlab analyze --json` prints it; the web app exports it.
 */
export interface ImageAnalysis {
  image: { id: Digest; tags: string[]; size: number; created?: string; os: string; architecture: string };
  stack: LayerStack;
  efficiency: EfficiencyReport;
  ci?: CiEvaluation;
}

export interface AnalyzeOptions {
  sha256?: Sha256Factory;
  /** Keep at most this many wasted paths in `efficiency.wasted` (figures count them all). */
  limit?: number;
  /** Evaluate dive's CI rules (defaults for the ones not given). */
  ci?: Partial<CiRules>;
  extraBases?: readonly BaseCandidate[];
  /** Share trees with other analyses of the same store (e.g. a diff next to it). */
  cache?: TreeCache;
}

export async function analyzeImage(store: Store, name: string, options: AnalyzeOptions = {}): Promise<ImageAnalysis> {
  const image = await loadAnalysisImage(store, name);
  const cache = options.cache ?? createTreeCache();
  const stack = await layerStackOf(store, image, { ...(options.sha256 ? { sha256: options.sha256 } : {}), ...(options.extraBases ? { extraBases: options.extraBases } : {}) });
  const efficiency = computeEfficiency(image, { cache, ...(options.limit !== undefined ? { limit: options.limit } : {}) });
  const { config } = image;
  return {
    image: { id: image.id, tags: image.tags, size: image.size, ...(config.created !== undefined ? { created: config.created } : {}), os: config.os, architecture: config.architecture },
    stack,
    efficiency,
    ...(options.ci !== undefined ? { ci: evaluateCi(efficiency, options.ci) } : {}),
  };
}
