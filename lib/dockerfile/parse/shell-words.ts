/**
 * The slice of BuildKit's shell lexer (`shell/lex.go`, `Lex.ProcessWords`) that heredoc
 * detection runs: escape token `\`, `SkipUnsetEnv` with an empty environment (so `$x`, `${x}`,
 * `${x:-w}`, `${x/p/r}` come back as written), `RawQuotes`/`RawEscapes` as asked. Only the word
 * split matters here; the full expander lives in `../expand`.
 *
 * Kept quirks: `<<` swallows the blanks after it (`processPossibleHeredoc`), so `<< EOF` is one
 * word; with raw escapes a `\` inside double quotes before an ordinary char is doubled; any lexing
 * error (an unclosed quote anywhere on the line) yields no words at all.
 */
import { isGoSpace } from '@/lib/util';

export class ShellWordsError extends Error {}

export interface ShellWordsOptions {
  rawQuotes: boolean;
  rawEscapes: boolean;
}

/** Guard for `${a:-${b:-...}}` nesting: Go's goroutine stacks grow, ours do not. */
const MAX_NESTING = 200;

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

function isSpaceChar(ch: string): boolean {
  return ch.length === 1 && isGoSpace(ch.charCodeAt(0));
}

/** `wordsStruct`. */
class Words {
  private readonly words: string[] = [];
  private word = '';
  private inWord = false;

  addChar(ch: string): void {
    if (isSpaceChar(ch)) {
      if (this.inWord && this.word.length !== 0) {
        this.words.push(this.word);
        this.word = '';
        this.inWord = false;
      }
    } else this.addRawString(ch);
  }

  addString(s: string): void {
    for (const ch of s) this.addChar(ch);
  }

  addRawString(s: string): void {
    this.word += s;
    this.inWord = true;
  }

  get(): string[] {
    if (this.word.length > 0) {
      this.words.push(this.word);
      this.word = '';
      this.inWord = false;
    }
    return this.words;
  }
}

class Lexer {
  private pos = 0;
  private depth = 0;
  private rawEscapes: boolean;

