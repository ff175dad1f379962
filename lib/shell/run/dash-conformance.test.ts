import { describe, expect, it } from 'vitest';
import { createCoreutils } from '../commands/coreutils';
import { createMemoryFs } from '../fs/memory-fs';
import cases from './dash-cases.json';
import { runShell } from './run-shell';

/**
 * Scripts with the stdout, stderr and exit code real dash gave for them (generated once with
 * `dash -c SCRIPT` under HOME=/root PATH=/usr/bin:/bin, cwd /; not re-run by the tests).
 */
describe('matches dash', () => {
  it.each(cases)('$script', async ({ script, stdout, stderr, exitCode }) => {
    const fs = createMemoryFs({ '/tmp/': '', '/root/': '' });
    const result = await runShell(script, { fs, commands: createCoreutils(), argv0: 'dash', env: { HOME: '/root', PATH: '/usr/bin:/bin' } });
    expect({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }).toEqual({ stdout, stderr, exitCode });
  });
});
