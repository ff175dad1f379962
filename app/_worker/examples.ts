import { EXAMPLE_INDEX, EXAMPLE_TEXTS } from './examples.generated';

/** The material's examples bundled into the worker (content/examples/<id>/, see generate-examples.ts). */
export function exampleIds(): string[] {
  return Object.keys(EXAMPLE_INDEX).sort();
}

/** The example's files, relative path → text; undefined for an unknown id. */
export function exampleFiles(id: string): Record<string, string> | undefined {
  const entry = Object.hasOwn(EXAMPLE_INDEX, id) ? EXAMPLE_INDEX[id] : undefined;
  if (entry === undefined) return undefined;
  return Object.fromEntries(Object.entries(entry.files).map(([path, index]) => [path, EXAMPLE_TEXTS[index] ?? '']));
}
