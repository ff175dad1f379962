import { describe, expect, it } from 'vitest';
import { createGitTestbed } from './test-helpers';

const ENV = { GIT_AUTHOR_DATE: '@1700000000 +0000', GIT_COMMITTER_DATE: '@1700000000 +0000' };

describe('git outside a repository', () => {
  it('says fatal: not a git repository with exit 128', async () => {
    const t = createGitTestbed();
    for (const sub of ['status', 'log', 'add .', 'commit -m x', 'rev-parse HEAD', 'branch', 'diff --stat']) {
      const r = await t.run(`git ${sub}`);
      expect(r.stderr).toBe('fatal: not a git repository (or any of the parent directories): .git\n');
      expect(r.exitCode).toBe(128);
    }
  });

  it("rejects an unknown command in git's words", async () => {
    const r = await createGitTestbed().run('git foo');
    expect(r.stderr).toBe("git: 'foo' is not a git command. See 'git --help'.\n");
    expect(r.exitCode).toBe(1);
  });
});

describe('git init, add, commit', () => {
  it('initializes /workspace/.git with branch main, and says so again on re-init', async () => {
    const t = createGitTestbed();
    expect((await t.run('git init')).stdout).toBe('Initialized empty Git repository in /workspace/.git/\n');
    expect(new TextDecoder().decode(await t.fs.readFile('/workspace/.git/HEAD'))).toBe('ref: refs/heads/main\n');
    expect((await t.run('git init')).stdout).toBe('Reinitialized existing Git repository in /workspace/.git/\n');
    const r = await t.run('git status');
    expect(r.stdout).toBe('On branch main\n\nNo commits yet\n\nnothing to commit (create/copy files and use "git add" to track)\n');
    // .git is a normal directory of the workspace (the build context sees it).
    expect((await t.run('ls -a')).stdout).toContain('.git');
  });

  it('shows untracked files, collapsing directories without tracked files', async () => {
    const t = createGitTestbed({ '/workspace/app.py': 'print(1)\n', '/workspace/src/sub/x': 'a\n' });
    await t.run('git init -q');
    const r = await t.run('git status');
    expect(r.stdout).toBe(
      'On branch main\n\nNo commits yet\n\nUntracked files:\n  (use "git add <file>..." to include in what will be committed)\n\tapp.py\n\tsrc/\n\n' +
        'nothing added to commit but untracked files present (use "git add" to track)\n',
    );
    expect((await t.run('git status --porcelain')).stdout).toBe('?? app.py\n?? src/\n');
  });

  it('commits with the root-commit summary, then reports a clean tree', async () => {
    const t = createGitTestbed({ '/workspace/app.py': 'import os\nprint(os.name)\n', '/workspace/requirements.txt': 'flask\n' });
    await t.run('git init -q');
    expect((await t.run('git add app.py && git status')).stdout).toContain('Changes to be committed:\n  (use "git rm --cached <file>..." to unstage)\n\tnew file:   app.py\n');
    const r = await t.run('git add . && git commit -m "Initial commit"', ENV);
    expect(r.stdout).toMatch(/^\[main \(root-commit\) [0-9a-f]{7}\] Initial commit\n 2 files changed, 3 insertions\(\+\)\n create mode 100644 app\.py\n create mode 100644 requirements\.txt\n$/);
    expect((await t.run('git status')).stdout).toBe('On branch main\nnothing to commit, working tree clean\n');
    const again = await t.run('git commit -m again');
    expect(again.stdout).toBe('On branch main\nnothing to commit, working tree clean\n');
    expect(again.exitCode).toBe(1);
  });

  it('reports staged, unstaged and deleted changes in long and short form', async () => {
    const t = createGitTestbed({ '/workspace/app.py': 'a\n', '/workspace/lib/util.py': 'u\n' });
    await t.run('git init -q && git add -A && git commit -q -m one', ENV);
    await t.run('echo b >> app.py; rm lib/util.py; echo new > n; git add n; echo more >> n');
    const r = await t.run('git status');
    expect(r.stdout).toBe(
      'On branch main\nChanges to be committed:\n  (use "git restore --staged <file>..." to unstage)\n\tnew file:   n\n\n' +
        'Changes not staged for commit:\n  (use "git add/rm <file>..." to update what will be committed)\n  (use "git restore <file>..." to discard changes in working directory)\n' +
        '\tmodified:   app.py\n\tdeleted:    lib/util.py\n\tmodified:   n\n\n',
    );
    expect((await t.run('git status -s')).stdout).toBe(' M app.py\n D lib/util.py\nAM n\n');
    // From a subdirectory the long form shows paths relative to it; porcelain stays root-relative.
    await t.run('mkdir -p lib');
    expect((await t.run('cd lib && git status -s')).stdout).toBe(' M ../app.py\n D util.py\nAM ../n\n');
    expect((await t.run('cd lib && git status --porcelain')).stdout).toBe(' M app.py\n D lib/util.py\nAM n\n');
  });

  it('stages deletions with add . and -A, and commit -a stages tracked changes only', async () => {
    const t = createGitTestbed({ '/workspace/a': '1\n', '/workspace/b': '2\n' });
    await t.run('git init -q && git add . && git commit -q -m one', ENV);
    await t.run('rm a; echo 3 > b; echo c > c');
    const r = await t.run('git commit -a -m two', ENV);
    expect(r.stdout).toMatch(/^\[main [0-9a-f]{7}\] two\n 2 files changed, 1 insertion\(\+\), 2 deletions\(-\)\n delete mode 100644 a\n$/);
    expect((await t.run('git status --porcelain')).stdout).toBe('?? c\n');
    await t.run('git add -A');
    expect((await t.run('git status --porcelain')).stdout).toBe('A  c\n');
  });

  it('rejects a pathspec that matches nothing and stages nothing', async () => {
    const t = createGitTestbed({ '/workspace/a': '1\n' });
    await t.run('git init -q');
    const r = await t.run('git add a nope');
    expect(r.stderr).toBe("fatal: pathspec 'nope' did not match any files\n");
    expect(r.exitCode).toBe(128);
    expect((await t.run('git status --porcelain')).stdout).toBe('?? a\n');
  });

  it('leaves ignored files out and refuses to add them by name', async () => {
    const t = createGitTestbed({ '/workspace/.gitignore': '*.log\n', '/workspace/app.py': 'x\n', '/workspace/debug.log': 'noise\n' });
    await t.run('git init -q && git add .');
    expect((await t.run('git status --porcelain')).stdout).toBe('A  .gitignore\nA  app.py\n');
    const r = await t.run('git add debug.log');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('The following paths are ignored by one of your .gitignore files:\ndebug.log\n');
  });

  it('records the executable bit as mode 100755', async () => {
    const t = createGitTestbed({ '/workspace/run.sh': { content: '#!/bin/sh\n', mode: 0o755 } });
    await t.run('git init -q && git add .');
    expect((await t.run('git commit -m x', ENV)).stdout).toContain(' create mode 100755 run.sh\n');
  });

  it('asks for -m when no message is given, and refuses an empty one', async () => {
    const t = createGitTestbed({ '/workspace/a': '1\n' });
    await t.run('git init -q');
    // Nothing staged: git says so (exit 1) before it would ask for a message.
    const nothing = await t.run('git commit');
    expect(nothing).toMatchObject({ exitCode: 1, stderr: '' });
    expect(nothing.stdout).toContain('nothing added to commit but untracked files present (use "git add" to track)\n');
    await t.run('git add .');
    const r = await t.run('git commit');
    expect(r.stderr).toBe('error: Terminal is dumb, but EDITOR unset\nPlease supply the message using either -m or -F option.\n');
    const empty = await t.run('git commit -m ""');
    expect(empty.stderr).toBe('Aborting commit due to empty commit message.\n');
    expect(empty.exitCode).toBe(1);
  });
});

