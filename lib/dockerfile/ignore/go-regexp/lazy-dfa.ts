/**
 * Runs a compiled program the way RE2/Go do, in time linear in the input: a DFA built lazily
 * from the NFA (each DFA state is a set of NFA instructions), cached per input character
 * class. Characters are grouped by which of the program's character sets contain them, so
 * a path made of 40 distinct characters touches a handful of classes and every later path
 * runs from the cache: one table lookup per character.
 *
 * Semantics are Go's `Regexp.MatchString`: an unanchored search, so a match may start and
 * end anywhere unless `^`/`$` say otherwise. That matters for moby's regexps: `|` reaches Go
 * unescaped, and in `^a|b$` neither branch is anchored at both ends.
 */
import { charSetHas, isWordChar } from './char-set';
import { ASSERT_CODES, OP_ASSERT, OP_CHAR, OP_MATCH, OP_SPLIT, type Program } from './compile-program';

const AT_BEGIN = 1;
const AT_END = 2;
const PREV_WORD = 4;
const NEXT_WORD = 8;
/** Past this many cached states the cache starts over (RE2 does the same); still correct. */
const MAX_STATES = 4096;

interface Closure {
  /** OP_CHAR instructions reachable without consuming input. */
  readonly chars: readonly number[];
  readonly match: boolean;
}

interface DfaState {
  /** Instructions reached by the last character, before following empty transitions. */
  readonly seeds: readonly number[];
  readonly initial: boolean;
  /** The seeds' closure at a position that is neither the first nor the last. */
  readonly closure: Closure;
  acceptsAtEnd?: boolean;
  readonly next: (DfaState | undefined)[];
}

export class LazyDfa {
  private states = new Map<string, DfaState>();
  private start: DfaState;
  private readonly asciiClass = new Int32Array(128).fill(-1);
  private readonly otherClass = new Map<number, number>();
  private readonly classIds = new Map<string, number>();
  private readonly classMembers: boolean[][] = [];
  private readonly seen: Uint32Array;
  private stamp = 0;

  constructor(private readonly program: Program) {
    this.seen = new Uint32Array(program.op.length);
    this.start = this.newState([program.start], true);
  }

