/**
 * The syntax tree of the sh subset (POSIX XCU §2.10 grammar, dash's reading of it). Words keep
 * their quoting structure so expansion can decide what is split and globbed; everything is a
 * plain object tagged by `kind`, so trees can be compared in tests and sent to a worker.
 */
export type WordPart =
  /** Unquoted text: subject to globbing (and tilde expansion at the start of a word). */
  | { kind: 'literal'; text: string }
  /** Single-quoted or backslash-escaped text: taken as is. */
  | { kind: 'quoted'; text: string }
  /** `"..."`: expansions inside are not split or globbed. */
  | { kind: 'double'; parts: WordPart[] }
  | ParamPart
  /** `$(...)` or backticks, parsed when the word is. */
  | { kind: 'command'; body: Script; line: number }
  /** `$((...))`: the expression text, expanded then evaluated. */
  | { kind: 'arith'; expr: Word; source: string };

export type ParamOp = '-' | '=' | '+' | '?' | '%' | '%%' | '#' | '##';

export interface ParamPart {
  kind: 'param';
  name: string;
  /** `${#x}`. */
  length?: boolean;
  op?: ParamOp;
  /** `${x:-d}` tests for empty as well as unset. */
  colon?: boolean;
  arg?: Word;
}

export interface Word {
  parts: WordPart[];
  /** The source text, for `set -x`-free messages such as `case` errors. */
  raw: string;
}

export type RedirectOp = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '<<' | '<<-';

export interface Redirect {
  fd: number;
  op: RedirectOp;
  /** The file, the fd (`2>&1`) or, for here-docs, the delimiter. */
  target: Word;
  /** Here-doc body, filled in when the lexer reaches the end of the line. */
  heredoc?: { body: Word; quoted: boolean };
}

export interface Assignment {
  name: string;
  value: Word;
}

export type Command =
  | { kind: 'simple'; assigns: Assignment[]; words: Word[]; redirects: Redirect[]; line: number }
  | { kind: 'subshell'; body: Script; redirects: Redirect[]; line: number }
  | { kind: 'group'; body: Script; redirects: Redirect[]; line: number }
  | { kind: 'if'; clauses: { cond: Script; body: Script }[]; elseBody?: Script; redirects: Redirect[]; line: number }
  | { kind: 'for'; name: string; items?: Word[]; body: Script; redirects: Redirect[]; line: number }
  | { kind: 'while'; until: boolean; cond: Script; body: Script; redirects: Redirect[]; line: number }
  | { kind: 'case'; word: Word; items: CaseItem[]; redirects: Redirect[]; line: number }
  | { kind: 'function'; name: string; body: Command; line: number };

export interface CaseItem {
  patterns: Word[];
  body: Script;
}

export interface Pipeline {
  negate: boolean;
  commands: Command[];
  line: number;
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
  /** Ended by `&`: run in the foreground anyway (no job control in the model). */
  background: boolean;
}

/** A list of and-or lists: a whole script, a compound body, a `$(...)`. */
export interface Script {
  items: AndOr[];
}
