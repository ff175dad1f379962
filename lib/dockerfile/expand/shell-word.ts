import type { EnvLookup } from './env-lookup';
import { isGoDigit, isGoLetter, runeString } from '@/lib/util';
import { EOF, RuneScanner } from './rune-scanner';
import { replacePattern } from './shell-pattern';
import { applyModifier, expansionError, isPatternOperator, unsupportedModifier, type Modifier } from './substitution';
import { WordsBuilder } from './words-builder';

/**
 * One run of BuildKit's `shellWord` (frontend/dockerfile/shell/lex.go) over a
 * word: `processStopOn`, `processSingleQuote`, `processDoubleQuote`,
 * `processDollar` and `processName`, in the same order of reads, so results,
 * error texts and matched/unmatched names agree with upstream.
 *
 * Upstream recurses (`${a:-${b:-...}}` nests `processStopOn` in
 * `processDollar`), which in JavaScript would overflow the call stack on deep
 * input. Here every such function is a generator that yields its sub-calls to
 * `drive`, which keeps the call chain on the heap: nesting depth is bounded by
 * memory only and time stays linear in the input.
 */

/** A sub-call handed to the driver; `eofMessage` marks upstream's error remapping. */
interface SubCall {
  readonly task: Task;
  /** When set: a failure inside `task` while the input is exhausted becomes this text. */
  readonly eofMessage: string | null;
}

type Task<T = unknown> = Generator<SubCall, T, unknown>;

/** Calls a sub-task through the driver and returns its result (typed). */
function* call<T>(task: Task<T>, eofMessage: string | null = null): Generator<SubCall, T, unknown> {
  return (yield { task, eofMessage }) as T;
}

/**
 * Runs a task tree with an explicit stack. Nothing in upstream's lexer recovers
 * from an error; the only handling is in `processDollar`, which replaces any
 * error from a nested `processStopOn` by "missing '}'" (or "missing '/' in
 * ${}") when the input is exhausted. So on failure the stack is not unwound
 * frame by frame (a throw per level is slow on deep input): the outermost
 * pending remapping, if the input is exhausted, decides the final error.
 */
function drive<T>(root: Task<T>, atEnd: () => boolean): T {
  const stack: SubCall[] = [{ task: root, eofMessage: null }];
  let sent: unknown = undefined;
  for (;;) {
    const top = stack[stack.length - 1];
    if (top === undefined) throw new Error('shell word driver: empty stack');
    let step: IteratorResult<SubCall, unknown>;
    try {
      step = top.task.next(sent);
    } catch (error) {
      const remap = atEnd() ? stack.find((frame) => frame.eofMessage !== null) : undefined;
      throw remap?.eofMessage != null ? expansionError(remap.eofMessage) : error;
    }
    if (step.done) {
      stack.pop();
      if (stack.length === 0) return step.value as T;
      sent = step.value;
    } else {
      stack.push(step.value);
      sent = undefined;
    }
  }
}

export interface LexMode {
  readonly escapeToken: number;
  readonly rawQuotes: boolean;
  readonly rawEscapes: boolean;
  readonly skipProcessQuotes: boolean;
  readonly skipUnsetEnv: boolean;
}

export interface WordResult {
  readonly result: string;
  readonly words: string[];
}

const DOLLAR = 0x24;
const SQUOTE = 0x27;
const DQUOTE = 0x22;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const COLON = 0x3a;
const SLASH = 0x2f;
const UNDERSCORE = 0x5f;
const PLUS = 0x2b;
const MINUS = 0x2d;
const QUESTION = 0x3f;
const HASH = 0x23;
const PERCENT = 0x25;

/** POSIX special parameters (`$@ $* $# $? $- $$ $! $0`): always unset here. */
function isSpecialParam(cp: number): boolean {
  return cp === 0x40 || cp === 0x2a || cp === HASH || cp === QUESTION || cp === MINUS || cp === DOLLAR || cp === 0x21 || cp === 0x30;
}

export class ShellWord {
  readonly matched = new Set<string>();
  readonly unmatched = new Set<string>();
  private readonly scanner: RuneScanner;
  private rawEscapes: boolean;

  constructor(
    word: string,
    private readonly env: EnvLookup,
    private readonly mode: LexMode,
  ) {
    this.scanner = new RuneScanner(word);
    this.rawEscapes = mode.rawEscapes;
  }

  run(): WordResult {
    return drive(this.processStopOn(EOF, this.mode.rawEscapes), () => this.scanner.peek() === EOF);
  }

