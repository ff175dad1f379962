/**
 * A parser for Go `regexp/syntax` (flags `syntax.Perl`), for the text moby's `Pattern.compile`
 * hands to `regexp.Compile`. moby turns `*`, `?`, `**` into regexp fragments and escapes only
 * `. + ( ) $` — its `shouldEscape` bitmap is `[8]byte` indexed by `1 << (c/8)`, which is 0 for
 * any character from `@` up, so `|`, `{` and `}` reach Go raw — and passes everything else
 * through, `[`, `]`, `^`, `-` and `\x` pairs included. Go then reads that text with *regexp*
 * rules: `[*]` becomes `[[^/]*]`, `a|b*` an alternation, `x{2}` a counted repeat, `\d` a digit,
 * a reversed range an error. Emulating Go's parser on moby's output is the only way to accept,
 * reject and match exactly the patterns Docker does.
 */
import { ANY_BUT_NEWLINE, CharSetBuilder, singleton, type CharSet } from './char-set';
import { cp, fail, RegexpScanner, SyntaxFailure } from './regexp-scanner';

export type AssertKind = 'begin-text' | 'end-text' | 'word-boundary' | 'no-word-boundary';

export type RegexNode =
  | { readonly kind: 'set'; readonly set: CharSet }
  | { readonly kind: 'assert'; readonly assert: AssertKind }
  | { readonly kind: 'concat'; readonly items: readonly RegexNode[] }
  | { readonly kind: 'alternate'; readonly alternatives: readonly RegexNode[] }
  | { readonly kind: 'capture'; readonly sub: RegexNode }
  /** `max` -1 is unbounded: `*` is {0,-1}, `+` {1,-1}, `?` {0,1}. */
  | { readonly kind: 'repeat'; readonly min: number; readonly max: number; readonly sub: RegexNode };

/** Go's syntax tree for `source`, or null where `regexp.Compile` returns an error. */
export function parseGoRegexp(source: string): RegexNode | null {
  try {
    const tree = new Parser(source).parse();
    // Go's ErrLarge: the compiled program may not exceed 128 MiB of 40-byte instructions.
    return programSize(tree) > MAX_SIZE ? null : tree;
  } catch (error) {
    if (error instanceof SyntaxFailure) return null;
    throw error;
  }
}

const MAX_REPEAT = 1000;
const MAX_SIZE = Math.floor((128 << 20) / 40);
const ASSERT_ESCAPES: Readonly<Record<string, AssertKind>> = {
  A: 'begin-text',
  z: 'end-text',
  b: 'word-boundary',
  B: 'no-word-boundary',
};

/** One open `(` (or the whole expression): finished alternatives and the concat in progress. */
interface Group {
  readonly alternatives: RegexNode[];
  items: RegexNode[];
}

