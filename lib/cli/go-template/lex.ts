// The lexer of Go's text/template/parse (delimiters `{{` `}}`), producing the same items,
// positions, lines and error texts. Positions are UTF-16 indexes; errors convert to bytes.
import { goQuote, isGoDigit, isGoLetter } from '@/lib/util';

export const enum T {
  Error,
  Bool,
  Char,
  CharConstant,
  Comment,
  Assign,
  Declare,
  EOF,
  Field,
  Identifier,
  LeftDelim,
  LeftParen,
  Number,
  Pipe,
  RawString,
  RightDelim,
  RightParen,
  Space,
  String,
  Text,
  Variable,
  // Keywords (Go prints them as <word>).
  Keyword,
  Block,
  Break,
  Continue,
  Dot,
  Define,
  Else,
  End,
  If,
  Nil,
  Range,
  Template,
  With,
}

export interface Item {
  typ: T;
  pos: number;
  val: string;
  line: number;
}

const KEYWORDS: Readonly<Record<string, T>> = {
  '.': T.Dot,
  block: T.Block,
  break: T.Break,
  continue: T.Continue,
  define: T.Define,
  else: T.Else,
  end: T.End,
  if: T.If,
  range: T.Range,
  nil: T.Nil,
  template: T.Template,
  with: T.With,
};

const LEFT = '{{';
const RIGHT = '}}';
const EOF = -1;

export function isSpace(r: number): boolean {
  return r === 0x20 || r === 0x09 || r === 0x0d || r === 0x0a;
}

export function isAlphaNumeric(r: number): boolean {
  return r === 0x5f || isGoLetter(r) || isGoDigit(r);
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Go's `%#U`: `U+007D '}'`, without the quoted char when not printable. */
export function formatSharpU(r: number): string {
  const hex = r.toString(16).toUpperCase().padStart(4, '0');
  const ch = String.fromCodePoint(r);
  return r === 0x20 || (r >= 0 && PRINTABLE.test(ch)) ? `U+${hex} '${ch}'` : `U+${hex}`;
}

