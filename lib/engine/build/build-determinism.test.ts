import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { determinismImageId } from './determinism-script';

describe('build determinism', () => {
  it('gives the same image ID twice in one process', async () => {
    expect(await determinismImageId()).toBe(await determinismImageId());
  });

  it('gives the same image ID in another Node process', async () => {
    const here = await determinismImageId();
    const other = execFileSync('npx', ['tsx', 'lib/engine/build/determinism-script.ts'], { encoding: 'utf8' }).trim();
    expect(other).toBe(here);
  }, 60_000);
});