  matches(text: string): boolean {
    if (this.program.hasWordAssert) return this.simulate(text);
    let state = this.start;
    const length = text.length;
    for (let i = 0; i < length; ) {
      if (state.closure.match) return true;
      let cp = text.charCodeAt(i++);
      if (cp >= 0xd800 && cp <= 0xdbff && i < length) {
        const low = text.charCodeAt(i);
        if (low >= 0xdc00 && low <= 0xdfff) {
          cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      let cls = cp < 128 ? (this.asciiClass[cp] ?? -1) : -1;
      if (cls < 0) cls = this.classOf(cp);
      state = state.next[cls] ?? this.step(state, cls);
    }
    state.acceptsAtEnd ??= this.close(state.seeds, (state.initial ? AT_BEGIN : 0) | AT_END).match;
    return state.acceptsAtEnd;
  }

  /** Uncached NFA simulation for programs with `\b`/`\B`: still linear, just slower. */
  private simulate(text: string): boolean {
    const cps = Array.from(text, (c) => c.codePointAt(0) ?? 0);
    let seeds: number[] = [this.program.start];
    for (let i = 0; ; i++) {
      const prev = cps[i - 1];
      const cur = cps[i];
      const ctx =
        (i === 0 ? AT_BEGIN : 0) |
        (cur === undefined ? AT_END : 0) |
        (prev !== undefined && isWordChar(prev) ? PREV_WORD : 0) |
        (cur !== undefined && isWordChar(cur) ? NEXT_WORD : 0);
      const closure = this.close(seeds, ctx);
      if (closure.match) return true;
      if (cur === undefined) return false;
      seeds = closure.chars.filter((pc) => this.charMatches(pc, cur)).map((pc) => this.program.out[pc] ?? 0);
      seeds.push(this.program.start); // unanchored: a match may also start at the next position
    }
  }

  private charMatches(pc: number, cp: number): boolean {
    const set = this.program.atoms[this.program.arg[pc] ?? -1];
    return set !== undefined && charSetHas(set, cp);
  }

  /** Follow splits and satisfied assertions from `seeds` (Go's `addThread`, iteratively). */
  private close(seeds: readonly number[], ctx: number): Closure {
    const { op, out, arg } = this.program;
    const stamp = this.nextStamp();
    const chars: number[] = [];
    let match = false;
    const stack = [...seeds];
    while (stack.length > 0) {
      const pc = stack.pop() ?? 0;
      if (this.seen[pc] === stamp) continue;
      this.seen[pc] = stamp;
      const code = op[pc];
      if (code === OP_CHAR) chars.push(pc);
      else if (code === OP_MATCH) match = true;
      else if (code === OP_SPLIT) stack.push(arg[pc] ?? 0, out[pc] ?? 0);
      else if (code === OP_ASSERT && assertionHolds(arg[pc] ?? -1, ctx)) stack.push(out[pc] ?? 0);
    }
    return { chars, match };
  }

  /** The state after `from` reads a character of class `cls`, cached in `from.next`. */
  private step(from: DfaState, cls: number): DfaState {
    const members = this.classMembers[cls] ?? [];
    // Unanchored search: a new thread starts at every position (`^` stops it past the first).
    const seeds = new Set<number>([this.program.start]);
    for (const pc of from.closure.chars) {
      if (members[this.program.arg[pc] ?? 0]) seeds.add(this.program.out[pc] ?? 0);
    }
    const sorted = [...seeds].sort((a, b) => a - b);
    const key = sorted.join(',');
    let state = this.states.get(key);
    if (state === undefined) {
      if (this.states.size >= MAX_STATES) {
        // Drop the whole graph (the start state links into it); in-flight matches finish on it.
        this.states = new Map();
        this.start = this.newState([this.program.start], true);
      }
      state = this.newState(sorted, false);
      this.states.set(key, state);
    }
    from.next[cls] = state;
    return state;
  }

  private newState(seeds: readonly number[], initial: boolean): DfaState {
    return { seeds, initial, closure: this.close(seeds, initial ? AT_BEGIN : 0), next: [] };
  }

  /** The alphabet class of a code point: which of the program's sets contain it. */
  private classOf(cp: number): number {
    if (cp < 128) {
      const known = this.asciiClass[cp] ?? -1;
      if (known >= 0) return known;
      const cls = this.computeClass(cp);
      this.asciiClass[cp] = cls;
      return cls;
    }
    let cls = this.otherClass.get(cp);
    if (cls === undefined) {
      cls = this.computeClass(cp);
      this.otherClass.set(cp, cls);
    }
    return cls;
  }

  private computeClass(cp: number): number {
    const members = this.program.atoms.map((set) => charSetHas(set, cp));
    const key = members.map((m) => (m ? '1' : '0')).join('');
    let cls = this.classIds.get(key);
    if (cls === undefined) {
      cls = this.classMembers.length;
      this.classMembers.push(members);
      this.classIds.set(key, cls);
    }
    return cls;
  }

  private nextStamp(): number {
    if (this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }
}

function assertionHolds(code: number, ctx: number): boolean {
  switch (code) {
    case ASSERT_CODES['begin-text']:
      return (ctx & AT_BEGIN) !== 0;
    case ASSERT_CODES['end-text']:
      return (ctx & AT_END) !== 0;
    case ASSERT_CODES['word-boundary']:
      return ((ctx & PREV_WORD) !== 0) !== ((ctx & NEXT_WORD) !== 0);
    case ASSERT_CODES['no-word-boundary']:
      return ((ctx & PREV_WORD) !== 0) === ((ctx & NEXT_WORD) !== 0);
    default:
      return false;
  }
}
