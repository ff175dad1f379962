/**
 * A GIFT file as Moodle reads it (`qformat_default::readquestions` + `qformat_gift::readquestion`):
 * questions are separated by blank lines, every line is trimmed, and a line starting with `//` is
 * a comment. Comments directly above a question may carry Moodle's `[id:…]` and `[tag:…]`.
 */
export interface GiftBlock {
  /** 1-based line of the block's first line that is not a comment. */
  readonly line: number;
  /** The non-comment lines, trimmed, joined with `\n` and trimmed (Moodle's question text). */
  readonly text: string;
  /** The comment lines, without their `//`. */
  readonly comments: readonly string[];
  /** Line of each non-comment line, in order, for messages that point inside a block. */
  readonly lines: readonly number[];
}

export function splitBlocks(source: string): GiftBlock[] {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const blocks: GiftBlock[] = [];
  let text: string[] = [];
  let numbers: number[] = [];
  let comments: string[] = [];
  const flush = () => {
    if (text.length > 0 || comments.length > 0) {
      blocks.push({ line: numbers[0] ?? 0, text: text.join('\n').trim(), comments, lines: numbers });
    }
    text = [];
    numbers = [];
    comments = [];
  };
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') flush();
    else if (line.startsWith('//')) comments.push(line.slice(2).trim());
    else {
      text.push(line);
      numbers.push(index + 1);
    }
  });
  flush();
  return blocks;
}

/** `[id:…]` (the first) and every `[tag:…]` in a block's comments; `\]` stands for `]`. */
export function readMarks(comments: readonly string[]): { id?: string; tags: string[] } {
  const all = comments.join('\n');
  const tags: string[] = [];
  let id: string | undefined;
  for (const match of all.matchAll(/\[(id|tag):((?:\\\]|[^\]\p{Cc}])+)\]/gu)) {
    const value = (match[2] as string).replace(/\\\]/g, ']').trim();
    if (value === '') continue;
    if (match[1] === 'id') id ??= value;
    else if (!tags.includes(value)) tags.push(value);
  }
  return id === undefined ? { tags } : { id, tags };
}

/** The comment line that writes an id and tags (Moodle's `write_idnumber_and_tags`). */
export function writeMarks(id: string | undefined, tags: readonly string[]): string {
  const clean = (value: string) => value.replace(/\p{Cc}+/gu, ' ').trim().replace(/\]/g, '\\]');
  const bits = [...(id === undefined ? [] : [`[id:${clean(id)}]`]), ...tags.filter((t) => clean(t) !== '').map((t) => `[tag:${clean(t)}]`)];
  return bits.length === 0 ? '' : `// ${bits.join(' ')}\n`;
}
