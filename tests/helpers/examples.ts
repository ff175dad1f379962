/**
 * The material's examples (content/examples/<id>/) as build inputs for Node-side tests and
 * benchmarks: example.json, the Dockerfile text and the whole folder as a memory context.
 * Kept on the test side so lib/content need not read the file system.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EXAMPLES_DIR = fileURLToPath(new URL('../../content/examples/', import.meta.url));

/** One figure the material states for an example (sizes in MB, times in seconds). */
export interface ExampleFigure {
  what: string;
  material: string;
  value?: number;
  unit?: 'MB' | 'layers' | 's' | 'steps';
}

export interface ExampleMeta {
  id: string;
  title: string;
  /** The heading of the material (3.1-working-with-images.md) the example comes from. */
  section: string;
  /** Figures the material states for it. */
  figures: ExampleFigure[];
  /** Present when the material's text cannot build as written: the verbatim copy and why it fails. */
  asWritten?: { file: string; fails: string };
  /** What this workspace adds or changes beyond the material's text. */
  notes?: string[];
  /** Context files that cannot live in the repository (a `.git/` directory), added at load time. */
  extraContext?: Record<string, string>;
}

export interface Example {
  meta: ExampleMeta;
  dockerfile: string;
  /** Every file of the folder except example.json, plus meta.extraContext, by context path. */
  files: Record<string, string>;
}

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

export function exampleIds(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((name) => statSync(join(EXAMPLES_DIR, name)).isDirectory())
    .sort();
}

export function loadExample(id: string): Example {
  const dir = join(EXAMPLES_DIR, id);
  const meta = JSON.parse(readFileSync(join(dir, 'example.json'), 'utf8')) as ExampleMeta;
  if (meta.id !== id) throw new Error(`content/examples/${id}/example.json has id ${meta.id}`);
  const files: Record<string, string> = {};
  for (const path of walk(dir, [])) {
    const rel = relative(dir, path).split('\\').join('/');
    if (rel !== 'example.json') files[rel] = readFileSync(path, 'utf8');
  }
  Object.assign(files, meta.extraContext ?? {});
  const dockerfile = files.Dockerfile;
  if (dockerfile === undefined) throw new Error(`content/examples/${id} has no Dockerfile`);
  return { meta, dockerfile, files };
}
