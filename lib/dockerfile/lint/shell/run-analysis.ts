/**
 * What a RUN instruction runs, as simple commands with their source ranges. Shell form is
 * parsed as sh; exec form (`RUN ["apt-get", "install", "x"]`) is one command. A heredoc body
 * (`RUN <<EOF`, `RUN bash <<EOF`) is a script of its own, unless its shebang names a
 * non-shell interpreter (`#!/usr/bin/env python3`), which BuildKit runs as a file.
 */
import type { Heredoc, Range } from '../../ast';
import type { RunInstruction } from '../../instructions/types';
import { mapHeredoc, mapJoinedText, type OffsetMap, type SourceText } from '../source-text';
import { basename } from './command-args';
import { parseShell, type ShellCommand, type ShellScript, type ShellWord } from './parse-shell';

export interface ScriptPart {
  kind: 'command' | 'heredoc' | 'exec';
  text: string;
  script: ShellScript;
  /** Source offsets of `text` (computed on first use); null when the text could not be located. */
  readonly map: OffsetMap | null;
  /** For exec form: the range of each array element (a word's `start` is its index). */
  execRanges?: Range[];
}

export interface CommandRef {
  command: ShellCommand;
  part: ScriptPart;
}

export interface RunAnalysis {
  run: RunInstruction;
  parts: ScriptPart[];
  commands: CommandRef[];
  pipes: number;
  /** Every script text joined, for checks on the raw text (hadolint's `original`). */
  original: string;
}

const HEREDOC_ONLY = /^(\s*\d*<<-?\s*(["']?)[^\s<"']+\2\s*)+$/;
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);

export function analyzeRun(run: RunInstruction, source: SourceText, escape: '\\' | '`'): RunAnalysis {
  const parts: ScriptPart[] = [];
  const command = run.command;
  if (command.form === 'exec') {
    const words: ShellWord[] = command.args.map((value, i) => ({ value, start: i, end: i, quoted: true }));
    const [name, ...args] = words;
    const script: ShellScript = { commands: name ? [{ name, args }] : [], pipes: 0, appendAt: null };
    parts.push({ kind: 'exec', text: command.args.join(' '), script, map: null, execRanges: run.node.args.map((a) => a.range) });
    // `RUN ["sh", "-c", "apt-get install ..."]`: the script is shell too (without precise ranges).
    const c = command.args.findIndex((a, i) => i > 0 && /^-[a-z]*c$/.test(a));
    const inner = command.args[c + 1];
    if (SHELLS.has(basename(command.args[0] ?? '')) && c > 0 && inner !== undefined) {
      parts.push({ kind: 'command', text: inner, script: parseShell(inner, escape), map: null });
    }
  } else {
    const text = command.text;
    const script = parseShell(text, escape);
    parts.push(new LazyPart('command', text, script, source, { offset: source.offsetAt(command.range.start), escape }));
    const first = script.commands[0];
    const runsBodies = HEREDOC_ONLY.test(text) || (first !== undefined && SHELLS.has(basename(first.name.value)) && !first.args.some((a) => a.value === '-c'));
    if (runsBodies) {
      for (const heredoc of run.heredocs) {
        const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(heredoc.content);
        const interpreter = shebang ? basename(shebang[1] === '/usr/bin/env' ? (shebang[2] ?? '') : (shebang[1] ?? '')) : 'sh';
        if (!SHELLS.has(interpreter)) continue;
        parts.push(new LazyPart('heredoc', heredoc.content, parseShell(heredoc.content, escape), source, heredoc));
      }
    }
  }
  const commands: CommandRef[] = [];
  let pipes = 0;
  for (const part of parts) {
    pipes += part.script.pipes;
    for (const c of part.script.commands) commands.push({ command: c, part });
  }
  return { run, parts, commands, pipes, original: parts.map((p) => p.text).join('\n') };
}

/**
 * Most RUNs never need a source range, so their offset map is only built when asked for. A
 * class rather than an object literal with a getter and a closure: one is made per RUN, and a
 * literal's accessor is created anew each time.
 */
class LazyPart implements ScriptPart {
  private computed: OffsetMap | null | undefined = undefined;

  constructor(
    readonly kind: 'command' | 'heredoc',
    readonly text: string,
    readonly script: ShellScript,
    private readonly source: SourceText,
    private readonly locate: { offset: number; escape: string } | Heredoc,
  ) {}

  get map(): OffsetMap | null {
    if (this.computed === undefined) {
      const at = this.locate;
      this.computed = 'offset' in at ? mapJoinedText(this.source, at.offset, this.text, at.escape) : mapHeredoc(this.source, at);
    }
    return this.computed;
  }
}

/** The source range of a word (or of words `from`..`to`), or null if it cannot be located. */
export function wordRange(source: SourceText, part: ScriptPart, from: ShellWord, to: ShellWord = from): Range | null {
  if (part.execRanges) {
    const a = part.execRanges[from.start];
    const b = part.execRanges[to.start];
    return a && b ? { start: a.start, end: b.end } : null;
  }
  if (!part.map) return null;
  const start = part.map[from.start];
  const end = to.end > 0 ? part.map[to.end - 1] : undefined;
  return start === undefined || end === undefined ? null : source.rangeOf(start, end + 1);
}

/** The source position just after offset `at` of a part's text, for an insertion. */
export function insertionRange(source: SourceText, part: ScriptPart, at: number): Range | null {
  if (!part.map || at <= 0) return null;
  const before = part.map[at - 1];
  if (before === undefined) return null;
  const pos = source.positionAt(before + 1);
  return { start: pos, end: pos };
}
