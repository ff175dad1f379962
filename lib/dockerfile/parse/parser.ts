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

/** `trimContinuationCharacter`: end of the kept text, and whether the line continues. */
function trimContinuation(text: string, start: number, end: number, escape: number): [number, boolean] {
  let e = end;
  while (e > start && (text.charCodeAt(e - 1) === 0x20 || text.charCodeAt(e - 1) === 0x09)) e--;
  // `([^E])E[ \t]*$|^E[ \t]*$`: an escape preceded by another escape is not a continuation.
  if (e > start && text.charCodeAt(e - 1) === escape && (e - 1 === start || text.charCodeAt(e - 2) !== escape)) {
    return [e - 1, true];
  }
  return [end, false];
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
  const source = toWellFormed(hadBom ? input.slice(1) : input);
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
    const [firstEnd, continues] = trimContinuation(text, tokenStart, end, escapeCode);
    if (!continues && firstEnd === tokenStart) continue;

    const logical = new LogicalLine(lines, index);
    logical.append(index, tokenStart, firstEnd);
    const emptyLines: number[] = [];
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
        emptyLines.push(next);
        continue;
      }
      const [pieceEnd, again] = trimContinuation(text, nextStart, nextEnd, escapeCode);
      logical.append(next, nextStart, pieceEnd);
      more = again;
    }

    const line = logical.text();
    const firstEmpty = emptyLines[0];
    if (firstEmpty !== undefined) {
      warnings.push({
        code: 'empty-continuation',
        message: `Empty continuation line found in: ${line}`,
        range: lineRange(lines, firstEmpty, emptyLines[emptyLines.length - 1] ?? firstEmpty),
      });
    }
    let node: InstructionNode;
    try {
      node = newNodeFromLine({ line, escape, range: (s, e) => logical.range(s, e) }, prevComments);
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
