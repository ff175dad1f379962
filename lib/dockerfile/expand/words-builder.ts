import { isGoSpace, runeString } from '@/lib/util';

/**
 * Word splitting as BuildKit's `wordsStruct` in `shell/lex.go` does it, quirks
 * included, because `ProcessWords` results (and so the wordsTest table) depend
 * on them:
 * - text produced by `$` expansion is split on unquoted whitespace (`addString`),
 *   text from quotes and escaped characters never is (`addRawString`/`addRawChar`);
 * - a quoted empty string (`""`) marks "in a word" without adding text, so it
 *   yields no word at all when nothing else follows (`""` gives `[]`, not `[""]`);
 * - whitespace before any word is dropped, whitespace after the last is too.
 */
export class WordsBuilder {
  private word = '';
  private readonly words: string[] = [];
  private inWord = false;

  /** One unquoted code point: whitespace ends the current word. */
  addChar(cp: number): void {
    if (isGoSpace(cp)) {
      if (this.inWord && this.word.length !== 0) {
        this.words.push(this.word);
        this.word = '';
        this.inWord = false;
      }
    } else {
      this.addRawChar(cp);
    }
  }

  /** One code point that is part of the word whatever it is (an escaped one). */
  addRawChar(cp: number): void {
    this.word += runeString(cp);
    this.inWord = true;
  }

  /** Text from a `$` expansion: split like unquoted input. */
  addString(text: string): void {
    for (const ch of text) this.addChar(ch.codePointAt(0) ?? 0);
  }

  /** Text from quotes: appended whole. */
  addRawString(text: string): void {
    this.word += text;
    this.inWord = true;
  }

  /** The words so far, closing the current one (`getWords`). */
  finish(): string[] {
    if (this.word.length > 0) {
      this.words.push(this.word);
      this.word = '';
      this.inWord = false;
    }
    return this.words;
  }
}