  constructor(
    private readonly src: string,
    private readonly rawQuotes: boolean,
    rawEscapes: boolean,
  ) {
    this.rawEscapes = rawEscapes;
    // text/scanner skips a byte-order mark at the very start.
    if (src.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  peek(): string | null {
    if (this.pos >= this.src.length) return null;
    const cp = this.src.codePointAt(this.pos) ?? 0;
    return cp > 0xffff ? this.src.slice(this.pos, this.pos + 2) : this.src[this.pos] ?? null;
  }

  next(): string | null {
    const ch = this.peek();
    if (ch !== null) this.pos += ch.length;
    return ch;
  }

  /** `processStopOn`: returns [result, words]. */
  processStopOn(stop: string | null, rawEscapes: boolean): [string, string[]] {
    if (++this.depth > MAX_NESTING) throw new ShellWordsError('nesting too deep');
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    const words = new Words();
    let result = '';
    try {
      for (let ch = this.peek(); ch !== null; ch = this.peek()) {
        if (stop !== null && ch === stop) {
          this.next();
          return [result, words.get()];
        }
        if (ch === '$') {
          const tmp = this.processDollar();
          result += tmp;
          words.addString(tmp);
          continue;
        }
        if (ch === '<' || ch === "'" || ch === '"') {
          const tmp = ch === '<' ? this.processPossibleHeredoc() : ch === "'" ? this.processSingleQuote() : this.processDoubleQuote();
          result += tmp;
          words.addRawString(tmp);
          continue;
        }
        let c = this.next() ?? '';
        if (c === '\\') {
          if (this.rawEscapes) {
            words.addRawString(c);
            result += c;
          }
          const escaped = this.next();
          if (escaped === null) break;
          c = escaped;
          words.addRawString(c);
        } else words.addChar(c);
        result += c;
      }
      if (stop !== null) throw new ShellWordsError(`unexpected end of statement while looking for matching ${stop}`);
      return [result, words.get()];
    } finally {
      this.rawEscapes = saved;
      this.depth--;
    }
  }

  /** Consumes the opening quote; returns it when quotes are kept raw. */
  private openQuote(): string {
    const quote = this.next() ?? '';
    return this.rawQuotes ? quote : '';
  }

  private processSingleQuote(): string {
    let result = this.openQuote();
    for (;;) {
      const ch = this.next();
      if (ch === null) throw new ShellWordsError('unexpected end of statement while looking for matching single-quote');
      if (ch === "'") return this.rawQuotes ? result + ch : result;
      result += ch;
    }
  }

  private processDoubleQuote(): string {
    let result = this.openQuote();
    for (;;) {
      const peeked = this.peek();
      if (peeked === null) throw new ShellWordsError('unexpected end of statement while looking for matching double-quote');
      if (peeked === '"') {
        this.next();
        return this.rawQuotes ? result + '"' : result;
      }
      if (peeked === '$') {
        result += this.processDollar();
        continue;
      }
      let ch = this.next() ?? '';
      if (ch === '\\') {
        if (this.rawEscapes) result += ch;
        const after = this.peek();
        if (after === null) continue;
        if (after === '"' || after === '$' || after === '\\') ch = this.next() ?? '';
      }
      result += ch;
    }
  }

  private processPossibleHeredoc(): string {
    this.next();
    if (this.peek() !== '<') return '<';
    this.next();
    let result = '<<';
    for (let ch = this.peek(); ch === ' ' || ch === '\t' || ch === '\r'; ch = this.peek()) result += this.next();
    return result;
  }

  private processName(): string {
    let name = '';
    for (let ch = this.peek(); ch !== null; ch = this.peek()) {
      if (name === '' && DIGIT.test(ch)) {
        while (this.peek() !== null && DIGIT.test(this.peek() ?? '')) name += this.next();
        return name;
      }
      if (name === '' && '@*#?-$!0'.includes(ch)) return this.next() ?? '';
      if (!LETTER.test(ch) && !DIGIT.test(ch) && ch !== '_') break;
      name += this.next();
    }
    return name;
  }

  /** `processDollar` with every variable unset and `SkipUnsetEnv`: the text comes back as written. */
  private processDollar(): string {
    this.next();
    if (this.peek() !== '{') {
      const name = this.processName();
      return name === '' ? '$' : `$${name}`;
    }
    this.next();
    const first = this.peek();
    if (first === null) throw new ShellWordsError("syntax error: missing '}'");
    if (first === '{' || first === '}' || first === ':') throw new ShellWordsError('syntax error: bad substitution');
    const name = this.processName();
    let ch = this.next();
    // Go: `string(ch)` of scanner.EOF (-1) is U+FFFD.
    let chs = ch ?? '\ufffd';
    if (ch === '}') return `\${${name}}`;
    let nullIsUnset = false;
    if (ch === ':') {
      nullIsUnset = true;
      ch = this.next();
      chs += ch ?? '\ufffd';
    }
    if (nullIsUnset || ch === '+' || ch === '-' || ch === '?' || ch === '#' || ch === '%') {
      const rawEscapes = ch === '#' || ch === '%';
      if (nullIsUnset && rawEscapes) throw new ShellWordsError(`unsupported modifier (${chs}) in substitution`);
      const [word] = this.processStopOn('}', rawEscapes);
      return `\${${name}${chs}${word}}`;
    }
    if (ch === '/') {
      if (this.peek() === '/') this.next();
      const [pattern] = this.processStopOn('/', true);
      const [replacement] = this.processStopOn('}', true);
      return `\${${name}/${pattern}/${replacement}}`;
    }
    throw new ShellWordsError(`unsupported modifier (${chs}) in substitution`);
  }
}

/** `Lex.ProcessWords(src, emptyEnv)`; throws `ShellWordsError` where Go returns an error. */
export function shellWords(src: string, options: ShellWordsOptions): string[] {
  return new Lexer(src, options.rawQuotes, options.rawEscapes).processStopOn(null, options.rawEscapes)[1];
}
