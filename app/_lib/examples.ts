// Build-time IO for the material's examples (content/examples/<id>/example.json): their ids and
// titles for the playground's example menu and the lessons' "Try it" links. Server components only.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ExampleSummary {
  id: string;
  title: string;
}

const examplesDir = join(process.cwd(), 'content', 'examples');

let cache: ExampleSummary[] | undefined;

/** Every example, by id. Throws (failing the build) when an example.json is missing or wrong. */
export function getExamples(): ExampleSummary[] {
  if (cache) return cache;
  cache = readdirSync(examplesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(examplesDir, entry.name, 'example.json')))
    .map((entry) => {
      const meta = JSON.parse(readFileSync(join(examplesDir, entry.name, 'example.json'), 'utf8')) as Partial<ExampleSummary>;
      if (meta.id !== entry.name || typeof meta.title !== 'string') throw new Error(`content/examples/${entry.name}/example.json: needs "id": "${entry.name}" and a "title"`);
      return { id: meta.id, title: meta.title };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return cache;
}

export function playgroundHref(exampleId: string): string {
  return `/playground/?example=${encodeURIComponent(exampleId)}`;
}
