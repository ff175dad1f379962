import type { Digest } from '@/lib/util';
import { applyChangeSet, changeSetSize, diffTrees, type ChangeSet, type FsTree } from '../fs';
import { createHistoryEntry, withHistory, type HistoryStep, type RunConfig } from '../image';
import { EMPTY_LAYER_DIFF_ID, type LayerDigest } from '../layer';
import { stepCacheKey } from './cache-key';
import type { StageState, StepContext } from './session';
import { storeTreeCache } from './tree-cache';

/**
 * What every step that touches the filesystem shares (RUN, COPY, ADD, WORKDIR): the cache
 * lookup, running the step on a miss, turning the tree change into a layer, and recording the
 * layer with its cache record in one store transaction — so a step that fails writes nothing and
 * the steps before it stay cached (BuildKit's solver commits a vertex only once it completed).
 */

/** The empty layer tar: two zero blocks. */
const EMPTY_LAYER_DIGEST: LayerDigest = { diffId: EMPTY_LAYER_DIFF_ID, tarSize: 1024 };

export interface StepOutcome {
  state: StageState;
  cached: boolean;
  simulatedSeconds: number;
  /** Classic builder: the short ID of the intermediate image this step committed. */
  classicId?: string;
}

export interface LayerStepSpec {
  /** BuildKit op definition (argv/env/cwd/user for RUN, sources/dest/options/checksum for COPY). */
  op: unknown;
  /** Classic builder probe command (`#(nop) COPY file:<hex> in /dest `, or RUN's argv). */
  classicProbe: unknown;
  history: HistoryStep;
  /** Replaces the parent key (`COPY --link`: the copy does not depend on the layers below). */
  keyParent?: string;
  run(tree: FsTree): Promise<{ tree: FsTree; simulatedSeconds: number }>;
}

interface Found {
  diffId: Digest | null;
  size: number;
  /** The layer's recipe (kept so the export need not read it back from the store). */
  changeSet?: ChangeSet;
  /** Byte length of the layer tar, when known without encoding headers. */
  tarSize?: number;
  /** When the step's layer was first created (its cache record's time): its history time. */
  created: string;
}

/** A cache record and its layer recipe, or null (unknown key, or the recipe was collected). */
async function lookup(ctx: StepContext, key: string): Promise<Found | null> {
  const { store } = ctx.session.io;
  const record = await store.get('buildCache', key);
  if (record === undefined) return null;
  const diffId = record.result.diffId;
  if (diffId === null) return { diffId: null, size: 0, created: record.created };
  const layer = await store.get('layers', diffId);
  if (layer === undefined) return null;
  const tarSize = layer.tarSize ?? layer.tarBlob?.size;
  return { diffId, size: layer.size, changeSet: layer.recipe, created: record.created, ...(tarSize !== undefined ? { tarSize } : {}) };
}

/** The key the classic builder's cache would match: parent image + probe config (§2a.3). */
export function classicKeyOf(ctx: StepContext, state: StageState, config: RunConfig, probe: unknown): Promise<string> {
  return stepCacheKey(state.classicKey, { builder: 'classic', config, probe, platform: ctx.session.platformText }, ctx.session.io.sha256);
}