describe('git identity and config', () => {
  it('uses the default student identity, then user.name/email from config, then the environment', async () => {
    const t = createGitTestbed({ '/workspace/a': '1\n' });
    await t.run('git init -q && git add . && git commit -q -m one');
    expect((await t.run('git log')).stdout).toBe('commit ' + (await t.run('git rev-parse HEAD')).stdout.trim() + '\nAuthor: Student <student@layerlab.dev>\nDate:   Sat Nov 28 12:00:00 2026 +0000\n\n    one\n');
    await t.run('git config user.name "Ada Lovelace" && git config --global user.email ada@example.com && echo 2 > a && git commit -qam two');
    expect((await t.run('git log -1')).stdout).toContain('Author: Ada Lovelace <ada@example.com>\n');
    await t.run('echo 3 > a && GIT_AUTHOR_NAME=Bob GIT_AUTHOR_EMAIL=bob@x GIT_AUTHOR_DATE="2024-01-02T03:04:05+0200" git commit -qam three');
    expect((await t.run('git log -1')).stdout).toContain('Author: Bob <bob@x>\nDate:   Tue Jan 2 03:04:05 2024 +0200\n');
  });

  it('reads and writes config like git', async () => {
    const t = createGitTestbed();
    expect((await t.run('git config user.name X')).stderr).toBe('fatal: not in a git directory\n');
    await t.run('git config --global user.name "Jo Doe"');
    expect(new TextDecoder().decode(await t.fs.readFile('/root/.gitconfig'))).toBe('[user]\n\tname = Jo Doe\n');
    await t.run('git init -q');
    expect((await t.run('git config user.name')).stdout).toBe('Jo Doe\n');
    await t.run('git config user.name Local');
    expect((await t.run('git config user.name; git config --global user.name')).stdout).toBe('Local\nJo Doe\n');
    expect(new TextDecoder().decode(await t.fs.readFile('/workspace/.git/config'))).toBe(
      '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n\tlogallrefupdates = true\n[user]\n\tname = Local\n',
    );
    const missing = await t.run('git config user.email');
    expect([missing.stdout, missing.exitCode]).toEqual(['', 1]);
    expect((await t.run('git config foo')).stderr).toBe('error: key does not contain a section: foo\n');
  });
});

