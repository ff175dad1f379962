/**
 * BuildKit `newNodeFromLine` + `parseSubCommand`: one logical line to an `InstructionNode`.
 *
 * `ONBUILD ONBUILD ...` is unwound with a loop instead of BuildKit's recursion, and capped: any
 * chained ONBUILD is rejected later by the instructions step anyway, but a chain thousands deep
 * would overflow the stack of whoever walks the tree (dump, JSON.stringify, structuredClone).
 */
import type { FlagWord, InstructionNode, Position, Range, Word } from '../ast';
import { DockerfileError } from '../errors';
import { lineParserFor } from './line-parsers';
import { splitCommand, type RawFlag, type SplitCommand } from './split-command';

/** Deepest `ONBUILD` nesting accepted; beyond it we report what Docker reports for any chain. */
export const MAX_ONBUILD_DEPTH = 256;

/** Maps logical-line offsets to source ranges (the parser's `LogicalLine`). */
export interface RangeMap {
  /** Source range of logical `[start, end)`. */
  range(start: number, end: number): Range;
  /** Source position of logical offset `offset`. */
  position(offset: number): Position;
}

export interface NodeContext {
  /** The logical line (continuation-joined), as BuildKit's `Original`. */
  line: string;
  escape: string;
  /**
   * An object with a method rather than a closure: it is built for every instruction, and a
   * closure per instruction costs an allocation (and, under esbuild keepNames, a `__name` call).
   */
  map: RangeMap;
}

function toFlagWord(flag: RawFlag, ctx: NodeContext): FlagWord {
  const body = flag.raw.slice(2);
  const eq = body.indexOf('=');
  return {
    raw: flag.raw,
    name: eq < 0 ? body : body.slice(0, eq),
    value: eq < 0 ? null : body.slice(eq + 1),
    range: ctx.map.range(flag.start, flag.end),
  };
}

function baseNode(split: SplitCommand, original: string, lineEnd: number, ctx: NodeContext): InstructionNode {
  const keywordRange = ctx.map.range(split.keywordStart, split.keywordEnd);
  return {
    keyword: split.keyword,
    rawKeyword: split.rawKeyword,
    keywordRange,
    flags: split.flags.map((f) => toFlagWord(f, ctx)),
    args: [],
    json: false,
    child: null,
    heredocs: [],
    original,
    range: { start: keywordRange.start, end: ctx.map.position(lineEnd) },
    comments: [],
  };
}

/**
 * Parses `ctx.line` into a node whose range ends at the end of the logical line (the parser
 * extends the top node over heredoc bodies). Throws location-less `DockerfileError`s.
 */
export function newNodeFromLine(ctx: NodeContext, comments: string[]): InstructionNode {
  const { line } = ctx;
  // Each ONBUILD level re-splits the rest of the line (`parseSubCommand` → `newNodeFromLine`).
  const first = splitCommand(line, 0, line.length);
  // Almost every line is not ONBUILD: build its node without the chain below.
  if (first.keyword !== 'onbuild') return leafNode(first, line, ctx, comments);
  const chain: { split: SplitCommand; original: string }[] = [];
  let start = 0;
  let original = line;
  for (let split = first; ; split = splitCommand(line, start, line.length)) {
    chain.push({ split, original });
    if (split.keyword !== 'onbuild' || split.rest === '') break;
    if (chain.length > MAX_ONBUILD_DEPTH) {
      throw new DockerfileError('instruction', "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
    }
    start = split.restStart;
    original = split.rest;
  }
  let node: InstructionNode | null = null;
  for (let i = chain.length - 1; i >= 0; i--) {
    const link = chain[i];
    if (link === undefined) continue;
    const parent = baseNode(link.split, link.original, line.length, ctx);
    if (node !== null) parent.child = node;
    // `ONBUILD` alone: `parseSubCommand("")` returns no node, so no arguments.
    else if (link.split.keyword !== 'onbuild') fillArgs(parent, link.split, ctx);
    node = parent;
  }
  if (node === null) throw new Error('unreachable: a line always yields a node');
  node.comments = comments;
  return node;
}

function leafNode(split: SplitCommand, line: string, ctx: NodeContext, comments: string[]): InstructionNode {
  const node = baseNode(split, line, line.length, ctx);
  fillArgs(node, split, ctx);
  node.comments = comments;
  return node;
}

/** The keyword's line parser over the rest of the line. */
function fillArgs(node: InstructionNode, split: SplitCommand, ctx: NodeContext): void {
  const parsed = lineParserFor(split.keyword)(split.rest, split.restStart, ctx.escape);
  // `map` sizes the array exactly; pushing into `[]` would reserve 17 slots per instruction.
  node.args = parsed.words.map((w): Word => ({ value: w.value, range: ctx.map.range(w.start, w.end) }));
  node.json = parsed.json;
}