export async function runLayerStep(ctx: StepContext, state: StageState, spec: LayerStepSpec): Promise<StepOutcome> {
  const { session } = ctx;
  const classic = session.mode === 'classic';
  const key = classic
    ? await classicKeyOf(ctx, state, state.config.config, spec.classicProbe)
    : await stepCacheKey(spec.keyParent ?? state.cacheKey, { op: spec.op, platform: session.platformText }, session.io.sha256);
  const mayHit = !session.noCache && !(classic && state.classicBusted);
  let found = mayHit ? await lookup(ctx, key) : null;
  /** The tree after the step on a miss (what the step produced). */
  let ranTree: FsTree | null = null;
  let simulatedSeconds = 0;
  const cached = found !== null;
  if (found === null) {
    const result = await spec.run(state.tree);
    session.checkCancelled();
    simulatedSeconds = result.simulatedSeconds;
    const changeSet = diffTrees(state.tree, result.tree);
    const empty = changeSet.entries.length === 0;
    // Classic: `layer.IsEmpty(diffID)` → no layer; BuildKit: always a layer, the empty tar if need be.
    const digest = classic && empty ? null : empty ? EMPTY_LAYER_DIGEST : await session.memo.hashLayer(changeSet, { signal: session.io.signal });
    const diffId = digest?.diffId ?? null;
    const size = changeSetSize(changeSet);
    const created = session.wallTime();
    await session.io.store.write(async (tx) => {
      if (diffId !== null && !(await tx.has('layers', diffId))) {
        await tx.put('layers', diffId, { diffId, size, parentChainId: state.chainId, recipe: changeSet, ...(digest !== null ? { tarSize: digest.tarSize } : {}) });
      }
      await tx.put('buildCache', key, { result: { diffId }, created, lastUsed: created });
    });
    ranTree = result.tree;
    found = { diffId, size, changeSet, created, ...(digest !== null ? { tarSize: digest.tarSize } : {}) };
  }
  const entry = createHistoryEntry(spec.history, session.mode, {
    created: session.sourceDateEpoch ?? found.created,
    changed: found.diffId !== null,
    shell: state.config.config.Shell,
    author: state.config.author,
  });
  let { config, layers, chainId } = state;
  let withLayer = false;
  if (entry !== null) {
    withLayer = entry.empty_layer !== true && found.diffId !== null;
    config = withHistory(config, entry, withLayer ? (found.diffId as Digest) : undefined);
    if (withLayer) {
      const diffId = found.diffId as Digest;
      layers = [...layers, { diffId, size: found.size, createdBy: entry.created_by ?? '', changeSet: found.changeSet ?? null, ...(found.tarSize !== undefined ? { tarSize: found.tarSize } : {}) }];
      chainId = chainId === null ? diffId : await stepCacheKeyChain(ctx, chainId, diffId);
    }
  }
  let tree: FsTree;
  let treeFromLayers: boolean;
  if (ranTree !== null) {
    // A miss: the step's own output (its layer is a diff of it), not built from the layers.
    tree = ranTree;
    treeFromLayers = false;
  } else if (found.changeSet === undefined) {
    // A hit without a layer (classic builder, nothing changed): the tree is untouched.
    tree = state.tree;
    treeFromLayers = state.treeFromLayers;
  } else if (withLayer && state.treeFromLayers && chainId !== null) {
    // The layers so far plus this one, applied from the empty root: what `chainId` names.
    const trees = storeTreeCache(session.io.store);
    const shared = trees.get(chainId);
    if (shared !== undefined) tree = shared;
    else {
      tree = applyChangeSet(state.tree, found.changeSet);
      trees.set(chainId, tree);
    }
    treeFromLayers = true;
  } else {
    tree = applyChangeSet(state.tree, found.changeSet);
    treeFromLayers = withLayer && state.treeFromLayers;
  }
  const next: StageState = { ...state, tree, treeFromLayers, config, layers, chainId, cacheKey: key, classicKey: classic ? key : state.classicKey, classicBusted: state.classicBusted || (classic && !cached) };
  return { state: next, cached, simulatedSeconds, ...(classic ? { classicId: key.slice(7, 19) } : {}) };
}

/** image-spec ChainID(L0..n) = sha256(ChainID(L0..n-1) + " " + DiffID(n)). */
async function stepCacheKeyChain(ctx: StepContext, parent: Digest, diffId: Digest): Promise<Digest> {
  const hasher = await ctx.session.io.sha256();
  hasher.update(new TextEncoder().encode(`${parent} ${diffId}`));
  return hasher.digest();
}
