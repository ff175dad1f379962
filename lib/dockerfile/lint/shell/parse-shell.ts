/**
 * Splits a shell script into simple commands: what hadolint calls the "present commands" of a
 * RUN (every command ShellCheck finds, including those in pipelines, `if`/`for` bodies and
 * command substitutions). Assignments (`FOO=1 cmd`), redirections and their targets are not
 * arguments; reserved words are not commands.
 */
import { lexShell, type ShellToken, type ShellWord } from './lex-shell';

export type { ShellWord } from './lex-shell';

export interface ShellCommand {
  name: ShellWord;
  args: ShellWord[];
}

export interface ShellScript {
  commands: ShellCommand[];
  /** Number of `|` / `|&` pipes (hadolint's `hasPipes`). */
  pipes: number;
  /**
   * Offset just after the script's last word when it ends with a plain command, where
   * ` && more` can be appended; null when it ends with a comment, an operator or nothing.
   */
  appendAt: number | null;
}

const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}', 'function', 'time']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;

export function parseShell(text: string, escape: '\\' | '`' = '\\', from = 0, to = text.length): ShellScript {
  const lexed = lexShell(text, from, to, escape);
  const out: ShellScript = { commands: [], pipes: 0, appendAt: null };
  assemble(lexed.tokens, out);
  // Commands inside $(...) are assembled after the outer ones; no rule depends on their order.
  for (const tokens of lexed.nested) {
    const inner: ShellScript = { commands: [], pipes: 0, appendAt: null };
    assemble(tokens, inner);
    out.commands.push(...inner.commands);
    out.pipes += inner.pipes;
  }
  const last = lexed.tokens[lexed.tokens.length - 1];
  out.appendAt = last?.kind === 'word' ? last.word.end : null;
  return out;
}

type Mode = 'command' | 'for-header' | 'case-header' | 'case-pattern';

function assemble(tokens: readonly ShellToken[], out: ShellScript): void {
  let current: ShellCommand | null = null;
  let skipNextWord = false;
  let mode: Mode = 'command';
  let caseDepth = 0;
  // The current command is closed inline (no `finish` closure: this runs for every RUN).
  for (const token of tokens) {
    if (token.kind === 'comment') continue;
    if (token.kind === 'redirect') {
      skipNextWord = true;
      continue;
    }
    if (token.kind === 'op') {
      if (mode === 'case-pattern') {
        if (token.op === ')') mode = 'command';
        continue;
      }
      if (token.op === '|' || token.op === '|&') out.pipes++;
      if (current) out.commands.push(current);
      current = null;
      if (mode === 'for-header' && (token.op === ';' || token.op === '\n')) mode = 'command';
      if (caseDepth > 0 && (token.op === ';;' || token.op === ';&')) mode = 'case-pattern';
      continue;
    }
    const word = token.word;
    if (skipNextWord) {
      skipNextWord = false;
      continue;
    }
    if (mode === 'case-pattern' && !word.quoted && word.value === 'esac') {
      caseDepth--;
      mode = 'command';
      continue;
    }
    if (mode === 'for-header' || mode === 'case-pattern') continue;
    if (mode === 'case-header') {
      if (!word.quoted && word.value === 'in') mode = 'case-pattern';
      continue;
    }
    if (current) {
      current.args.push(word);
      continue;
    }
    if (ASSIGNMENT.test(word.value)) continue;
    if (!word.quoted) {
      if (word.value === 'for' || word.value === 'select') {
        mode = 'for-header';
        continue;
      }
      if (word.value === 'case') {
        caseDepth++;
        mode = 'case-header';
        continue;
      }
      if (word.value === 'esac' && caseDepth > 0) {
        caseDepth--;
        continue;
      }
      if (RESERVED.has(word.value)) continue;
    }
    current = { name: word, args: [] };
  }
  if (current) out.commands.push(current);
}