/** Lexes the whole input; the list ends with an EOF or an Error item. */
export function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let line = 1;
  let startLine = 1;
  let parenDepth = 0;
  let width = 0;

  const next = (): number => {
    if (pos >= input.length) {
      width = 0;
      return EOF;
    }
    const r = input.codePointAt(pos) ?? 0;
    width = r > 0xffff ? 2 : 1;
    pos += width;
    if (r === 0x0a) line++;
    return r;
  };
  const peek = (): number => (pos >= input.length ? EOF : (input.codePointAt(pos) ?? 0));
  const backup = (): void => {
    if (width > 0) {
      pos -= width;
      if (input.charCodeAt(pos) === 0x0a) line--;
    }
  };
  const emit = (typ: T): void => {
    items.push({ typ, pos: start, val: input.slice(start, pos), line: startLine });
    start = pos;
    startLine = line;
  };
  const ignore = (): void => {
    line += countNewlines(input, start, pos);
    start = pos;
    startLine = line;
  };
  const accept = (valid: string): boolean => {
    const r = next();
    if (r !== EOF && valid.includes(String.fromCodePoint(r))) return true;
    backup();
    return false;
  };
  const acceptRun = (valid: string): void => {
    while (accept(valid));
  };
  const fail = (message: string): false => {
    items.push({ typ: T.Error, pos: start, val: message, line: startLine });
    return false;
  };
  const hasLeftTrim = (at: number): boolean => input[at] === '-' && isSpace(input.charCodeAt(at + 1));
  const hasRightTrim = (at: number): boolean => isSpace(input.charCodeAt(at)) && input[at + 1] === '-';
  const atRightDelim = (): { delim: boolean; trim: boolean } => {
    if (hasRightTrim(pos) && input.startsWith(RIGHT, pos + 2)) return { delim: true, trim: true };
    return { delim: input.startsWith(RIGHT, pos), trim: false };
  };
  const atTerminator = (): boolean => {
    const r = peek();
    if (isSpace(r)) return true;
    if (r === EOF || r === 0x2e || r === 0x2c || r === 0x7c || r === 0x3a || r === 0x29 || r === 0x28) return true;
    // Go checks only the first rune of the right delimiter here.
    return r === RIGHT.charCodeAt(0);
  };
  const leftTrimLength = (from: number): number => {
    let i = from;
    while (i < input.length && isSpace(input.charCodeAt(i))) i++;
    return i - from;
  };

  /** Text up to the next `{{`; returns false at EOF. */
  const lexText = (): boolean => {
    const x = input.indexOf(LEFT, pos);
    if (x < 0) {
      pos = input.length;
      if (pos > start) {
        line += countNewlines(input, start, pos);
        emit(T.Text);
      }
      emit(T.EOF);
      return false;
    }
    if (x > pos) {
      pos = x;
      let trimLength = 0;
      if (hasLeftTrim(x + LEFT.length)) {
        let e = pos;
        while (e > start && isSpace(input.charCodeAt(e - 1))) e--;
        trimLength = pos - e;
      }
      pos -= trimLength;
      line += countNewlines(input, start, pos);
      const text = input.slice(start, pos);
      const item: Item = { typ: T.Text, pos: start, val: text, line: startLine };
      start = pos;
      startLine = line;
      pos += trimLength;
      ignore();
      if (text.length > 0) items.push(item);
    }
    return true;
  };

  /** `{{` with its trim marker, or a whole comment. Returns 'action', 'text' or 'stop'. */
  const lexLeftDelim = (): 'action' | 'text' | 'stop' => {
    pos += LEFT.length;
    const trim = hasLeftTrim(pos);
    const afterMarker = trim ? 2 : 0;
    if (input.startsWith('/*', pos + afterMarker)) {
      pos += afterMarker;
      ignore();
      pos += 2;
      const x = input.indexOf('*/', pos);
      if (x < 0) return fail('unclosed comment') ? 'text' : 'stop';
      pos = x + 2;
      const rd = atRightDelim();
      if (!rd.delim) return fail('comment ends before closing delimiter') ? 'text' : 'stop';
      if (rd.trim) pos += 2;
      pos += RIGHT.length;
      if (rd.trim) pos += leftTrimLength(pos);
      ignore();
      return 'text';
    }
    items.push({ typ: T.LeftDelim, pos: start, val: input.slice(start, pos), line: startLine });
    pos += afterMarker;
    ignore();
    parenDepth = 0;
    return 'action';
  };

  const lexRightDelim = (trim: boolean): void => {
    if (trim) {
      pos += 2;
      ignore();
    }
    pos += RIGHT.length;
    const item: Item = { typ: T.RightDelim, pos: start, val: input.slice(start, pos), line: startLine };
    if (trim) {
      pos += leftTrimLength(pos);
      ignore();
    }
    items.push(item);
    start = pos;
    startLine = line;
  };

  const lexSpace = (): boolean => {
    let numSpaces = 0;
    while (isSpace(peek())) {
      next();
      numSpaces++;
    }
    if (hasRightTrim(pos - 1) && input.startsWith(RIGHT, pos - 1 + 2)) {
      backup();
      if (numSpaces === 1) return true;
    }
    emit(T.Space);
    return true;
  };

  const lexQuote = (): boolean => {
    for (;;) {
      let r = next();
      if (r === 0x5c) {
        r = next();
        if (r !== EOF && r !== 0x0a) continue;
      }
      if (r === EOF || r === 0x0a) return fail('unterminated quoted string');
      if (r === 0x22) break;
    }
    emit(T.String);
    return true;
  };

  const lexRawQuote = (): boolean => {
    const x = input.indexOf('`', pos);
    if (x < 0) return fail('unterminated raw quoted string');
    next();
    while (pos <= x) next();
    emit(T.RawString);
    return true;
  };

  const lexChar = (): boolean => {
    for (;;) {
      let r = next();
      if (r === 0x5c) {
        r = next();
        if (r !== EOF && r !== 0x0a) continue;
      }
      if (r === EOF || r === 0x0a) return fail('unterminated character constant');
      if (r === 0x27) break;
    }
    emit(T.CharConstant);
    return true;
  };

  const lexFieldOrVariable = (typ: T.Field | T.Variable): boolean => {
    if (atTerminator()) {
      emit(typ === T.Variable ? T.Variable : T.Dot);
      return true;
    }
    let r: number;
    for (;;) {
      r = next();
      if (!isAlphaNumeric(r)) {
        backup();
        break;
      }
    }
    if (!atTerminator()) return fail(`bad character ${formatSharpU(r)}`);
    emit(typ);
    return true;
  };

  const scanNumber = (): boolean => {
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  };

  const lexNumber = (): boolean => {
    if (!scanNumber()) return fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
    const sign = peek();
    if (sign === 0x2b || sign === 0x2d) {
      // Complex: 1+2i. No spaces, must end in 'i'.
      if (!scanNumber() || input[pos - 1] !== 'i') return fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
      emit(T.Number);
      return true;
    }
    emit(T.Number);
    return true;
  };

  const lexIdentifier = (): boolean => {
    for (;;) {
      const r = next();
      if (isAlphaNumeric(r)) continue;
      backup();
      const word = input.slice(start, pos);
      if (!atTerminator()) return fail(`bad character ${formatSharpU(r)}`);
      const key = Object.hasOwn(KEYWORDS, word) ? KEYWORDS[word] : undefined;
      if (key !== undefined && key > T.Keyword) emit(key);
      else if (word[0] === '.') emit(T.Field);
      else if (word === 'true' || word === 'false') emit(T.Bool);
      else emit(T.Identifier);
      return true;
    }
  };

  /** One item inside an action; returns 'more', 'done' (right delimiter) or 'stop' (error). */
  const lexInsideAction = (): 'more' | 'done' | 'stop' => {
    const rd = atRightDelim();
    if (rd.delim) {
      if (parenDepth === 0) {
        lexRightDelim(rd.trim);
        return 'done';
      }
      fail('unclosed left paren');
      return 'stop';
    }
    const r = next();
    let ok = true;
    if (r === EOF) ok = fail('unclosed action');
    else if (isSpace(r)) {
      backup();
      ok = lexSpace();
    } else if (r === 0x3d) emit(T.Assign);
    else if (r === 0x3a) {
      if (next() !== 0x3d) ok = fail('expected :=');
      else emit(T.Declare);
    } else if (r === 0x7c) emit(T.Pipe);
    else if (r === 0x22) ok = lexQuote();
    else if (r === 0x60) ok = lexRawQuote();
    else if (r === 0x24) ok = lexFieldOrVariable(T.Variable);
    else if (r === 0x27) ok = lexChar();
    else if (r === 0x2e && pos < input.length && !(input.charCodeAt(pos) >= 0x30 && input.charCodeAt(pos) <= 0x39)) {
      ok = lexFieldOrVariable(T.Field);
    } else if (r === 0x2e || r === 0x2b || r === 0x2d || (r >= 0x30 && r <= 0x39)) {
      backup();
      ok = lexNumber();
    } else if (isAlphaNumeric(r)) {
      backup();
      ok = lexIdentifier();
    } else if (r === 0x28) {
      parenDepth++;
      emit(T.LeftParen);
    } else if (r === 0x29) {
      parenDepth--;
      if (parenDepth < 0) ok = fail('unexpected right paren');
      else emit(T.RightParen);
    } else if (r < 0x80 && r >= 0x20 && r < 0x7f) emit(T.Char);
    else ok = fail(`unrecognized character in action: ${formatSharpU(r)}`);
    return ok ? 'more' : 'stop';
  };

  for (;;) {
    if (!lexText()) return items;
    if (items.at(-1)?.typ === T.Error) return items;
    const what = lexLeftDelim();
    if (what === 'stop') return items;
    if (what === 'text') continue;
    for (;;) {
      const step = lexInsideAction();
      if (step === 'stop') return items;
      if (step === 'done') break;
    }
  }
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === 0x0a) n++;
  return n;
}
