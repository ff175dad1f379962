import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type DocumentOptions, type Node, type ParseOptions, type SchemaOptions } from 'yaml';

/**
 * Exercise files come from content packs, which are untrusted: YAML is read as plain data only.
 * YAML 1.2 core schema (no `!!js/function`, no custom tags: an unknown tag is an error, not a
 * string), duplicate keys refused, no `<<` merge keys, and few aliases so a "billion laughs"
 * document cannot blow up when it is turned into JS.
 */
const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  customTags: [],
  merge: false,
  uniqueKeys: true,
  strict: true,
  prettyErrors: false,
  stringKeys: true,
};

/** At most this many alias expansions when a document becomes JS. */
export const YAML_MAX_ALIAS_COUNT = 20;

export interface YamlProblem {
  readonly line?: number;
  readonly col?: number;
  readonly message: string;
}

export interface YamlSource {
  /** The document as plain JS, or undefined when it has syntax errors. */
  readonly data: unknown;
  /** Syntax errors and refused constructs, with line and column. */
  readonly problems: readonly YamlProblem[];
  /** 1-based line of the node at `path`, or of its nearest ancestor that exists. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** 1-based line of the key `key` in the mapping at `path` (for unknown keys). */
  lineOfKey(path: readonly PropertyKey[], key: string): number | undefined;
}

type YamlDoc = Document.Parsed;

function nodeAt(doc: YamlDoc, path: readonly PropertyKey[]): { node: Node | null; depth: number } {
  let node: unknown = doc.contents;
  let depth = 0;
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) next = node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(key))?.value;
    else if (isSeq(node) && typeof key === 'number') next = node.items[key];
    if (next == null || typeof next !== 'object') break;
    node = next;
    depth += 1;
  }
  return { node: (node as Node | null) ?? null, depth };
}

function problemOf(lines: LineCounter, error: { message: string; pos: readonly [number, number]; linePos?: readonly [{ line: number; col: number }, ...unknown[]] }): YamlProblem {
  const pos = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
  // The `yaml` package ends some messages with " at line L, column C" even without prettyErrors.
  const message = error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
  return { line: pos.line, col: pos.col, message };
}

/** Parse one YAML file safely and keep a way back from a data path to its line. */
export function readYamlSource(text: string): YamlSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { ...YAML_OPTIONS, lineCounter: lines });
  // Unresolved tags are only warnings in `yaml`; for untrusted files they are errors.
  const problems: YamlProblem[] = [...doc.errors, ...doc.warnings].map((e) => problemOf(lines, e));
  let data: unknown;
  if (problems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: YAML_MAX_ALIAS_COUNT });
    } catch (cause) {
      // e.g. "Excessive alias count indicates a resource exhaustion attack"
      problems.push({ message: cause instanceof Error ? cause.message : String(cause) });
    }
  }
  const lineAt = (offset: number | undefined) => (offset == null ? undefined : lines.linePos(offset).line);
  const lineOfKey = (path: readonly PropertyKey[], key: string): number | undefined => {
    const { node, depth } = nodeAt(doc, path);
    if (depth === path.length && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
      const keyNode = pair?.key as Node | undefined;
      if (keyNode?.range != null) return lineAt(keyNode.range[0]);
    }
    return lineAt(node?.range?.[0]);
  };
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    // A map value is reported at its key's line: `options:` rather than its first item.
    const last = path[path.length - 1];
    if (typeof last === 'string') return lineOfKey(path.slice(0, -1), last);
    return lineAt(nodeAt(doc, path).node?.range?.[0]);
  };
  return { data, problems, lineOf, lineOfKey };
}
