/**
 * Thompson construction: a Go regexp syntax tree becomes a small NFA (instructions in flat
 * arrays), the same shape Go's `regexp/syntax.Compile` produces for its own NFA and DFA
 * engines. Running it as an automaton (lazy-dfa.ts) instead of handing a translated pattern
 * to JavaScript's backtracking RegExp is what keeps `*a*a*a*a*b` against a long name linear,
 * exactly like Go's RE2-style engine.
 */
import { charSetKey, type CharSet } from './char-set';
import type { AssertKind, RegexNode } from './parse-regexp';

export const OP_CHAR = 0;
export const OP_SPLIT = 1;
export const OP_ASSERT = 2;
export const OP_MATCH = 3;

export const ASSERT_CODES: Readonly<Record<AssertKind, number>> = {
  'begin-text': 0,
  'end-text': 1,
  'word-boundary': 2,
  'no-word-boundary': 3,
};

export interface Program {
  /** `OP_*` per instruction. */
  readonly op: Uint8Array;
  /** Next instruction (first branch of a split). */
  readonly out: Int32Array;
  /** Second branch of a split, atom index of a char, assert code of an assert. */
  readonly arg: Int32Array;
  readonly start: number;
  /** The distinct character sets the chars test; the matcher's alphabet is built from them. */
  readonly atoms: readonly CharSet[];
  /** `\b`/`\B` need the neighbouring characters, which the cached DFA does not track. */
  readonly hasWordAssert: boolean;
}

export function compileProgram(root: RegexNode): Program {
  const op: number[] = [];
  const out: number[] = [];
  const arg: number[] = [];
  const atoms: CharSet[] = [];
  const atomIndex = new Map<string, number>();
  let hasWordAssert = false;

  const emit = (code: number, next: number, argument: number): number => {
    op.push(code);
    out.push(next);
    arg.push(argument);
    return op.length - 1;
  };

  const atomOf = (set: CharSet): number => {
    const key = charSetKey(set);
    let index = atomIndex.get(key);
    if (index === undefined) {
      index = atoms.length;
      atoms.push(set);
      atomIndex.set(key, index);
    }
    return index;
  };

  // Built back to front: each node is compiled knowing where it continues.
  const compile = (node: RegexNode, next: number): number => {
    switch (node.kind) {
      case 'set':
        return emit(OP_CHAR, next, atomOf(node.set));
      case 'assert':
        if (node.assert === 'word-boundary' || node.assert === 'no-word-boundary') hasWordAssert = true;
        return emit(OP_ASSERT, next, ASSERT_CODES[node.assert]);
      case 'concat': {
        let start = next;
        for (let i = node.items.length - 1; i >= 0; i--) {
          const item = node.items[i];
          if (item !== undefined) start = compile(item, start);
        }
        return start;
      }
      case 'alternate': {
        // A chain of splits, one branch per alternative.
        let start = -1;
        for (let i = node.alternatives.length - 1; i >= 0; i--) {
          const alternative = node.alternatives[i];
          if (alternative === undefined) continue;
          const branch = compile(alternative, next);
          start = start < 0 ? branch : emit(OP_SPLIT, branch, start);
        }
        return start < 0 ? next : start;
      }
      case 'capture':
        return compile(node.sub, next);
      case 'repeat':
        return compileRepeat(node.sub, node.min, node.max, next);
    }
  };

  // x{n,m} is n copies of x then m-n optional ones (Go's simplify does the same, nested);
  // x{n,} ends in a star. Each copy gets its own instructions.
  const compileRepeat = (sub: RegexNode, min: number, max: number, next: number): number => {
    let tail = next;
    if (max === -1) {
      const loop = emit(OP_SPLIT, -1, next);
      out[loop] = compile(sub, loop);
      tail = loop;
    } else {
      for (let k = 0; k < max - min; k++) tail = emit(OP_SPLIT, compile(sub, tail), tail);
    }
    for (let k = 0; k < min; k++) tail = compile(sub, tail);
    return tail;
  };

  const match = emit(OP_MATCH, -1, -1);
  const start = compile(root, match);
  return {
    op: Uint8Array.from(op),
    out: Int32Array.from(out),
    arg: Int32Array.from(arg),
    start,
    atoms,
    hasWordAssert,
  };
}
