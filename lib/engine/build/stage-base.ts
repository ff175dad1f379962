import type { Digest } from '@/lib/util';
import { parseDockerfile, toInstructions, type Instruction } from '@/lib/dockerfile';
import { createTree, type FsTree } from '../fs';
import { emptyConfig, fromBase, platformOf } from '../image';
import { cachedImageTree } from './image-resolver';
import type { PlannedStage } from './plan';
import { BuildError, type BuildSession, type StageState } from './session';
import { storeTreeCache } from './tree-cache';
import type { SourceImage } from './types';

/**
 * FROM: where a stage starts (dockerfile2llb `toDispatchState` / `dispatchState` init). Scratch
 * is an empty tree with `emptyImage`'s config; an earlier stage continues from its state (tree,
 * config, declared ARGs); an image starts from its layers and config with OnBuild taken out —
 * those triggers run right after FROM, in the child.
 */

export interface StageStart {
  state: StageState;
  /** The base image, when the stage starts from one. */
  image: SourceImage | null;
  /** ONBUILD triggers of the base, parsed, to run before the stage's own instructions. */
  triggers: Instruction[];
}

function parseTriggers(expressions: readonly string[], stage: PlannedStage): Instruction[] {
  return expressions.map((expression) => {
    try {
      const dockerfile = parseDockerfile(`FROM scratch\n${expression}\n`);
      const command = toInstructions(dockerfile).stages[0]?.commands[0];
      if (command === undefined) throw new Error('empty trigger');
      return command;
    } catch (error) {
      throw new BuildError(`failed to process ONBUILD trigger ${JSON.stringify(expression)}: ${(error as Error).message}`, stage.stage.from.range, { cause: error });
    }
  });
}

export async function startStage(session: BuildSession, planned: PlannedStage): Promise<StageStart> {
  const { argScope } = session.plan;
  const base = planned.base;
  const empty = { classicBusted: false, cmdSet: false, installed: null };
  if (base.kind === 'scratch') {
    const key = await session.digestOf(`scratch|${session.platformText}`);
    const state: StageState = { ...empty, tree: createTree(), treeFromLayers: true, config: emptyConfig(session.platform), layers: [], chainId: null, scope: argScope.startStage(), cacheKey: key, classicKey: key };
    return { state, image: null, triggers: [] };
  }
  if (base.kind === 'stage') {
    const parent = session.stageStates.get(base.index);
    if (parent === undefined) throw new BuildError(`stage ${base.index} was not built`, planned.stage.from.range);
    const triggers = parseTriggers(parent.config.config.OnBuild ?? [], planned);
    const state: StageState = { ...parent, config: fromBase(parent.config), scope: argScope.startStage(parent.scope), classicBusted: false, cmdSet: false };
    return { state, image: null, triggers };
  }
  const platform = planned.platform ?? session.platformText;
  const image = await session.resolveImage(base.ref, platform);
  const key = await session.digestOf(`from|${image.digest}|${platform}`);
  const history = (image.config.history ?? []).filter((h) => h.empty_layer !== true);
  const layers = image.layers.map((layer, i) => ({ diffId: layer.diffId, size: layer.size, createdBy: history[i]?.created_by ?? '', changeSet: layer.changeSet, ...(layer.tarSize !== undefined ? { tarSize: layer.tarSize } : {}) }));
  let chainId = null as StageState['chainId'];
  const chainIds: Digest[] = [];
  for (const layer of layers) {
    chainId = chainId === null ? layer.diffId : await session.digestOf(`${chainId} ${layer.diffId}`);
    chainIds.push(chainId);
  }
  // The image's layers applied in order from the empty root: the tree its chainID names.
  const tree: FsTree = cachedImageTree(image, chainIds, storeTreeCache(session.io.store));
  const state: StageState = {
    ...empty,
    tree,
    treeFromLayers: true,
    config: fromBase({ ...image.config, ...platformOf(image.config) }),
    layers,
    chainId,
    scope: argScope.startStage({ kind: 'image', env: image.config.config.Env ?? [] }),
    cacheKey: key,
    classicKey: key,
    installed: image.installed ?? null,
  };
  return { state, image, triggers: parseTriggers(image.config.config.OnBuild ?? [], planned) };
}
