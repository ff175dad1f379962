/**
 * BuildKit's low-level Dockerfile parser (`frontend/dockerfile/parser`), rule for rule, with
 * source ranges for the editor.
 *
 * - `parseDockerfile(source)` — the syntax tree of `ast.ts`; throws `DockerfileError` for what
 *   `parser.Parse` rejects (`file with no instructions`, bad directives, non-string JSON arrays,
 *   `ENV`/`LABEL` syntax, unterminated heredocs, over-long lines). Unknown keywords are not
 *   errors here (the instructions step reports them).
 * - `dumpDockerfile(df)` — `Node.Dump()` + "\n", byte-identical to the fixtures' `result` files.
 *
 * Files: parser.ts (line loop, directives, comments, warnings), source-map.ts (lines, logical
 * line → source ranges, the scanner's line limit), directives.ts, split-command.ts (keyword and
 * flags), line-parsers.ts (per-instruction arguments), go-json.ts (Go's JSON decoding),
 * heredoc.ts + shell-words.ts (heredoc detection and bodies), instruction-node.ts (ONBUILD),
 * dump.ts. Go's string rules (`strconv.Quote`, `unicode.IsSpace`, ...) live in lib/util.
 */
export { parseDockerfile } from './parser';
export { dumpDockerfile, dumpNode } from './dump';
