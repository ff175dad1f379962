// Enforces the import boundaries of DESIGN.md §2 over every .ts/.tsx file in lib/ and app/.
// The table below is DESIGN's table as data; change both together.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const LIB_AREAS = ['util', 'dockerfile', 'shell', 'engine', 'cli', 'workspace', 'grading', 'content', 'editor'] as const;
type LibArea = (typeof LIB_AREAS)[number];
type Area = LibArea | 'app';

/**
 * What a file in the row's area may import from the column's area:
 * - 'no': nothing;
 * - 'yes' / 'index': values and types, through `lib/<area>/index.ts` only (DESIGN: "Across areas
 *   import only the area's index.ts", which holds for 'yes' too);
 * - 'types': `import type` only, through index.ts.
 * An area's own column is covered by the own-area rules (relative paths, never its own barrel;
 * the engine's inner order).
 */
type Rule = 'no' | 'yes' | 'index' | 'types';
// prettier-ignore
const TABLE: Record<LibArea, Record<LibArea, Rule>> = {
  //           util    dockerfile  shell   engine    cli      workspace  grading  content  editor
  util:       { util: 'no',  dockerfile: 'no',  shell: 'no',  engine: 'no',    cli: 'no',    workspace: 'no',    grading: 'no', content: 'no',    editor: 'no' },
  dockerfile: { util: 'yes', dockerfile: 'no',  shell: 'no',  engine: 'no',    cli: 'no',    workspace: 'no',    grading: 'no', content: 'no',    editor: 'no' },
  shell:      { util: 'yes', dockerfile: 'no',  shell: 'no',  engine: 'no',    cli: 'no',    workspace: 'no',    grading: 'no', content: 'no',    editor: 'no' },
  engine:     { util: 'yes', dockerfile: 'yes', shell: 'yes', engine: 'no',    cli: 'no',    workspace: 'no',    grading: 'no', content: 'types', editor: 'no' },
  cli:        { util: 'yes', dockerfile: 'yes', shell: 'yes', engine: 'index', cli: 'no',    workspace: 'index', grading: 'no', content: 'no',    editor: 'no' },
  // DESIGN's table has no row for workspace. Decided with issue 5: the workspace is a ShellFs (the
  // terminal's and git's one file model), so it may use lib/shell besides the leaf helpers.
  workspace:  { util: 'yes', dockerfile: 'no',  shell: 'yes',  engine: 'no',    cli: 'no',    workspace: 'no',    grading: 'no', content: 'no',    editor: 'no' },
  grading:    { util: 'yes', dockerfile: 'yes', shell: 'no',  engine: 'index', cli: 'index', workspace: 'no',    grading: 'no', content: 'types', editor: 'no' },
  content:    { util: 'yes', dockerfile: 'yes', shell: 'no',  engine: 'no',    cli: 'no',    workspace: 'no',    grading: 'no', content: 'no',    editor: 'no' },
  editor:     { util: 'yes', dockerfile: 'yes', shell: 'no',  engine: 'no',    cli: 'no',    workspace: 'no',    grading: 'no', content: 'no',    editor: 'no' },
};
// The app may import the index of any area ("index of any") and the UI libraries.

/**
 * The `layerlab` Node face (lib/cli/layerlab/ and its entry lib/cli/layerlab.ts) composes the
 * areas as the app does for the browser: `grade` and `content check` load the course (lib/content)
 * and grade it (lib/grading), through their index. The rest of lib/cli — the docker CLI and the
 * terminal, which lib/grading itself uses — may not, so there is no cycle.
 */
function isNodeFace(place: Place): boolean {
  return place.area === 'cli' && (place.inner === 'layerlab' || place.inner.startsWith('layerlab/'));
}

/** Inside lib/engine a module may import only modules of a lower rank (or itself). */
const ENGINE_ORDER: readonly (readonly string[])[] = [
  ['fs'],
  ['layer'],
  ['image'],
  ['store'],
  ['hub', 'registry', 'archive'],
  ['packages'],
  ['build'],
  ['containers', 'analysis'],
];
const ENGINE_RANK = new Map(ENGINE_ORDER.flatMap((group, rank) => group.map((name) => [name, rank] as const)));

/** The UI column: React, Next, xterm and Monaco. Only the app may import them (editor: Monaco types). */
function isUiPackage(name: string): boolean {
  return ['react', 'react-dom', 'next', 'xterm', 'monaco-editor'].includes(name) || /^@(xterm|monaco-editor)\//.test(name);
}

