/**
 * POSIX regular expressions (basic and extended, GNU's extensions `\|`, `\+`, `\?`, `\<`, `\>`)
 * translated to JavaScript RegExp source, for grep and sed. Bracket expressions keep POSIX
 * rules: a backslash inside them is literal and `[:alpha:]` classes work.
 */
const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~',
};

export function posixToJs(pattern: string, extended: boolean): string {
  let out = '';
  let atStart = true;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    const wasStart = atStart;
    atStart = false;
    if (c === '[') {
      const b = bracket(pattern, i);
      out += b.source;
      i = b.end;
      continue;
    }
    if (c === '\\') {
      const n = pattern[++i];
      if (n === undefined) out += '\\\\';
      else if (!extended && '(){}|+?'.includes(n)) {
        out += n;
        if (n === '(' || n === '|') atStart = true;
      } else if (n === '<' || n === '>') out += '\\b';
      else if (/[0-9wWsSbB]/.test(n)) out += `\\${n}`;
      else if (n === 'n') out += '\\n';
      else if (n === 't') out += '\\t';
      else out += escapeJs(n);
      continue;
    }
    if (!extended && '(){}|+?'.includes(c)) {
      out += `\\${c}`;
      continue;
    }
    if (c === '*' && wasStart) {
      out += '\\*';
      continue;
    }
    if (extended && (c === '(' || c === '|')) atStart = true;
    if (c === '^' && !wasStart && !extended) {
      out += '\\^';
      continue;
    }
    out += c === '/' ? '\\/' : c;
    if (c === '^') atStart = true;
  }
  return out;
}

function escapeJs(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

function bracket(pattern: string, start: number): { source: string; end: number } {
  let i = start + 1;
  let body = '';
  if (pattern[i] === '^') {
    body += '^';
    i++;
  }
  if (pattern[i] === ']') {
    body += '\\]';
    i++;
  }
  for (; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === ']') return { source: `[${body}]`, end: i };
    if (c === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(':]', i);
      const cls = close < 0 ? undefined : CLASSES[pattern.slice(i + 2, close)];
      if (cls !== undefined) {
        body += cls;
        i = close + 1;
        continue;
      }
    }
    body += c === '\\' || c === '[' ? `\\${c}` : c;
  }
  // No closing bracket: the `[` is literal.
  return { source: '\\[', end: start };
}

export function compileRegex(pattern: string, extended: boolean, flags: string): RegExp | string {
  try {
    return new RegExp(posixToJs(pattern, extended), flags);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
