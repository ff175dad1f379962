import type { Instruction } from '@/lib/dockerfile';
import { goClean } from '@/lib/util';
import { editTree } from '../fs';
import { updateConfig } from '../image';
import { runLayerStep, type StepOutcome } from './layer-step';
import type { StageState, StepContext } from './session';
import { resolveUser } from './user-ids';

/**
 * WORKDIR (dockerfile2llb `dispatchWorkdir`): the path is expanded, resolved against the current
 * WORKDIR, set in the config, and created (`mkdir -p`, 0755, owned by the current USER) in a
 * FileOp — a layer in BuildKit unless the path is `/`; the classic builder commits a layer only
 * when the directory did not exist.
 */
export async function dispatchWorkdir(ctx: StepContext, state: StageState, instr: Extract<Instruction, { kind: 'workdir' }>): Promise<StepOutcome> {
  const { session } = ctx;
  const word = session.lexer.expandWord(instr.path.value, state.scope.lookup());
  const current = state.config.config.WorkingDir ?? '/';
  const path = goClean(word.startsWith('/') ? word : `${current}/${word}`);
  const userSpec = state.config.config.User ?? '';
  const configured = { ...state, config: updateConfig(state.config, { WorkingDir: path }) };
  const owner = userSpec === '' ? { uid: 0, gid: 0 } : safeUser(state, userSpec);
  return runLayerStep(ctx, configured, {
    op: { kind: 'mkdir', path, uid: owner.uid, gid: owner.gid },
    classicProbe: `#(nop) WORKDIR ${path}`,
    history: { kind: 'workdir', path },
    run: async (tree) => ({
      tree: editTree(tree, (draft) => {
        draft.mkdirp(path, { mode: 0o755, uid: owner.uid, gid: owner.gid });
      }),
      simulatedSeconds: 0.02,
    }),
  });
}

function safeUser(state: StageState, spec: string): { uid: number; gid: number } {
  try {
    return resolveUser(state.tree, spec);
  } catch {
    // BuildKit only fails on an unknown user when something runs as it; the directory stays root's.
    return { uid: 0, gid: 0 };
  }
}
