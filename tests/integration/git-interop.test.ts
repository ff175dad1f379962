/**
 * The sandbox's git against the real one: the same shell lines run in a temp directory with
 * Debian's git and in a memory workspace with ours, with a fixed author and date. Outputs must
 * match, and so must the commit hashes (isomorphic-git writes real objects).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createGitTestbed } from '@/lib/cli/git/test-helpers';

const hasGit = spawnSync('git', ['--version']).status === 0;

const PEOPLE = {
  GIT_AUTHOR_NAME: 'Ada Lovelace',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_COMMITTER_NAME: 'Ada Lovelace',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
  GIT_AUTHOR_DATE: '@1700000000 +0000',
  GIT_COMMITTER_DATE: '@1700000000 +0000',
};

const FILES: Record<string, string> = {
  'app.py': 'import os\nprint(os.environ.get("NAME", "world"))\n',
  'requirements.txt': 'flask==3.0.0\nrequests\n',
  'src/util/helpers.py': 'def helper():\n    return 1\n',
  'Dockerfile': 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/app.py"]\n',
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function realRepo() {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-git-'));
  dirs.push(dir);
  const work = join(dir, 'workspace');
  mkdirSync(work);
  for (const [path, content] of Object.entries(FILES)) {
    mkdirSync(join(work, path, '..'), { recursive: true });
    writeFileSync(join(work, path), content);
  }
  writeFileSync(join(work, 'run.sh'), '#!/bin/sh\necho hi\n');
  chmodSync(join(work, 'run.sh'), 0o755);
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: dir, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', LANG: 'C', ...PEOPLE };
  return {
    run(line: string) {
      const r = spawnSync('sh', ['-c', line], { cwd: work, env, encoding: 'utf8' });
      return { exitCode: r.status ?? -1, stdout: r.stdout.replaceAll(work, '/workspace'), stderr: r.stderr.replaceAll(work, '/workspace') };
    },
  };
}

function ourRepo() {
  const seed = Object.fromEntries(Object.entries(FILES).map(([path, content]) => [`/workspace/${path}`, content]));
  const t = createGitTestbed({ ...seed, '/workspace/run.sh': { content: '#!/bin/sh\necho hi\n', mode: 0o755 } });
  return { run: (line: string) => t.run(line, PEOPLE) };
}

/** Lines run on both sides, in order; each one's stdout and exit code must agree. */
const SCRIPT = [
  'git init -b main',
  'git status',
  'git add app.py && git status',
  'git status --porcelain',
  'git commit -m "Add the app"',
  'git add . && git status -s',
  'git commit -m "Add the rest" -m "Helpers, Dockerfile and the run script."',
  'git log --oneline',
  'git log',
  'git rev-parse HEAD && git rev-parse --short HEAD',
  'echo "docker build -t myapp:$(git rev-parse --short HEAD) ."',
  'printf "import os\\nimport sys\\nprint(sys.argv)\\n" > app.py && rm src/util/helpers.py && echo "*.log" > .gitignore && echo x > debug.log && git status',
  'git status --porcelain',
  'git diff --stat',
  'git add -A && git diff --cached --stat',
  'git commit -m "Rework the app"',
  'git diff --stat HEAD~1 HEAD',
  'git diff --stat HEAD~2',
  'git checkout -b feature',
  'git branch',
  'echo feature > feature.txt && git add feature.txt && git commit -q -m "Feature" && git log --oneline',
  'git checkout main',
  'git status && ls',
  'git commit -m nothing',
  'git rev-parse HEAD~1 feature',
  'git checkout nope',
  'git frobnicate',
];

describe.skipIf(!hasGit)('git in the sandbox vs real git', () => {
  it('prints what git prints, and writes the same commits', async () => {
    const real = realRepo();
    const ours = ourRepo();
    for (const line of SCRIPT) {
      const expected = real.run(line);
      const actual = await ours.run(line);
      expect({ line, stdout: actual.stdout, exitCode: actual.exitCode }).toEqual({ line, stdout: expected.stdout, exitCode: expected.exitCode });
    }
  });

  it("matches git's error texts on stderr", async () => {
    const real = realRepo();
    const ours = ourRepo();
    for (const line of ['git status', 'git init -q -b main && git log', 'git rev-parse HEAD', 'git add nope', 'git checkout nope', 'git frobnicate', 'git config foo']) {
      const expected = real.run(line);
      const actual = await ours.run(line);
      expect({ line, stderr: actual.stderr.split('\n')[0], exitCode: actual.exitCode }).toEqual({ line, stderr: expected.stderr.split('\n')[0], exitCode: expected.exitCode });
    }
  });
});
