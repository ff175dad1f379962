import fc from 'fast-check';
import { isEngineError } from '../errors';
import { bytesContent, syntheticContent } from './content';
import { createTree, editTree } from './tree';
import { type TreeDraft } from './tree-draft';

/**
 * Test support (not exported from index.ts): fast-check arbitraries for random file-system
 * workloads, shared by the fs and layer property tests.
 */
// A small random file system workload: names from a tiny alphabet so operations collide often.
const name = fc.constantFrom('a', 'b', 'c', 'dd');
const path = fc.array(name, { minLength: 1, maxLength: 3 }).map((parts) => `/${parts.join('/')}`);
const op = fc.oneof(
  fc.record({ op: fc.constant('write' as const), path, data: fc.string({ maxLength: 4 }), mode: fc.constantFrom(0o644, 0o600, 0o4755) }),
  fc.record({ op: fc.constant('synthetic' as const), path, size: fc.nat(200_000), seed: name }),
  fc.record({ op: fc.constant('mkdir' as const), path, mode: fc.constantFrom(0o755, 0o700, 0o1777) }),
  fc.record({ op: fc.constant('rm' as const), path }),
  fc.record({ op: fc.constant('symlink' as const), path, target: fc.constantFrom('a', '/b', '../c', '/') }),
  fc.record({ op: fc.constant('chown' as const), path, uid: fc.nat(2000) }),
  fc.record({ op: fc.constant('rename' as const), path, to: path }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function run(draft: TreeDraft, o: Op): void {
  try {
    if (o.op === 'write') draft.writeFile(o.path, bytesContent(o.data), { mode: o.mode }, true);
    else if (o.op === 'synthetic') draft.writeFile(o.path, syntheticContent(o.size, o.seed), {}, true);
    else if (o.op === 'mkdir') draft.mkdirp(o.path, { mode: o.mode, uid: 0, gid: 0 });
    else if (o.op === 'rm') draft.remove(o.path, true);
    else if (o.op === 'symlink') draft.symlink(o.target, o.path);
    else if (o.op === 'chown') draft.setAttrs(o.path, { uid: o.uid }, false);
    else draft.rename(o.path, o.to);
  } catch (error) {
    if (!isEngineError(error)) throw error;
  }
}

/** A lower tree and an upper tree derived from it by random edits. */
export const randomTrees = fc.tuple(fc.array(op, { maxLength: 25 }), fc.array(op, { maxLength: 25 })).map(([first, second]) => {
  const lower = editTree(createTree(), (d) => first.forEach((o) => run(d, o)));
  const upper = editTree(lower, (d) => second.forEach((o) => run(d, o)));
  return { lower, upper };
});