describe('git log, rev-parse, diff --stat', () => {
  it('fails on an unborn branch in git words', async () => {
    const t = createGitTestbed();
    await t.run('git init -q');
    expect((await t.run('git log')).stderr).toBe("fatal: your current branch 'main' does not have any commits yet\n");
    const r = await t.run('git rev-parse HEAD');
    expect([r.stdout, r.exitCode]).toEqual(['HEAD\n', 128]);
    expect(r.stderr).toContain("fatal: ambiguous argument 'HEAD': unknown revision or path not in the working tree.\n");
    expect((await t.run('git rev-parse --short HEAD')).stderr).toBe('fatal: Needed a single revision\n');
  });

  it("makes the material's CI lines work", async () => {
    const t = createGitTestbed({ '/workspace/Dockerfile': 'FROM alpine\n' });
    await t.run('git init -q && git add . && git commit -q -m ci', ENV);
    const sha = (await t.run('git rev-parse HEAD')).stdout.trim();
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect((await t.run('echo docker build -t myapp:$(git rev-parse --short HEAD) .')).stdout).toBe(`docker build -t myapp:${sha.slice(0, 7)} .\n`);
    expect((await t.run('GIT_SHA=$(git rev-parse HEAD); echo "myapp:${GIT_SHA}"')).stdout).toBe(`myapp:${sha}\n`);
    expect((await t.run('git rev-parse --abbrev-ref HEAD')).stdout).toBe('main\n');
  });

  it('lists history one line per commit, newest first, decorated on a terminal', async () => {
    const t = createGitTestbed({ '/workspace/a': '1\n' }, { tty: true });
    await t.run('git init -q && git add . && git commit -q -m one && echo 2 > a && git commit -qam "two" -m "body"', ENV);
    const log = (await t.run('git log --oneline')).stdout.split('\n');
    expect(log[0]).toMatch(/^[0-9a-f]{7} \(HEAD -> main\) two$/);
    expect(log[1]).toMatch(/^[0-9a-f]{7} one$/);
    expect((await t.run('git log --no-decorate -1')).stdout).toMatch(/\n\n    two\n    \n    body\n$/);
    expect((await t.run('git log --oneline -1 --no-decorate')).stdout).toMatch(/^[0-9a-f]{7} two\n$/);
    expect((await t.run('git rev-parse HEAD~1')).stdout).toBe((await t.run('git rev-parse HEAD^')).stdout);
  });

  it('shows diff --stat for the work tree, the index, and two commits', async () => {
    const t = createGitTestbed({ '/workspace/app.py': 'a\nb\nc\n', '/workspace/README.md': 'hi\n' });
    await t.run('git init -q && git add . && git commit -q -m one', ENV);
    await t.run('printf "a\\nB\\nc\\nd\\n" > app.py; rm README.md; echo new > new.txt');
    expect((await t.run('git diff --stat')).stdout).toBe(' README.md | 1 -\n app.py    | 3 ++-\n 2 files changed, 2 insertions(+), 2 deletions(-)\n');
    await t.run('git add -A');
    expect((await t.run('git diff --stat')).stdout).toBe('');
    expect((await t.run('git diff --cached --stat')).stdout).toBe(' README.md | 1 -\n app.py    | 3 ++-\n new.txt   | 1 +\n 3 files changed, 3 insertions(+), 2 deletions(-)\n');
    await t.run('git commit -q -m two', ENV);
    expect((await t.run('git diff --stat HEAD~1 HEAD')).stdout).toBe((await t.run('git diff --stat HEAD~1..HEAD')).stdout);
    expect((await t.run('git diff --shortstat HEAD~1 HEAD')).stdout).toBe(' 3 files changed, 3 insertions(+), 2 deletions(-)\n');
  });
});

