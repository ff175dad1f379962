/**
 * A code-point reader with the two operations BuildKit's lexer uses from Go's
 * `text/scanner` (`Peek` and `Next`), including its quirks:
 * - it yields whole code points (Go runes), never UTF-16 halves of one;
 * - `Peek` on the very first character skips one byte-order mark (U+FEFF), so a
 *   word that starts with a BOM loses it, exactly as in BuildKit;
 * - past the end both return EOF (-1), and `Next` does not advance.
 * Go's scanner also reports NUL and invalid UTF-8 through an error callback that
 * BuildKit never sets, so those characters simply pass through; so they do here.
 */

export const EOF = -1;

const BOM = 0xfeff;

export class RuneScanner {
  private pos: number;

  constructor(private readonly source: string) {
    this.pos = source.charCodeAt(0) === BOM ? 1 : 0;
  }

  /** The next code point without consuming it, or EOF. */
  peek(): number {
    return this.source.codePointAt(this.pos) ?? EOF;
  }

  /** Consumes and returns the next code point, or EOF. */
  next(): number {
    const cp = this.peek();
    if (cp !== EOF) this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }
}

/** Splits a string into code points the way Go ranges over a string's runes. */
export function toRunes(text: string): number[] {
  const runes: number[] = [];
  for (const ch of text) runes.push(ch.codePointAt(0) ?? 0);
  return runes;
}

/** Builds a string from code points without spreading (safe for huge arrays). */
export function fromRunes(runes: readonly number[]): string {
  let out = '';
  for (const cp of runes) out += String.fromCodePoint(cp);
  return out;
}