interface Edge {
  /** Repository-relative path of the importing file. */
  from: string;
  specifier: string;
  typeOnly: boolean;
}

interface Place {
  area: Area | 'outside' | 'unknown-lib';
  /** For lib files: the path below lib/<area>/ without extension, '' for the barrel. */
  inner: string;
  path: string;
}

function stripExtension(path: string): string {
  return path.replace(/\.(d\.ts|tsx?|mts|cts|jsx?|mjs|cjs)$/, '').replace(/(^|\/)index$/, '');
}

function placeOf(path: string): Place {
  const clean = stripExtension(path).replace(/\/$/, '');
  if (clean === 'app' || clean.startsWith('app/')) return { area: 'app', inner: clean.slice(4), path };
  const m = /^lib\/([^/]+)(?:\/(.*))?$/.exec(clean);
  if (m == null) return { area: clean === 'lib' ? 'unknown-lib' : 'outside', inner: '', path };
  const area = m[1] ?? '';
  return (LIB_AREAS as readonly string[]).includes(area)
    ? { area: area as LibArea, inner: m[2] ?? '', path }
    : { area: 'unknown-lib', inner: '', path };
}

type Target = { kind: 'file'; path: string } | { kind: 'package'; name: string };

/** Resolve a specifier without touching the disk: './x', '../x', '@/x' or a package name. */
function resolveSpecifier(from: string, specifier: string): Target {
  if (specifier.startsWith('.')) return { kind: 'file', path: posix.normalize(posix.join(posix.dirname(from), specifier)) };
  if (specifier.startsWith('@/')) return { kind: 'file', path: posix.normalize(specifier.slice(2)) };
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
  return { kind: 'package', name };
}

const isTest = (path: string) => /\.test\.tsx?$/.test(path);

function engineModule(inner: string): string {
  // '' is the barrel, 'errors' a file at the engine's root, 'build/plan' a module file.
  return inner.includes('/') ? (inner.split('/')[0] ?? '') : ENGINE_RANK.has(inner) ? inner : inner === '' ? '' : '<root>';
}

/** One violation per offending edge, as `file: import 'specifier': reason`. */
function checkEdges(edges: readonly Edge[]): string[] {
  const violations: string[] = [];
  for (const edge of edges) {
    const report = (reason: string) => violations.push(`${edge.from}: import '${edge.specifier}': ${reason}`);
    const from = placeOf(edge.from);
    if (from.area === 'unknown-lib') {
      report(`${edge.from} is not in a known area (lib/${LIB_AREAS.join('|')})`);
      continue;
    }
    if (from.area === 'outside') continue;
    const target = resolveSpecifier(edge.from, edge.specifier);

    if (target.kind === 'package') {
      if (from.area === 'app' || !isUiPackage(target.name)) continue;
      if (from.area === 'editor' && target.name === 'monaco-editor' && edge.typeOnly) continue;
      report(
        from.area === 'editor'
          ? 'lib/editor may import only types from monaco-editor (no React, Next or xterm)'
          : `lib/${from.area} may not import ${target.name} (React, Next, xterm and Monaco belong to the app)`,
      );
      continue;
    }

    const to = placeOf(target.path);
    if (to.area === 'unknown-lib') {
      report(`${target.path} is not in a known area (lib/${LIB_AREAS.join('|')})`);
      continue;
    }
    if (to.area === 'outside') {
      if (target.path.startsWith('tests/') && !isTest(edge.from)) report('lib/ and app/ may not import from tests/');
      continue;
    }
    if (to.area === 'app') {
      if (from.area !== 'app') report('lib/ may not import from app/');
      continue;
    }
    if (from.area === 'app') {
      if (to.inner !== '') report(`the app imports lib/${to.area} only through lib/${to.area}/index.ts`);
      continue;
    }

    if (to.area === from.area) {
      if (!edge.specifier.startsWith('.')) report(`inside lib/${from.area} use relative paths`);
      if (to.inner === '' && from.inner !== '' && !isTest(edge.from)) report(`inside lib/${from.area} never import its own index.ts`);
      if (from.area === 'engine') checkEngineOrder(from.inner, to.inner, report);
      continue;
    }

    const rule = isNodeFace(from) && (to.area === 'grading' || to.area === 'content') ? 'index' : TABLE[from.area][to.area];
    if (rule === 'no') {
      report(`lib/${from.area} may not import lib/${to.area} (DESIGN.md §2)`);
      continue;
    }
    if (to.inner !== '') report(`import lib/${to.area} only through lib/${to.area}/index.ts`);
    if (rule === 'types' && !edge.typeOnly) report(`lib/${from.area} may import only types from lib/${to.area} (use \`import type\`)`);
  }
  return violations;
}

