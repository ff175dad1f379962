/**
 * `layerlab content check` (issue 7 item 6), run as `npm run layerlab -- content check` runs it
 * (the Node IO over real folders). This file is how the check runs in `npm test`: the course in
 * content/ must come out clean — every file valid, every lab's solution passing and starter
 * failing, every example building — and a broken course must be refused with each problem named.
 */
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createNodeCliIO } from '@/lib/cli/node-cli-io';
import { runLayerlab } from '@/lib/cli/layerlab/program';

const CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));

async function layerlab(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = createNodeCliIO({ stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: join(CONTENT, '..'), env: {} });
  const code = await runLayerlab(argv, io);
  return { code, out, err };
}

const BROKEN_LABS = `labs:
  - id: 3.1/lab-bad-solution
    kind: lab
    title: A solution that does not pass
    prompt: Pull alpine.
    explanation: The check asks for an image the solution never makes.
    hints: [Pull it.]
    solution:
      commands: [docker pull -q alpine:3.19]
    checks:
      - { id: there, kind: image-exists, image: "nothing:here", required: true }
  - id: 3.1/lab-easy-starter
    kind: lab
    title: A starter that passes
    prompt: Do nothing.
    explanation: Nothing is asked.
    solution:
      commands: [echo done]
    checks:
      - { id: absent, kind: image-exists, image: "alpine:3.19", exists: false }
  - id: 3.1/lab-bad-checks
    kind: lab
    title: Checks with wrong parameters
    prompt: Anything.
    explanation: Anything.
    solution:
      commands: [echo done]
    checks:
      - { id: size, kind: image-size, image: app, below: small }
      - { id: what, kind: no-such-kind }
  - id: 3.1/lab-no-solution
    kind: lab
    title: No solution
    prompt: Anything.
    explanation: Anything.
    checks:
      - { id: c, kind: dangling-count, max: 0 }
`;

describe('layerlab content check', () => {
  it('passes on the course in content/ and says what it checked', async () => {
    const { code, out, err } = await layerlab(['content', 'check', CONTENT]);
    expect(err).toBe('');
    expect(out).toMatch(/^✓ 3\.1\/lab-layers: the solution passes, the starter fails$/m);
    const summary = out.trimEnd().split('\n').at(-1) ?? '';
    expect(summary).toMatch(/^content check: \d+ lessons?, \d+ exercises, (\d+) labs, (\d+) examples: 0 problems$/);
    expect(Number(/ (\d+) labs/.exec(summary)?.[1])).toBeGreaterThanOrEqual(11);
    expect(Number(/ (\d+) examples/.exec(summary)?.[1])).toBeGreaterThanOrEqual(20);
    expect(code).toBe(0);
  }, 300_000);

  it('refuses a broken course, naming every problem, and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'layerlab-content-'));
    await mkdir(join(dir, 'lessons', '3.1'), { recursive: true });
    await cp(join(CONTENT, 'lessons', '3.1', 'lesson.md'), join(dir, 'lessons', '3.1', 'lesson.md'));
    await writeFile(join(dir, 'lessons', '3.1', 'labs.yaml'), BROKEN_LABS);
    await mkdir(join(dir, 'examples', 'broken'), { recursive: true });
    await writeFile(join(dir, 'examples', 'broken', 'Dockerfile'), 'FROM alpine:3.19\nRUN no-such-tool --version\n');
    await writeFile(join(dir, 'examples', 'broken', 'example.json'), '{"id": "broken", "title": "Broken", "section": "x", "figures": []}\n');

    const { code, out, err } = await layerlab(['content', 'check', dir]);
    expect(code).toBe(1);
    expect(err).toMatch(/^content\/lessons\/3\.1\/labs\.yaml(:\d+)?: labs\[3\]\.solution: .+$/m);
    expect(err).toContain('3.1/lab-bad-solution: the reference solution does not pass its checks (0/1)');
    expect(err).toContain('3.1/lab-easy-starter: the starter passes the checks; it must fail them');
    expect(err).toContain('3.1/lab-bad-checks: checks[0].below: not a size: "small"');
    expect(err).toMatch(/3\.1\/lab-bad-checks: checks\[1\]\.kind: unknown check kind "no-such-kind"/);
    expect(err).toMatch(/^content\/examples\/broken\/Dockerfile: does not build: .*no-such-tool/m);
    expect(out).toMatch(/^✗ 3\.1\/lab-bad-solution: 1 problem$/m);
    expect(out.trimEnd().split('\n').at(-1)).toBe('content check: 1 lesson, 3 exercises, 3 labs, 1 example: 6 problems');

    const json = await layerlab(['content', 'check', dir, '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.out) as { labs: number; examples: number; problems: { where: string; message: string }[] };
    expect(report).toMatchObject({ labs: 3, examples: 1 });
    expect(report.problems.map((p) => p.where)).toEqual(
      expect.arrayContaining(['3.1/lab-bad-solution', '3.1/lab-easy-starter', '3.1/lab-bad-checks', 'content/examples/broken/Dockerfile']),
    );
  }, 120_000);

  it('exits 2 for a folder that is not there and for usage errors', async () => {
    const missing = await layerlab(['content', 'check', '/nonexistent/course']);
    expect(missing).toMatchObject({ code: 2, out: '' });
    expect(missing.err).toBe('layerlab: /nonexistent/course: no such directory\n');
    const unknown = await layerlab(['content', 'lint']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('layerlab content: unknown command "lint"');
    const help = await layerlab(['content', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Exit status: 0 no problems, 1 problems found, 2 usage error');
  });
});
