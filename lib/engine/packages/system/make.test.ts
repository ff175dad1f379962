import { describe, expect, it } from 'vitest';
import { runPackages } from '../shared/test-helpers';

const MAKEFILE = [
  'BIN := server',
  'GOFLAGS = -o $(BIN)',
  'CC ?= gcc',
  '',
  '.PHONY: all build test clean',
  'all: build',
  '',
  'build: gen.txt',
  '\techo building $(GOFLAGS) from $<',
  '\t@echo quiet > built.txt',
  '',
  'gen.txt:',
  '\techo gen > $@',
  '',
  'test:',
  '\t-false',
  '\techo after',
  '',
  'fail:',
  '\texit 3',
  '',
].join('\n');

describe('make', () => {
  it('runs the default goal with its prerequisites, echoing lines unless @', async () => {
    const r = await runPackages('cd /src && make && make gen.txt', { '/src/Makefile': MAKEFILE });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe("echo gen > gen.txt\necho building -o server from gen.txt\nbuilding -o server from gen.txt\nmake: 'gen.txt' is up to date.\n");
    expect(await r.text('/src/built.txt')).toBe('quiet\n');
  });

  it('variables from the command line win; -C changes directory; - ignores an error', async () => {
    const r = await runPackages('make -C /src build BIN=app; make -s -C /src test', { '/src/Makefile': MAKEFILE, '/src/gen.txt': 'x' });
    expect(r.stdout).toContain('building -o app from gen.txt\n');
    expect(r.stdout).toContain('after\n');
    expect(r.stderr).toContain('make: *** [Makefile:16: test] Error 1 (ignored)\n');
  });

  it("fails like make: no rule, no makefile, a failing recipe, missing separator (exit 2)", async () => {
    const r = await runPackages(
      'cd /src && make nope; echo $?; make fail; echo $?; cd /tmp && make; echo $?; cd /bad && make; echo $?',
      { '/src/Makefile': MAKEFILE, '/bad/Makefile': 'all\n\techo hi\n' },
    );
    expect(r.stdout).toBe('2\nexit 3\n2\n2\n2\n');
    expect(r.stderr).toBe(
      "make: *** No rule to make target 'nope'.  Stop.\nmake: *** [Makefile:20: fail] Error 3\nmake: *** No targets specified and no makefile found.  Stop.\nMakefile:1: *** missing separator.  Stop.\n",
    );
  });
});
