import { runeString } from '@/lib/util';
import { EOF, RuneScanner } from './rune-scanner';

/**
 * Matching for the glob patterns of `${VAR#pat}`, `${VAR%pat}` and
 * `${VAR/pat/repl}`. BuildKit turns the pattern into a Go regular expression
 * (`convertShellPatternToRegex`: `*` -> `.*` or `.*?`, `?` -> `.`, everything
 * else literal) and runs Go's RE2 engine. JavaScript's backtracking RegExp
 * would take exponential time on patterns like `*a*a*a*b`, so we run the same
 * expression on a small Pike VM instead: leftmost-first semantics like Go's
 * `regexp` (so greedy and lazy stars choose the same match), O(|text|*|pattern|)
 * time, no recursion. As in Go, `.` (from `*` and `?`) never matches a newline.
 */

const TOKEN_CHAR = 0;
const TOKEN_ANY = 1;
const TOKEN_STAR = 2;

const NEWLINE = 0x0a;
const ASTERISK = 0x2a;
const QUESTION = 0x3f;
const BACKSLASH = 0x5c;
const RBRACE = 0x7d;
const SLASH = 0x2f;

/** A compiled pattern: one token per pattern element. */
export interface GlobProgram {
  readonly kinds: readonly number[];
  readonly runes: readonly number[];
  /** Lazy stars (`.*?`) prefer the shortest match, greedy ones the longest. */
  readonly lazy: boolean;
}

/** Why a pattern did not compile, with Go's text (`invalid escape '\x'`). */
export class GlobSyntaxError extends Error {
  override readonly name = 'GlobSyntaxError';
}

/**
 * BuildKit `convertShellPatternToRegex`, producing tokens instead of regex text.
 * The pattern is read with Go's text/scanner too, so a leading BOM is skipped.
 */
export function compileGlob(pattern: string, greedy: boolean): GlobProgram {
  const kinds: number[] = [];
  const runes: number[] = [];
  const scanner = new RuneScanner(pattern);
  for (let tok = scanner.next(); tok !== EOF; tok = scanner.next()) {
    if (tok === ASTERISK || tok === QUESTION) {
      kinds.push(tok === ASTERISK ? TOKEN_STAR : TOKEN_ANY);
      runes.push(tok);
      continue;
    }
    if (tok === BACKSLASH) {
      // `\}` and `\/` were escaped only to get past the ${...} parser: drop the `\`.
      const after = scanner.peek();
      if (after === RBRACE || after === SLASH) continue;
      tok = scanner.next();
      if (tok !== ASTERISK && tok !== QUESTION && tok !== BACKSLASH) {
        throw new GlobSyntaxError(`invalid escape '\\${runeString(tok)}'`);
      }
    }
    kinds.push(TOKEN_CHAR);
    runes.push(tok);
  }
  return { kinds, runes, lazy: !greedy };
}

/** A thread list: program counters (state*2 + isStarLoop) and match starts. */
interface ThreadList {
  pcs: Int32Array;
  starts: Int32Array;
  length: number;
  /** Generation stamp used to de-duplicate states within this list. */
  generation: number;
}

/** Finds matches of one program; reusable across searches of the same program. */
export class GlobMatcher {
  private readonly size: number;
  private readonly marks: Int32Array;
  private generation = 0;
  private readonly lazyChain: number[] = [];
  private readonly lists: [ThreadList, ThreadList];

  constructor(private readonly program: GlobProgram) {
    this.size = program.kinds.length;
    this.marks = new Int32Array(this.size + 1);
    this.lists = [this.newList(), this.newList()];
  }

  /**
   * The leftmost-first match starting at or after `from` (exactly at `from`
   * when `anchored`), as `[start, end]` UTF-16 offsets, or null. Same result as
   * Go's `regexp.FindStringIndex` on the regex BuildKit builds.
   */
  find(text: string, from: number, anchored: boolean): [number, number] | null {
    let [current, next] = this.lists;
    this.resetList(current);
    let match: [number, number] | null = null;
    for (let pos = from; ; ) {
      // A new thread starts at each position, with the lowest priority.
      if (match === null && (!anchored || pos === from)) this.addThread(current, 0, pos);
      if (current.length === 0 && (match !== null || anchored)) break;
      const cp = text.codePointAt(pos) ?? EOF;
      this.resetList(next);
      for (let t = 0; t < current.length; t++) {
        const pc = current.pcs[t] ?? 0;
        const start = current.starts[t] ?? 0;
        const state = pc >> 1;
        if ((pc & 1) === 0 && state === this.size) {
          match = [start, pos];
          break; // lower-priority threads can no longer win
        }
        if (cp === EOF) continue;
        if ((pc & 1) === 1) {
          if (cp !== NEWLINE) this.addThread(next, state, start);
        } else if (this.program.kinds[state] === TOKEN_ANY ? cp !== NEWLINE : this.program.runes[state] === cp) {
          this.addThread(next, state + 1, start);
        }
      }
      if (cp === EOF) break;
      [current, next] = [next, current];
      pos += cp > 0xffff ? 2 : 1;
    }
    return match;
  }

  private newList(): ThreadList {
    const capacity = 2 * (this.size + 1);
    return { pcs: new Int32Array(capacity), starts: new Int32Array(capacity), length: 0, generation: ++this.generation };
  }

  private resetList(list: ThreadList): void {
    list.length = 0;
    list.generation = ++this.generation;
  }

  private push(list: ThreadList, pc: number, start: number): void {
    list.pcs[list.length] = pc;
    list.starts[list.length] = start;
    list.length++;
  }

  /**
   * Adds `state` and what it reaches without input, in priority order. A run
   * of stars is walked iteratively: greedy stars put "consume one more" before
   * "move on", lazy ones after, as Go's compiled `.*` / `.*?` do.
   */
  private addThread(list: ThreadList, state: number, start: number): void {
    const { kinds, lazy } = this.program;
    const chain = this.lazyChain;
    chain.length = 0;
    let k = state;
    while (this.marks[k] !== list.generation) {
      this.marks[k] = list.generation;
      if (k < this.size && kinds[k] === TOKEN_STAR) {
        if (lazy) chain.push(k);
        else this.push(list, k * 2 + 1, start);
        k++;
        continue;
      }
      this.push(list, k * 2, start);
      break;
    }
    for (let i = chain.length - 1; i >= 0; i--) this.push(list, (chain[i] ?? 0) * 2 + 1, start);
  }
}
