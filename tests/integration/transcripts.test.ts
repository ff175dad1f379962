import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runLayerlab } from '@/lib/cli/layerlab/program';
import { createNodeCliIO } from '@/lib/cli/node-cli-io';
import { lineMatcher, matchLines, outputLines, parseTranscript } from '../transcripts/transcript';

/**
 * Runs every tests/transcripts/*.txt: each file is one terminal (a fresh state directory and an
 * empty workspace), each `$` step one `layerlab sh --workdir DIR -c COMMAND` call in-process,
 * so the history, variables, hosts and images carry over between steps as they would between
 * lines typed in the browser's terminal. The clock is fixed so CREATED columns are stable.
 */
const DIR = join(__dirname, '..', 'transcripts');
const NOW = Date.parse('2026-11-28T12:00:00Z');
const temps: string[] = [];
afterAll(async () => {
  await Promise.all(temps.map((t) => rm(t, { recursive: true, force: true })));
});

const files = (await readdir(DIR)).filter((f) => f.endsWith('.txt')).sort();

describe('transcripts', () => {
  it('has transcripts to run', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(file, async () => {
      const steps = parseTranscript(await readFile(join(DIR, file), 'utf8'));
      const root = await mkdtemp(join(tmpdir(), 'layerlab-transcript-'));
      temps.push(root);
      const state = join(root, 'state');
      const work = join(root, 'work');
      for (const step of steps) {
        let output = '';
        const io = { ...createNodeCliIO({ stdout: (t) => (output += t), stderr: (t) => (output += t), env: {}, cwd: work }), now: () => NOW };
        const code = await runLayerlab(['--state', state, 'sh', '--workdir', work, '-c', step.command], io);
        const actual = outputLines(output);
        if (code !== step.exitCode || !matchLines(step.expected, actual)) {
          // Shown as a diff of the step's expected and actual text, placeholders and all.
          expect(`${actual.join('\n')}\n# exit ${code}`, `${file}:${step.line}: $ ${step.command}`).toBe(`${step.expected.join('\n')}\n# exit ${step.exitCode}`);
        }
      }
      // A transcript is a whole terminal session (builds, saves, loads): give it room on a
      // loaded 2-core CI machine; a hang still fails.
    }, 180_000);
  }
});

describe('the transcript format', () => {
  it('reads commands, continuation lines, output and exit markers', () => {
    const steps = parseTranscript('# a comment\n\n$ echo hi\nhi\n\n$ if true; then\n> echo in\n> fi\nin\n$ false\n# exit 1\n\n');
    expect(steps).toEqual([
      { command: 'echo hi', expected: ['hi'], exitCode: 0, line: 3 },
      { command: 'if true; then\necho in\nfi', expected: ['in'], exitCode: 0, line: 6 },
      { command: 'false', expected: [], exitCode: 1, line: 10 },
    ]);
  });

  it('masks volatile parts with placeholders and nothing else', () => {
    expect(lineMatcher('myapp  1.0  {{ID}}  {{AGE}}  {{SIZE}}')('myapp  1.0  3f2a1b4c5d6e  2 minutes ago  7.8MB')).toBe(true);
    expect(lineMatcher('myapp  1.0  {{ID}}')('myapp  1.0  3f2a1b4c5d6')).toBe(false);
    expect(lineMatcher('a.b {{*}} end')('a.b anything at all end')).toBe(true);
    expect(lineMatcher('a.b')('axb')).toBe(false);
    expect(() => lineMatcher('{{NOPE}}')).toThrow(/unknown placeholder/);
  });

  it('lets {{...}} stand for any run of lines', () => {
    expect(matchLines(['first', '{{...}}', 'last'], ['first', 'x', 'y', 'last'])).toBe(true);
    expect(matchLines(['first', '{{...}}', 'last'], ['first', 'last'])).toBe(true);
    expect(matchLines(['first', '{{...}}', 'last'], ['first', 'x'])).toBe(false);
    expect(matchLines(['a'], ['a', 'b'])).toBe(false);
  });
});