class Parser extends RegexpScanner {
  parse(): RegexNode {
    const groups: Group[] = [{ alternatives: [], items: [] }];
    let lastWasRepeat = false;
    while (this.i < this.s.length) {
      const group = groups[groups.length - 1] ?? fail();
      const c = String.fromCodePoint(this.s[this.i] ?? 0);
      let repeat = false;
      if (c === '(') {
        if (this.s[this.i + 1] === cp('?')) fail(); // flags/named groups: moby escapes every '('
        groups.push({ alternatives: [], items: [] });
        this.i++;
      } else if (c === ')') {
        const closed = groups.length > 1 ? groups.pop() : undefined;
        if (closed === undefined) fail(); // "unexpected )"
        (groups[groups.length - 1] ?? fail()).items.push({ kind: 'capture', sub: finish(closed) });
        this.i++;
      } else if (c === '|') {
        group.alternatives.push(concat(group.items));
        group.items = [];
        this.i++;
      } else if (c === '*' || c === '+' || c === '?') {
        this.i++;
        this.repeat(group, c === '+' ? 1 : 0, c === '?' ? 1 : -1, lastWasRepeat);
        repeat = true;
      } else if (c === '{') {
        const counts = this.parseRepeatCounts();
        if (counts === null) {
          group.items.push({ kind: 'set', set: singleton(cp('{')) }); // not a repeat: literal
          this.i++;
        } else {
          const { min, max } = counts;
          if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) fail();
          this.repeat(group, min, max, lastWasRepeat);
          repeat = true;
        }
      } else if (c === '^' || c === '$' || c === '.') {
        this.i++;
        if (c === '.') group.items.push({ kind: 'set', set: ANY_BUT_NEWLINE });
        else group.items.push({ kind: 'assert', assert: c === '^' ? 'begin-text' : 'end-text' });
      } else if (c === '[') {
        group.items.push({ kind: 'set', set: this.parseClass() });
      } else if (c === '\\') {
        this.parseEscapeAtom(group.items);
      } else {
        group.items.push({ kind: 'set', set: singleton(this.s[this.i++] ?? 0) });
      }
      lastWasRepeat = repeat;
    }
    if (groups.length !== 1) fail(); // "missing closing )"
    return finish(groups[0] ?? fail());
  }

  /** Go's `parser.repeat`: wraps the last item; `?` after it only makes it non-greedy. */
  private repeat(group: Group, min: number, max: number, afterRepeat: boolean): void {
    if (this.s[this.i] === cp('?')) this.i++;
    if (afterRepeat) fail(); // "invalid nested repetition operator" (`a**`, `a*{2}`)
    const sub = group.items.pop() ?? fail(); // "missing argument to repetition operator"
    const node: RegexNode = { kind: 'repeat', min, max, sub };
    if ((min >= 2 || max >= 2) && !repeatIsValid(node, MAX_REPEAT)) fail(); // "invalid repeat count"
    group.items.push(node);
  }

  /**
   * Go's `parseRepeat`: `{n}`, `{n,}`, `{n,m}` (no leading zeros), else null for a literal `{`.
   * Oversized numbers come back as they are; the caller rejects anything over 1000.
   */
  private parseRepeatCounts(): { min: number; max: number } | null {
    let j = this.i + 1;
    const readInt = (): number | null => {
      const start = j;
      while (j < this.s.length && (this.s[j] ?? 0) >= 0x30 && (this.s[j] ?? 0) <= 0x39) j++;
      if (j === start || (j - start > 1 && this.s[start] === 0x30)) return null;
      return Number(String.fromCodePoint(...this.s.slice(start, j)));
    };
    const min = readInt();
    if (min === null || j >= this.s.length) return null;
    let max = min;
    if (this.s[j] === cp(',')) {
      j++;
      if (j >= this.s.length) return null;
      if (this.s[j] === cp('}')) max = -1;
      else {
        const parsed = readInt();
        if (parsed === null) return null;
        max = parsed;
      }
    }
    if (this.s[j] !== cp('}')) return null;
    this.i = j + 1;
    return { min, max };
  }

  /** A `\` outside a class: assertions, `\Q...\E`, Unicode/Perl classes, one escaped character. */
  private parseEscapeAtom(items: RegexNode[]): void {
    const letter = String.fromCodePoint(this.s[this.i + 1] ?? 0);
    const assert = Object.hasOwn(ASSERT_ESCAPES, letter) ? ASSERT_ESCAPES[letter] : undefined;
    if (assert !== undefined) {
      items.push({ kind: 'assert', assert });
      this.i += 2;
      return;
    }
    if (letter === 'C') fail(); // "any byte" is unsupported in Go too
    if (letter === 'Q') {
      // Everything up to \E (or the end, swallowing moby's closing `$`) is literal.
      let j = this.i + 2;
      while (j < this.s.length && !(this.s[j] === cp('\\') && this.s[j + 1] === cp('E'))) {
        items.push({ kind: 'set', set: singleton(this.s[j++] ?? 0) });
      }
      this.i = Math.min(j + 2, this.s.length);
      return;
    }
    const builder = new CharSetBuilder();
    if (this.parseClassEscape(builder)) items.push({ kind: 'set', set: builder.build(false) });
    else items.push({ kind: 'set', set: singleton(this.parseEscape()) });
  }
}

function concat(items: readonly RegexNode[]): RegexNode {
  return items.length === 1 && items[0] !== undefined ? items[0] : { kind: 'concat', items };
}

function finish(group: Group): RegexNode {
  const alternatives = [...group.alternatives, concat(group.items)];
  return alternatives.length === 1 && alternatives[0] !== undefined
    ? alternatives[0]
    : { kind: 'alternate', alternatives };
}

/** Go's `repeatIsValid`: nested counted repeats may not multiply past 1000 copies. */
function repeatIsValid(node: RegexNode, limit: number): boolean {
  let n = limit;
  if (node.kind === 'repeat') {
    let m = node.max;
    if (m === 0) return true;
    if (m < 0) m = node.min;
    if (m > n) return false;
    if (m > 0) n = Math.floor(n / m);
  }
  return children(node).every((child) => repeatIsValid(child, n));
}

/** Go's `calcSize`, the instruction count it checks against `maxSize`. */
function programSize(node: RegexNode): number {
  const sub = (child: RegexNode): number => programSize(child);
  let size: number;
  switch (node.kind) {
    case 'set':
    case 'assert':
      size = 1;
      break;
    case 'concat':
      size = node.items.reduce((total, item) => total + sub(item), 0);
      break;
    case 'alternate':
      size = node.alternatives.reduce((total, alt) => total + sub(alt), 0) + node.alternatives.length - 1;
      break;
    case 'capture':
      size = 2 + sub(node.sub);
      break;
    case 'repeat': {
      const inner = sub(node.sub);
      if (node.max === -1) size = node.min === 0 ? 2 + inner : node.min === 1 ? 1 + inner : 1 + node.min * inner;
      else if (node.min === 0 && node.max === 1) size = 1 + inner;
      else size = node.max * inner + (node.max - node.min);
      break;
    }
  }
  return Math.max(1, size);
}

function children(node: RegexNode): readonly RegexNode[] {
  switch (node.kind) {
    case 'concat':
      return node.items;
    case 'alternate':
      return node.alternatives;
    case 'capture':
    case 'repeat':
      return [node.sub];
    default:
      return [];
  }
}
