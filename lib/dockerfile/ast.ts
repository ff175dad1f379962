/**
 * The syntax tree of BuildKit's low-level Dockerfile parser (`frontend/dockerfile/parser`),
 * with source ranges added for the editor. Shapes follow BuildKit's `parser.Node`:
 * `args` is the node's `Next` chain, `flags` its `Flags`, `child` the ONBUILD sub-instruction.
 */

/** 1-based line, 1-based column counted in UTF-16 code units (Monaco's convention). */
export interface Position {
  line: number;
  column: number;
}

/** `end` is exclusive: the position just after the last character. */
export interface Range {
  start: Position;
  end: Position;
}

/** One argument of an instruction (a word, a JSON array element, an ENV key/value/separator...). */
export interface Word {
  value: string;
  range: Range;
}

/** A leading `--name[=value]` word of an instruction, as written. */
export interface FlagWord {
  /** The whole word as BuildKit records it, e.g. `--from=builder`. */
  raw: string;
  /** The name without dashes, e.g. `from`. */
  name: string;
  /** The text after `=`, or null when there was no `=`. */
  value: string | null;
  range: Range;
}

/** A heredoc attached to RUN/COPY/ADD (`<<EOF`, `<<-EOF`, `<<"EOF"`, `3<<EOF`). */
export interface Heredoc {
  /** The delimiter word without quotes, e.g. `EOF`. */
  name: string;
  /** The file descriptor written before `<<` (`3<<EOF`), 0 when absent. */
  fileDescriptor: number;
  /** False when any part of the delimiter was quoted: the body is then taken literally. */
  expand: boolean;
  /** True for `<<-`: leading tabs were stripped from the body and the terminator. */
  chomp: boolean;
  /** The body, each line ending in `\n`, without the terminator line. */
  content: string;
  /** From the first body line to the end of the terminator line. */
  range: Range;
}

export interface InstructionNode {
  /** Lower-cased keyword (`from`, `run`, ...), as in BuildKit's `Node.Value`. */
  keyword: string;
  /** The keyword as the author typed it (for casing checks and errors). */
  rawKeyword: string;
  keywordRange: Range;
  flags: FlagWord[];
  args: Word[];
  /** Set when the arguments were given as a JSON array (exec form). */
  json: boolean;
  /** The sub-instruction of ONBUILD. */
  child: InstructionNode | null;
  heredocs: Heredoc[];
  /** The logical line after continuations were joined, keyword included (BuildKit's `Original`). */
  original: string;
  /** From the keyword to the end of the last physical line (heredoc bodies included). */
  range: Range;
  /** Comment lines directly above the instruction, without `#` (BuildKit's `PrevComment`). */
  comments: string[];
}

export interface Directive {
  /** Lower-cased directive name: `syntax`, `escape` or `check`. */
  name: string;
  value: string;
  range: Range;
}

export interface Comment {
  /** Text after `#`, leading blanks removed. */
  text: string;
  range: Range;
}

/** A non-fatal finding of the parser itself, e.g. an empty continuation line. */
export interface ParseWarning {
  code: 'empty-continuation';
  message: string;
  /** Lines of the empty continuation lines. */
  range: Range;
}

export interface Dockerfile {
  instructions: InstructionNode[];
  directives: Directive[];
  comments: Comment[];
  warnings: ParseWarning[];
  /** The escape character in force: `\` or `` ` ``. */
  escapeToken: '\\' | '`';
  /** The source text as parsed (BOM removed). */
  source: string;
}