describe('git branches', () => {
  it('creates, lists and switches branches, keeping local changes', async () => {
    const t = createGitTestbed({ '/workspace/a': '1\n' });
    await t.run('git init -q && git add . && git commit -q -m one', ENV);
    const created = await t.run('git checkout -b feature');
    expect(created.stderr).toBe("Switched to a new branch 'feature'\n");
    expect((await t.run('git branch')).stdout).toBe('* feature\n  main\n');
    await t.run('echo f > f.txt && git add f.txt && git commit -q -m feat', ENV);
    await t.run('echo local >> a');
    const back = await t.run('git checkout main');
    expect(back.stdout).toBe('M\ta\n');
    expect(back.stderr).toBe("Switched to branch 'main'\n");
    expect(await t.fs.exists('/workspace/f.txt')).toBe(false);
    expect(new TextDecoder().decode(await t.fs.readFile('/workspace/a'))).toBe('1\nlocal\n');
    expect((await t.run('git checkout main')).stderr).toBe("Already on 'main'\n");
    await t.run('git checkout -q feature');
    expect(new TextDecoder().decode(await t.fs.readFile('/workspace/f.txt'))).toBe('f\n');
    expect((await t.run('git checkout -b feature')).stderr).toBe("fatal: a branch named 'feature' already exists\n");
  });

  it('refuses a switch that would overwrite local changes, changing nothing', async () => {
    const t = createGitTestbed({ '/workspace/a': '1\n' });
    await t.run('git init -q && git add . && git commit -q -m one && git checkout -q -b other && echo 2 > a && git commit -qam two', ENV);
    await t.run('echo mine > a');
    const r = await t.run('git checkout main');
    expect(r.stderr).toBe('error: Your local changes to the following files would be overwritten by checkout:\n\ta\nPlease commit your changes or stash them before you switch branches.\nAborting\n');
    expect(r.exitCode).toBe(1);
    expect((await t.run('git branch --show-current; cat a')).stdout).toBe('other\nmine\n');
  });

  it('says pathspec errors for unknown names and restores tracked files', async () => {
    const t = createGitTestbed({ '/workspace/a': '1\n' });
    await t.run('git init -q && git add . && git commit -q -m one', ENV);
    const r = await t.run('git checkout x');
    expect(r.stderr).toBe("error: pathspec 'x' did not match any file(s) known to git\n");
    expect(r.exitCode).toBe(1);
    await t.run('echo changed > a');
    expect((await t.run('git checkout -- a')).stderr).toBe('Updated 1 path from the index\n');
    expect((await t.run('cat a')).stdout).toBe('1\n');
  });

  it('deletes branches with git messages', async () => {
    const t = createGitTestbed({ '/workspace/a': '1\n' });
    await t.run('git init -q && git add . && git commit -q -m one && git branch topic', ENV);
    expect((await t.run('git branch -d main')).stderr).toBe("error: Cannot delete branch 'main' checked out at '/workspace'\n");
    expect((await t.run('git branch -d topic')).stdout).toMatch(/^Deleted branch topic \(was [0-9a-f]{7}\)\.\n$/);
    expect((await t.run('git branch -d topic')).stderr).toBe("error: branch 'topic' not found.\n");
  });
});