  /** Reads up to `stopChar` (or the end when EOF), expanding as it goes. */
  private *processStopOn(stopChar: number, rawEscapes: boolean): Task<WordResult> {
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      let result = '';
      const words = new WordsBuilder();
      const scanner = this.scanner;
      while (scanner.peek() !== EOF) {
        const peeked = scanner.peek();
        if (stopChar !== EOF && peeked === stopChar) {
          scanner.next();
          return { result, words: words.finish() };
        }
        if (peeked === DOLLAR) {
          const value = yield* call(this.processDollar());
          result += value;
          words.addString(value); // expansion results are split on whitespace
          continue;
        }
        if (!this.mode.skipProcessQuotes && (peeked === SQUOTE || peeked === DQUOTE)) {
          const quoted = peeked === SQUOTE ? this.processSingleQuote() : yield* call(this.processDoubleQuote());
          result += quoted;
          words.addRawString(quoted);
          continue;
        }
        let ch = scanner.next();
        if (ch === this.mode.escapeToken) {
          if (this.rawEscapes) {
            words.addRawChar(ch);
            result += runeString(ch);
          }
          ch = scanner.next();
          if (ch === EOF) break; // a trailing escape character is dropped
          words.addRawChar(ch);
        } else {
          words.addChar(ch);
        }
        result += runeString(ch);
      }
      if (stopChar !== EOF) {
        throw expansionError(`unexpected end of statement while looking for matching ${runeString(stopChar)}`);
      }
      return { result, words: words.finish() };
    } finally {
      this.rawEscapes = saved;
    }
  }

  /** `'...'`: everything literal, no escapes at all. */
  private processSingleQuote(): string {
    const open = this.scanner.next();
    let result = this.mode.rawQuotes ? runeString(open) : '';
    for (;;) {
      const ch = this.scanner.next();
      if (ch === EOF) throw expansionError('unexpected end of statement while looking for matching single-quote');
      if (ch === SQUOTE) return this.mode.rawQuotes ? result + "'" : result;
      result += runeString(ch);
    }
  }

  /** `"..."`: `$` expands; the escape character escapes only `"`, `$` and itself. */
  private *processDoubleQuote(): Task<string> {
    const open = this.scanner.next();
    let result = this.mode.rawQuotes ? runeString(open) : '';
    for (;;) {
      const peeked = this.scanner.peek();
      if (peeked === EOF) throw expansionError('unexpected end of statement while looking for matching double-quote');
      if (peeked === DQUOTE) {
        this.scanner.next();
        return this.mode.rawQuotes ? result + '"' : result;
      }
      if (peeked === DOLLAR) {
        result += yield* call(this.processDollar());
        continue;
      }
      let ch = this.scanner.next();
      if (ch === this.mode.escapeToken) {
        if (this.rawEscapes) result += runeString(ch);
        const after = this.scanner.peek();
        if (after === EOF) continue; // the loop then fails on the missing quote
        if (after === DQUOTE || after === DOLLAR || after === this.mode.escapeToken) ch = this.scanner.next();
      }
      result += runeString(ch);
    }
  }

  /** `$name`, `${name}` and `${name<op>word}`; the scanner is on the `$`. */
  private *processDollar(): Task<string> {
    const scanner = this.scanner;
    scanner.next();
    if (scanner.peek() !== LBRACE) {
      const name = this.processName();
      if (name === '') return '$'; // `$.`, `$"`, a lone `$` stay literal
      const value = this.getEnv(name);
      if (value === undefined && this.mode.skipUnsetEnv) return '$' + name;
      return value ?? '';
    }
    scanner.next();
    const first = scanner.peek();
    if (first === EOF) throw expansionError("syntax error: missing '}'");
    if (first === LBRACE || first === RBRACE || first === COLON) throw expansionError('syntax error: bad substitution');
    const name = this.processName();
    let op = scanner.next();
    let text = runeString(op);
    if (op === RBRACE) {
      const value = this.getEnv(name);
      if (value === undefined && this.mode.skipUnsetEnv) return `\${${name}}`;
      return value ?? '';
    }
    if (op === SLASH) return yield* this.processReplace(name);
    const nullIsUnset = op === COLON;
    if (nullIsUnset) {
      // Upstream falls through with whatever follows the `:`, even `}` or EOF.
      op = scanner.next();
      text += runeString(op);
    } else if (op !== PLUS && op !== MINUS && op !== QUESTION && op !== HASH && op !== PERCENT) {
      throw unsupportedModifier(text);
    }
    const modifier: Modifier = { name, op, text, nullIsUnset };
    const patternWord = isPatternOperator(op);
    if (nullIsUnset && patternWord) throw unsupportedModifier(text);
    const word = yield* this.subWord(RBRACE, patternWord, "syntax error: missing '}'");
    const value = this.getEnv(name);
    if (value === undefined && this.mode.skipUnsetEnv) return `\${${name}${text}${word}}`;
    return applyModifier(modifier, word, value);
  }

  /** `${name/pat/repl}` and `${name//pat/repl}`; pattern and replacement keep escapes. */
  private *processReplace(name: string): Task<string> {
    const all = this.scanner.peek() === SLASH;
    if (all) this.scanner.next();
    const pattern = yield* this.subWord(SLASH, true, "syntax error: missing '/' in ${}");
    const replacement = yield* this.subWord(RBRACE, true, "syntax error: missing '}'");
    const value = this.getEnv(name);
    // Upstream prints a single `/` here even for `//`; kept for fidelity.
    if (value === undefined && this.mode.skipUnsetEnv) return `\${${name}/${pattern}/${replacement}}`;
    return replacePattern(value ?? '', pattern, replacement, all);
  }

  /** A nested `processStopOn` whose failure at end of input reads `eofMessage`. */
  private *subWord(stopChar: number, rawEscapes: boolean, eofMessage: string): Task<string> {
    return (yield* call(this.processStopOn(stopChar, rawEscapes), eofMessage)).result;
  }

  /** A name: letters, digits and `_`; or a digit run; or one special parameter. */
  private processName(): string {
    const scanner = this.scanner;
    let name = '';
    for (let ch = scanner.peek(); ch !== EOF; ch = scanner.peek()) {
      if (name === '' && isGoDigit(ch)) {
        while (isGoDigit(scanner.peek())) name += runeString(scanner.next());
        return name;
      }
      if (name === '' && isSpecialParam(ch)) return runeString(scanner.next());
      if (!isGoLetter(ch) && !isGoDigit(ch) && ch !== UNDERSCORE) break;
      name += runeString(scanner.next());
    }
    return name;
  }

  private getEnv(name: string): string | undefined {
    const value = this.env.get(name);
    if (value === undefined) this.unmatched.add(name);
    else this.matched.add(name);
    return value;
  }
}
