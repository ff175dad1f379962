import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleFiles, exampleIds } from './examples';
import { GENERATED_PATH, renderExamplesModule } from './generate-examples';
import { exampleIds as contentIds, loadExample } from '@/tests/helpers/examples';

describe('the examples bundled into the worker', () => {
  it('match content/examples (regenerate with npx tsx app/_worker/generate-examples.ts)', () => {
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(renderExamplesModule());
  });

  it('give every example its files as the Node side loads them', () => {
    expect(exampleIds()).toEqual(contentIds());
    for (const id of contentIds()) expect(exampleFiles(id), id).toEqual(loadExample(id).files);
    expect(exampleFiles('no-such-example')).toBeUndefined();
    expect(exampleFiles('constructor')).toBeUndefined();
  });
});
