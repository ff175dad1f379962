/**
 * The transcript format (README.md beside this file): `$ command` lines, `> ` continuation
 * lines, the expected output below, an optional `# exit N`, and `{{…}}` placeholders for
 * volatile text. Parsing and matching only; the runner is tests/integration/transcripts.test.ts.
 */
export interface Step {
  /** The command as typed, continuation lines joined with newlines. */
  readonly command: string;
  /** Expected output lines (stdout and stderr as the terminal shows them). */
  readonly expected: readonly string[];
  readonly exitCode: number;
  /** 1-based line of the `$` in the transcript file, for failure messages. */
  readonly line: number;
}

const EXIT = /^# exit (\d+)$/;

export function parseTranscript(text: string): Step[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const steps: Step[] = [];
  let i = 0;
  // Anything before the first `$` is a preamble of comments.
  while (i < lines.length && !(lines[i] as string).startsWith('$ ')) i++;
  while (i < lines.length) {
    const line = i + 1;
    const commandLines = [(lines[i] as string).slice(2)];
    i++;
    while (i < lines.length && ((lines[i] as string).startsWith('> ') || lines[i] === '>')) commandLines.push((lines[i++] as string).slice(2));
    const block: string[] = [];
    while (i < lines.length && !(lines[i] as string).startsWith('$ ')) block.push(lines[i++] as string);
    while (block.length > 0 && block[block.length - 1] === '') block.pop();
    let exitCode = 0;
    const last = block[block.length - 1];
    const exit = last === undefined ? null : EXIT.exec(last);
    if (exit !== null) {
      exitCode = Number(exit[1]);
      block.pop();
      while (block.length > 0 && block[block.length - 1] === '') block.pop();
    }
    steps.push({ command: commandLines.join('\n'), expected: block, exitCode, line });
  }
  return steps;
}

/** What each placeholder stands for inside one line. */
const PLACEHOLDERS: Readonly<Record<string, string>> = {
  ID: '[0-9a-f]{12}',
  LONGID: '[0-9a-f]{64}',
  DIGEST: 'sha256:[0-9a-f]{64}',
  AGE: '(?:Less than a second|About a minute|About an hour|an? \\w+|\\d+ \\w+) ago',
  DATE: '[A-Z][a-z]{2} [ \\d]\\d (?: \\d{4}|\\d\\d:\\d\\d)',
  SIZE: '\\d+(?:\\.\\d+)?[kKMGT]?B?',
  NUM: '\\d+',
  '*': '.*?',
};

/** `{{...}}` alone on a line: any number of lines, none included. */
const ANY_LINES = '{{...}}';

export function lineMatcher(expected: string): (actual: string) => boolean {
  if (!expected.includes('{{')) return (actual) => actual === expected;
  let source = '';
  let rest = expected;
  for (;;) {
    const open = rest.indexOf('{{');
    const close = open < 0 ? -1 : rest.indexOf('}}', open);
    if (open < 0 || close < 0) {
      source += escape(rest);
      break;
    }
    const name = rest.slice(open + 2, close);
    const pattern = PLACEHOLDERS[name];
    if (pattern === undefined) throw new Error(`unknown placeholder {{${name}}} in transcript line: ${expected}`);
    source += escape(rest.slice(0, open)) + `(?:${pattern})`;
    rest = rest.slice(close + 2);
  }
  const re = new RegExp(`^${source}$`);
  return (actual) => re.test(actual);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when `actual` lines fit the expected lines (with placeholders and `{{...}}` runs). */
export function matchLines(expected: readonly string[], actual: readonly string[]): boolean {
  const matchers = expected.map((e) => (e === ANY_LINES ? undefined : lineMatcher(e)));
  const memo = new Map<string, boolean>();
  const go = (e: number, a: number): boolean => {
    const key = `${e},${a}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (e === matchers.length) result = a === actual.length;
    else {
      const m = matchers[e];
      if (m === undefined) result = go(e + 1, a) || (a < actual.length && go(e, a + 1));
      else result = a < actual.length && m(actual[a] as string) && go(e + 1, a + 1);
    }
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}

/** Output as lines, trailing blank lines dropped (they separate steps in the file). */
export function outputLines(output: string): string[] {
  const lines = output.replace(/\r\n/g, '\n').split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
