/**
 * BuildKit `newNodeFromLine` + `parseSubCommand`: one logical line to an `InstructionNode`.
 *
 * `ONBUILD ONBUILD ...` is unwound with a loop instead of BuildKit's recursion, and capped: any
 * chained ONBUILD is rejected later by the instructions step anyway, but a chain thousands deep
 * would overflow the stack of whoever walks the tree (dump, JSON.stringify, structuredClone).
 */
import type { FlagWord, InstructionNode, Range } from '../ast';
import { DockerfileError } from '../errors';
import { lineParserFor } from './line-parsers';
import { splitCommand, type RawFlag, type SplitCommand } from './split-command';

/** Deepest `ONBUILD` nesting accepted; beyond it we report what Docker reports for any chain. */
export const MAX_ONBUILD_DEPTH = 256;

export interface NodeContext {
  /** The logical line (continuation-joined), as BuildKit's `Original`. */
  line: string;
  escape: string;
  /** Source range of logical `[start, end)`. */
  range: (start: number, end: number) => Range;
}

function toFlagWord(flag: RawFlag, ctx: NodeContext): FlagWord {
  const body = flag.raw.slice(2);
  const eq = body.indexOf('=');
  return {
    raw: flag.raw,
    name: eq < 0 ? body : body.slice(0, eq),
    value: eq < 0 ? null : body.slice(eq + 1),
    range: ctx.range(flag.start, flag.end),
  };
}

function baseNode(split: SplitCommand, original: string, lineEnd: number, ctx: NodeContext): InstructionNode {
  const keywordRange = ctx.range(split.keywordStart, split.keywordEnd);
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
    range: { start: keywordRange.start, end: ctx.range(lineEnd, lineEnd).end },
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
  const chain: { split: SplitCommand; original: string }[] = [];
  let start = 0;
  let original = line;
  for (;;) {
    const split = splitCommand(line, start, line.length);
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
    else {
      const parsed =
        link.split.keyword === 'onbuild'
          ? { words: [], json: false } // `ONBUILD` alone: `parseSubCommand("")` returns no node
          : lineParserFor(link.split.keyword)(link.split.rest, link.split.restStart, ctx.escape);
      parent.args = parsed.words.map((w) => ({ value: w.value, range: ctx.range(w.start, w.end) }));
      parent.json = parsed.json;
    }
    node = parent;
  }
  if (node === null) throw new Error('unreachable: a line always yields a node');
  node.comments = comments;
  return node;
}
