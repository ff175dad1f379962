/**
 * Helpers several rule families share, including the mechanical rewrites used by a hadolint rule
 * and its BuildKit twin (DL3025 ≈ JSONArgsRecommended, DL4000 ≈ MaintainerDeprecated). A fix is
 * only offered when the rewrite is exactly equivalent, so it never changes what the author meant.
 */
import type { Range } from '../../ast';
import type { CmdInstruction, EntrypointInstruction, MaintainerInstruction, RunInstruction } from '../../instructions/types';
import type { LintContext } from '../context';
import type { CommandRef } from '../shell/run-analysis';
import { parseShell, type ShellWord } from '../shell/parse-shell';
import type { LintFix, Reporter } from '../types';
import type { ShellCommand } from '../shell/parse-shell';

const isQuote = (c: number): boolean => c === 0x22 || c === 0x27;

/** hadolint `dropQuotes`: strips `"` and `'` from both ends (by index: most words have none). */
export function dropQuotes(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isQuote(text.charCodeAt(start))) start++;
  while (end > start && isQuote(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** Targets of `--mount=type=cache,...` on a RUN (`target`, `dst` and `destination` are synonyms). */
export function cacheMountTargets(run: RunInstruction): string[] {
  const targets: string[] = [];
  for (const mount of run.mounts) {
    const fields = new Map<string, string>();
    for (const field of mount.split(',')) {
      const eq = field.indexOf('=');
      if (eq > 0) fields.set(field.slice(0, eq).trim().toLowerCase(), field.slice(eq + 1).trim());
    }
    const target = fields.get('target') ?? fields.get('dst') ?? fields.get('destination');
    if (fields.get('type') === 'cache' && target) targets.push(target);
  }
  return targets;
}

/** A fix inserting `text` just after `word` (e.g. ` -y` after `install`), or undefined. */
export function insertAfter(ctx: LintContext, ref: CommandRef, word: ShellWord, text: string, title: string): LintFix | undefined {
  const range = ctx.after(ref.part, word);
  return range ? { title, range, text } : undefined;
}

/** A fix appending ` && <command>` to the end of a RUN's command line, when it ends in a plain command. */
export function appendCommand(ctx: LintContext, run: RunInstruction, command: string, title: string): LintFix | undefined {
  const part = ctx.analyze(run).parts[0];
  if (!part || part.kind !== 'command' || part.script.appendAt === null) return undefined;
  // A heredoc body would follow the line; appending there would change what the body is.
  if (run.heredocs.length > 0) return undefined;
  const range = ctx.after(part, { value: '', start: part.script.appendAt, end: part.script.appendAt, quoted: false });
  return range ? { title, range, text: ` && ${command}` } : undefined;
}

/** Replace a range with text. */
export function replace(range: Range, text: string, title: string): LintFix {
  return { title, range, text };
}

/** The name word and the subcommand word (`apt-get ... install`), for a range covering both. */
export function commandSpan(ctx: LintContext, run: RunInstruction, ref: CommandRef, sub?: ShellWord): Range {
  return ctx.wordRange(run, ref.part, ref.command.name, sub ?? ref.command.name);
}

// Anything the shell would interpret (expansion, operators, globbing, escapes) rules the fix out.
const SHELL_SYNTAX = /[$`;&|<>()*?[\]{}~#\\\n]/;

/** `CMD python app.py` → `CMD ["python", "app.py"]`, for a plain command line only. */
export function jsonFormFix(ins: CmdInstruction | EntrypointInstruction): LintFix | undefined {
  const command = ins.command;
  if (command.form !== 'shell' || SHELL_SYNTAX.test(command.text)) return undefined;
  const script = parseShell(command.text);
  const only = script.commands[0];
  const firstChar = command.text.search(/\S/);
  if (script.commands.length !== 1 || !only || only.name.start !== firstChar) return undefined;
  const words = [only.name, ...only.args].map((w) => JSON.stringify(w.value));
  return { title: 'Use the JSON (exec) form', range: command.range, text: `[${words.join(', ')}]` };
}

/** `MAINTAINER Jane <j@x>` → `LABEL org.opencontainers.image.authors="Jane <j@x>"`. */
export function maintainerToLabelFix(ins: MaintainerInstruction): LintFix {
  const keyword = ins.node.rawKeyword === ins.node.rawKeyword.toLowerCase() ? 'label' : 'LABEL';
  const value = ins.maintainer.replace(/["\\$]/g, '\\$&');
  return {
    title: 'Replace with an authors LABEL',
    range: { start: ins.node.keywordRange.start, end: ins.node.range.end },
    text: `${keyword} org.opencontainers.image.authors="${value}"`,
  };
}

/**
 * hadolint's version-pinning rules (DL3008, DL3013, DL3016, DL3018) share one walk: in each RUN,
 * the first command with an unpinned package is reported at that package, once per RUN.
 * `unpinned` returns that word, or undefined when the command installs nothing unpinned.
 */
export function reportFirstUnpinned(
  ctx: LintContext,
  report: Reporter,
  unpinned: (command: ShellCommand) => ShellWord | undefined,
  message: string,
): void {
  for (const { run } of ctx.runs) {
    for (const ref of ctx.analyze(run).commands) {
      const word = unpinned(ref.command);
      if (word === undefined) continue;
      report({ node: run.node, range: ctx.wordRange(run, ref.part, word), message });
      break;
    }
  }
}