function checkEngineOrder(fromInner: string, toInner: string, report: (reason: string) => void): void {
  const a = engineModule(fromInner);
  const b = engineModule(toInner);
  if (a === '' || b === '' || a === b) return; // the barrel (reported above) or the same module
  for (const m of [a, b]) {
    if (m !== '<root>' && !ENGINE_RANK.has(m)) report(`lib/engine/${m} is not in the engine's order (${ENGINE_ORDER.map((g) => g.join('/')).join(' → ')})`);
  }
  if (b === '<root>') return; // shared files at the engine's root are below every module
  if (a === '<root>') {
    report(`files at lib/engine/ root may not import lib/engine/${b}`);
    return;
  }
  const ra = ENGINE_RANK.get(a);
  const rb = ENGINE_RANK.get(b);
  if (ra == null || rb == null) return;
  if (rb > ra) report(`lib/engine/${a} may not import lib/engine/${b} (engine order: ${ENGINE_ORDER.map((g) => g.join('/')).join(' → ')})`);
  else if (rb === ra) report(`lib/engine/${a} and lib/engine/${b} are siblings in the engine order and may not import each other`);
}

/** Every import, re-export, dynamic import(), require() and import('x') type in a file. */
function extractEdges(path: string, text: string): Edge[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const edges: Edge[] = [];
  const add = (node: ts.Node | undefined, typeOnly: boolean) => {
    if (node != null && ts.isStringLiteralLike(node)) edges.push({ from: path, specifier: node.text, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const allNamedTypes =
        clause != null && clause.name == null && bindings != null && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, clause?.isTypeOnly === true || allNamedTypes);
    } else if (ts.isExportDeclaration(node)) {
      const clause = node.exportClause;
      const allNamedTypes = clause != null && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, node.isTypeOnly || allNamedTypes);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) add(node.arguments[0], false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

const root = join(import.meta.dirname, '..', '..');

function listSources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : listSources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('import boundaries (DESIGN.md §2)', () => {
  const files = [...listSources('lib'), ...listSources('app')];
  const edges = files.flatMap((file) => extractEdges(file, readFileSync(join(root, file), 'utf8')));

  it('scans the real tree', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files).toContain('app/page.tsx');
    expect(files).toContain('lib/content/index.ts');
    expect(edges.length).toBeGreaterThan(50);
    // The '@/' alias resolves: the app reaches lib/content through its barrel.
    expect(edges.some((e) => e.from.startsWith('app/') && placeOf(resolveSpecifierPath(e)).area === 'content')).toBe(true);
  });

  it('has no forbidden imports', () => {
    expect(checkEdges(edges)).toEqual([]);
  });

  it('finds imports of every form', () => {
    const found = extractEdges(
      'lib/x/a.ts',
      [
        "import a from './a';",
        "import type { B } from './b';",
        "import { type C, type D } from './c';",
        "import { type E, F } from './e';",
        "import './side-effect';",
        "export * from './f';",
        "export type * from './g';",
        "export { type H } from './h';",
        "const i = await import('./i');",
        "const j = require('./j');",
        "type K = import('./k').K;",
        "// import nope from './comment';",
        "const s = \"import nope from './string'\";",
      ].join('\n'),
    );
    expect(found.map((e) => [e.specifier, e.typeOnly])).toEqual([
      ['./a', false],
      ['./b', true],
      ['./c', true],
      ['./e', false],
      ['./side-effect', false],
      ['./f', false],
      ['./g', true],
      ['./h', true],
      ['./i', false],
      ['./j', false],
      ['./k', true],
    ]);
  });

  // The checker must catch real violations, or "no forbidden imports" would pass vacuously.
  it('reports each kind of violation', () => {
    const bad: Edge[] = [
      { from: 'lib/util/bytes.ts', specifier: '@/lib/dockerfile', typeOnly: false },
      { from: 'lib/cli/docker.ts', specifier: '@/lib/engine/build/executor', typeOnly: false },
      { from: 'lib/cli/docker.ts', specifier: '../util/digest', typeOnly: false },
      { from: 'lib/grading/grade.ts', specifier: '@/lib/content', typeOnly: false },
      { from: 'lib/engine/fs/tree.ts', specifier: '../build/plan', typeOnly: false },
      { from: 'lib/engine/hub/seed.ts', specifier: '../registry/client', typeOnly: false },
      { from: 'lib/engine/mystery/x.ts', specifier: '../fs/tree', typeOnly: false },
      { from: 'lib/content/parse.ts', specifier: './index', typeOnly: false },
      { from: 'lib/content/parse.ts', specifier: '@/lib/content/slug', typeOnly: false },
      { from: 'lib/shell/run.ts', specifier: 'react', typeOnly: false },
      { from: 'lib/engine/build/events.ts', specifier: 'next/navigation', typeOnly: true },
      { from: 'lib/editor/markers.ts', specifier: 'monaco-editor', typeOnly: false },
      { from: 'lib/editor/mount.ts', specifier: '@xterm/xterm', typeOnly: true },
      { from: 'app/playground/page.tsx', specifier: '@/lib/engine/store/memory', typeOnly: false },
      { from: 'lib/content/x.ts', specifier: '../../app/_lib/lessons', typeOnly: false },
      { from: 'lib/stuff/x.ts', specifier: '../util', typeOnly: false },
      { from: 'lib/workspace/fs.ts', specifier: '@/lib/engine', typeOnly: false },
      // Only the layerlab Node face may use grading and content: not the docker CLI, not by a deep path.
      { from: 'lib/cli/docker/program.ts', specifier: '@/lib/grading', typeOnly: false },
      { from: 'lib/cli/layerlab/grade-command.ts', specifier: '@/lib/grading/labs/lab-scenario', typeOnly: false },
    ];
    const violations = checkEdges(bad);
    for (const edge of bad) {
      expect(violations.some((v) => v.startsWith(`${edge.from}: import '${edge.specifier}'`)), `${edge.from} → ${edge.specifier}`).toBe(true);
    }
    expect(violations).toContain("lib/grading/grade.ts: import '@/lib/content': lib/grading may import only types from lib/content (use `import type`)");
    expect(violations).toContain("lib/util/bytes.ts: import '@/lib/dockerfile': lib/util may not import lib/dockerfile (DESIGN.md §2)");
  });

  it('allows what the table allows', () => {
    const good: Edge[] = [
      { from: 'lib/dockerfile/parse/x.ts', specifier: '@/lib/util', typeOnly: false },
      { from: 'lib/engine/build/plan.ts', specifier: '@/lib/dockerfile', typeOnly: false },
      { from: 'lib/engine/build/plan.ts', specifier: '@/lib/content', typeOnly: true },
      { from: 'lib/engine/build/plan.ts', specifier: '../fs/tree', typeOnly: false },
      { from: 'lib/engine/analysis/diff.ts', specifier: '../store', typeOnly: false },
      { from: 'lib/engine/fs/tree.ts', specifier: '../errors', typeOnly: false },
      { from: 'lib/engine/index.ts', specifier: './build/executor', typeOnly: false },
      { from: 'lib/cli/docker.ts', specifier: '@/lib/engine', typeOnly: false },
      { from: 'lib/cli/serve.ts', specifier: 'node:http', typeOnly: false },
      { from: 'lib/grading/grade.ts', specifier: '@/lib/cli', typeOnly: false },
      { from: 'lib/cli/layerlab/grade-command.ts', specifier: '@/lib/grading', typeOnly: false },
      { from: 'lib/cli/layerlab/grade-command.ts', specifier: '@/lib/content', typeOnly: false },
      { from: 'lib/editor/markers.ts', specifier: 'monaco-editor', typeOnly: true },
      { from: 'lib/content/index.ts', specifier: './parse-lesson', typeOnly: false },
      { from: 'lib/content/parse-lesson.test.ts', specifier: './index', typeOnly: false },
      { from: 'app/page.tsx', specifier: '@/lib/engine', typeOnly: false },
      { from: 'app/page.tsx', specifier: 'next/link', typeOnly: false },
      { from: 'app/page.tsx', specifier: './_components/lesson/lesson-card', typeOnly: false },
    ];
    expect(checkEdges(good)).toEqual([]);
  });
});

function resolveSpecifierPath(edge: Edge): string {
  const target = resolveSpecifier(edge.from, edge.specifier);
  return target.kind === 'file' ? target.path : '';
}
