import { isShellError, parseScript } from '@/lib/shell';

/**
 * How an interactive shell reads: lines accumulate until they form complete commands — an open
 * `if`, quote, `$(`, pipe or `&&`, a trailing backslash or a here-doc without its delimiter line
 * asks for another line (the `> ` prompt) — then the whole text runs. Any other syntax error is
 * complete: the shell runs it and reports the error.
 */
export function isCompleteInput(source: string): boolean {
  if (/(^|[^\\])(\\\\)*\\$/.test(source)) return false;
  let script;
  try {
    script = parseScript(source);
  } catch (error) {
    if (isShellError(error, 'syntax') && INCOMPLETE.test(error.message)) return false;
    return true;
  }
  return heredocsClosed(script, source);
}

const INCOMPLETE = /end of file unexpected|Unterminated quoted string|EOF in backquote|Missing '}'/;

/** Every here-doc opened in `source` has its delimiter line (dash accepts a missing one at EOF). */
function heredocsClosed(script: unknown, source: string): boolean {
  const heredocs: { delimiter: string; stripTabs: boolean }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if ((record.op === '<<' || record.op === '<<-') && typeof (record.target as { raw?: unknown } | undefined)?.raw === 'string') {
      heredocs.push({ delimiter: ((record.target as { raw: string }).raw).replace(/["'\\]/g, ''), stripTabs: record.op === '<<-' });
    }
    for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
  };
  walk(script);
  if (heredocs.length === 0) return true;
  const lines = source.split('\n');
  let at = 1;
  for (const { delimiter, stripTabs } of heredocs) {
    while (at < lines.length && (stripTabs ? (lines[at] as string).replace(/^\t+/, '') : lines[at]) !== delimiter) at++;
    if (at >= lines.length) return false;
    at++;
  }
  return true;
}

/**
 * Splits typed or pasted text into complete commands, keeping what is still open. `push` takes
 * any text (one line, several, a paste with a final newline or without) and returns the commands
 * that became complete; `pending` is the text waiting for more lines.
 */
export class InputAccumulator {
  private buffer: string[] = [];

  get pending(): boolean {
    return this.buffer.length > 0;
  }

  push(text: string): string[] {
    const complete: string[] = [];
    const lines = text.split('\n');
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    for (const line of lines) {
      this.buffer.push(line);
      const source = this.buffer.join('\n');
      if (!isCompleteInput(source)) continue;
      this.buffer = [];
      // A blank line runs nothing and is not remembered (bash's history ignores it too).
      if (source.trim() !== '') complete.push(source);
    }
    return complete;
  }

  /** The open text, removed (end of input). */
  take(): string | undefined {
    const text = this.buffer.length > 0 ? this.buffer.join('\n') : undefined;
    this.buffer = [];
    return text;
  }

  /** Ctrl+C while a command is still open: drop it, as bash does. */
  reset(): void {
    this.buffer = [];
  }
}
