/**
 * BuildKit's `parser.Parse` (parser.go): physical lines → logical lines → nodes, with parser
 * directives, comments, empty-continuation warnings and heredoc bodies.
 *
 * Line handling follows `processLine`, `trimContinuationCharacter`, `isComment` and
 * `isEmptyContinuationLine`: a first line has its leading blanks removed, a continuation line is
 * appended verbatim minus the escape and the blanks after it; comment lines inside a
 * continuation are dropped and blank ones skipped with a warning.
 */
import type { Comment, Directive, Dockerfile, InstructionNode, ParseWarning } from '../ast';
import { DockerfileError } from '../errors';
import { DirectiveScanner, toEscapeToken, type DirectiveMatch, type EscapeToken } from './directives';
import { goTrimSpace, skipGoSpace, toWellFormed } from '@/lib/util';
import { canContainHeredoc, heredocsFromLine, readHeredocBodies } from './heredoc';
import { newNodeFromLine } from './instruction-node';
import { LineReader, LogicalLine, contentEnd, lineRange, positionOn } from './source-map';

/**
 * `trimContinuationCharacter`: the end of the kept text. The line continues exactly when that is
 * before `end` (a number rather than a tuple: this runs for every physical line).
 */
function trimContinuation(text: string, start: number, end: number, escape: number): number {
  let e = end;
  while (e > start && (text.charCodeAt(e - 1) === 0x20 || text.charCodeAt(e - 1) === 0x09)) e--;
  // `([^E])E[ \t]*$|^E[ \t]*$`: an escape preceded by another escape is not a continuation.
  if (e > start && text.charCodeAt(e - 1) === escape && (e - 1 === start || text.charCodeAt(e - 2) !== escape)) return e - 1;
  return end;
}

/** `String.prototype.isWellFormed` where the engine has it (a native scan), else false. */
function isWellFormedNative(s: string): boolean {
  const native = (s as { isWellFormed?: () => boolean }).isWellFormed;
  return typeof native === 'function' && native.call(s);
}

/** Rethrows a location-less error from a line parser with the instruction's lines. */
function withLocation(error: unknown, reader: LineReader, first: number, last: number): never {
  if (error instanceof DockerfileError && error.line === undefined) {
    throw new DockerfileError(error.code, error.message, { line: first + 1, range: lineRange(reader.lines, first, last) }, { cause: error });
  }
  throw error;
}

export function parseDockerfile(input: string): Dockerfile {
  const hadBom = input.charCodeAt(0) === 0xfeff;
  const withoutBom = hadBom ? input.slice(1) : input;
  // The native check first: toWellFormed scans every character in JS, a visible share of a parse.
  const source = isWellFormedNative(withoutBom) ? withoutBom : toWellFormed(withoutBom);
  const reader = new LineReader(source, hadBom ? 3 : 0);
  const { lines } = reader;
  const text = source; // BOM-less, well-formed: every range below points into it
  const scanner = new DirectiveScanner();
  let escape: EscapeToken = '\\';
  const directives: Directive[] = [];
  const comments: Comment[] = [];
  const warnings: ParseWarning[] = [];
  const instructions: InstructionNode[] = [];
  let prevComments: string[] = [];
  const logical = new LogicalLine(lines, 0);

  const recordComment = (index: number, hashAt: number): void => {
    const end = contentEnd(lines, index);
    const textStart = skipGoSpace(text, hashAt + 1, end);
    comments.push({ text: text.slice(textStart, end), range: lineRange(lines, index, index, hashAt) });
  };

  for (let index = reader.next(); index >= 0; index = reader.next()) {
    const lineStart = lines.starts[index] ?? 0;
    const end = contentEnd(lines, index);
    const tokenStart = skipGoSpace(text, lineStart, end);
    const isComment = text.charCodeAt(tokenStart) === 0x23;
    if (isComment) {
      // BuildKit takes `bytesRead[1:]` of the untrimmed line: `  # x` is remembered as "# x".
      const prev = goTrimSpace(text.slice(lineStart + 1, lines.ends[index] ?? end));
      // Pushed in place: the list handed to a node is replaced, never mutated, afterwards.
      if (prev === '') prevComments = [];
      else prevComments.push(prev);
    }
    let directive: DirectiveMatch | null = null;
    if (!scanner.done) {
      try {
        directive = scanner.parseLine(text.slice(tokenStart, end));
      } catch (error) {
        withLocation(error, reader, index, index);
      }
    }
    if (directive !== null) {
      prevComments.pop();
      directives.push({ name: directive.name, value: directive.value, range: lineRange(lines, index, index, tokenStart) });
      if (directive.name === 'escape') escape = toEscapeToken(directive.value);
      continue;
    }
    if (isComment) {
      recordComment(index, tokenStart);
      continue;
    }
    const escapeCode = escape.charCodeAt(0);
    const firstEnd = trimContinuation(text, tokenStart, end, escapeCode);
    const continues = firstEnd !== end;
    if (!continues && firstEnd === tokenStart) continue;

    logical.reset(index);
    logical.append(index, tokenStart, firstEnd);
    let firstEmpty = -1; // the first and last blank continuation lines, for the warning
    let lastEmpty = -1;
    let last = index;
    for (let more = continues; more; ) {
      const next = reader.next();
      if (next < 0) break;
      last = next;
      const nextStart = lines.starts[next] ?? 0;
      const nextEnd = contentEnd(lines, next);
      const firstChar = skipGoSpace(text, nextStart, nextEnd);
      if (text.charCodeAt(firstChar) === 0x23) {
        recordComment(next, firstChar);
        continue;
      }
      if (firstChar === nextEnd) {
        if (firstEmpty < 0) firstEmpty = next;
        lastEmpty = next;
        continue;
      }
      const pieceEnd = trimContinuation(text, nextStart, nextEnd, escapeCode);
      logical.append(next, nextStart, pieceEnd);
      more = pieceEnd !== nextEnd;
    }

    const line = logical.text();
    if (firstEmpty >= 0) {
      warnings.push({
        code: 'empty-continuation',
        message: `Empty continuation line found in: ${line}`,
        range: lineRange(lines, firstEmpty, lastEmpty),
      });
    }
    let node: InstructionNode;
    try {
      node = newNodeFromLine({ line, escape, map: logical }, prevComments);
      if (canContainHeredoc(node) && line.includes('<<')) {
        const headers = heredocsFromLine(line);
        if (headers.length > 0) {
          const bodies = readHeredocBodies(reader, headers, index);
          node.heredocs = bodies.heredocs;
          last = bodies.lastLine;
        }
      }
    } catch (error) {
      withLocation(error, reader, index, last);
    }
    node.range = { start: node.range.start, end: positionOn(lines, last, contentEnd(lines, last)) };
    instructions.push(node);
    prevComments = [];
  }

  if (instructions.length === 0) {
    const lastLine = reader.linesRead;
    throw new DockerfileError('no-instructions', 'file with no instructions', lastLine > 0 ? { line: lastLine } : undefined);
  }
  reader.throwIfTooLong();
  return { instructions, directives, comments, warnings, escapeToken: escape, source };
}
