import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LineEditor } from '@/lib/cli';
import type { TerminalApi } from '@/app/_lib/engine/api';
import { TerminalController, type TerminalState } from './controller';
import { advance } from './prompt-line';
import { headlessScreen, sessionApi, type SessionApi } from './test-support';

const PROMPT = 'student@workstation:~$ ';
const UP = '\x1b[A';
const DOWN = '\x1b[B';
const LEFT = '\x1b[D';
const paste = (text: string) => `\x1b[200~${text}\x1b[201~`;

async function setup(options: { columns?: number; rows?: number; api?: TerminalApi & Partial<SessionApi> } = {}) {
  const api = options.api ?? (await sessionApi({ '/workspace/Dockerfile': 'FROM scratch\nCOPY a.txt /a.txt\n', '/workspace/a.txt': 'hi\n', '/workspace/app.py': '', '/workspace/src/': '' }));
  const screen = headlessScreen(options.columns ?? 60, options.rows ?? 12);
  const states: TerminalState[] = [];
  const outputs: string[] = [];
  const controller = new TerminalController(api, screen, { onState: (s) => states.push(s), onOutput: (o) => outputs.push(o) });
  await controller.start();
  const type = async (data: string) => {
    controller.input(data);
    await controller.whenIdle();
  };
  return { api, screen, controller, type, states, outputs };
}

/** A TerminalApi whose `slow` command runs until Ctrl+C, as a long pull would. */
async function withSlowCommand(): Promise<SessionApi & { started: Promise<void> }> {
  const api = await sessionApi();
  let markStarted: () => void = () => {};
  let stop: (() => void) | undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const run = api.run.bind(api);
  return Object.assign(api, {
    started,
    async run(text: string, output: Parameters<TerminalApi['run']>[1]) {
      if (text !== 'slow') return run(text, output);
      api.runs.push(text);
      output('stdout', 'working…\n');
      markStarted();
      await new Promise<void>((resolve) => (stop = resolve));
      output('stdout', '^C\n');
      return { exitCode: 130, pending: false, closed: false, cancelled: true, prompt: PROMPT };
    },
    cancel() {
      api.cancels++;
      stop?.();
    },
  });
}

describe('the prompt and running a line', () => {
  test('shows the coloured prompt, runs what was typed, streams its output, prompts again', async () => {
    const { screen, type, api, outputs } = await setup();
    expect(await screen.text()).toBe(PROMPT);
    // Ubuntu's colours: user@host bold green, the directory bold blue, the `$ ` plain.
    const row = screen.terminal.buffer.active.getLine(0);
    expect([row?.getCell(0)?.getFgColor(), Boolean(row?.getCell(0)?.isBold())]).toEqual([2, true]);
    expect(row?.getCell(PROMPT.indexOf('~'))?.getFgColor()).toBe(4);
    expect(row?.getCell(PROMPT.length - 2)?.isFgDefault()).toBe(true);

    await type('echo hello\r');
    expect(api.runs).toEqual(['echo hello']);
    expect(await screen.text()).toBe(`${PROMPT}echo hello\nhello\n${PROMPT}`);
    expect(outputs).toEqual(['hello\n']);
    expect(await screen.cursor()).toEqual([PROMPT.length, 2]);
  });

  test('output that does not end its line is followed by the prompt on the same row, and editing there works', async () => {
    const { screen, type } = await setup();
    await type('printf abc\r');
    await type('echo xy');
    await type(`${LEFT}${LEFT}\x7f`);
    expect(await screen.text()).toBe(`${PROMPT}printf abc\nabc${PROMPT}echoxy`);
    expect(await screen.cursor()).toEqual([3 + PROMPT.length + 4, 1]);
  });

  test('a failing engine call is reported and the prompt comes back', async () => {
    const api = await sessionApi();
    const { screen, type } = await setup({ api: { ...api, run: async () => Promise.reject(new Error('the engine worker stopped')) } });
    await type('ls\r');
    expect(await screen.text()).toBe(`${PROMPT}ls\nlayerlab: the engine worker stopped\n${PROMPT}`);
    await type('x');
    expect(await screen.text()).toMatch(/\$ x$/);
  });

  test('states: ready at the prompt, running while a command runs', async () => {
    const api = await withSlowCommand();
    const { controller, states } = await setup({ api });
    expect(states).toEqual(['ready']);
    controller.input('slow\r');
    await api.started;
    expect(states[states.length - 1]).toBe('running');
    controller.input('\x03');
    await controller.whenIdle();
    expect(states[states.length - 1]).toBe('ready');
  });
});

describe('line editing', () => {
  test('arrows, Home/End, Ctrl+A/E/U/K/W, Delete, as readline does', async () => {
    const { screen, type } = await setup();
    const line = async () => (await screen.text()).split('\n').pop()?.slice(PROMPT.length);
    await type('docker image ls');
    await type('\x01'); // Ctrl+A
    expect((await screen.cursor())[0]).toBe(PROMPT.length);
    await type('\x1b[3~'); // Delete
    expect(await line()).toBe('ocker image ls');
    await type('d\x05'); // Ctrl+E
    expect((await screen.cursor())[0]).toBe(PROMPT.length + 15);
    await type('\x17'); // Ctrl+W
    expect(await line()).toBe('docker image ');
    await type(`${LEFT}${LEFT}${LEFT}\x0b`); // Ctrl+K
    expect(await line()).toBe('docker ima');
    await type('\x15'); // Ctrl+U
    expect(await line()).toBe('');
    expect((await screen.cursor())[0]).toBe(PROMPT.length);
  });

  test('a line longer than the screen wraps, and edits in the middle redraw it correctly', async () => {
    const { screen, type } = await setup({ columns: 30 });
    const long = 'echo one two three four five six seven eight';
    await type(long);
    // 23 + 44 cells: three rows.
    expect(await screen.text()).toBe(`${PROMPT}echo one two three four five six seven eight`.match(/.{1,30}/g)?.join('\n'));
    for (let i = 0; i < 30; i++) await type(LEFT);
    await type('X');
    const expected = `${PROMPT}${long.slice(0, 14)}X${long.slice(14)}`;
    expect(await screen.text()).toBe(expected.match(/.{1,30}/g)?.join('\n'));
    const offset = PROMPT.length + 15;
    expect(await screen.cursor()).toEqual([offset % 30, Math.floor(offset / 30)]);
    await type('\r');
    expect((await screen.text()).endsWith(`\none two tXhree four five six s\neven eight\n${PROMPT}`)).toBe(true);
  });

  test('Up and Down walk the session history; the line being typed comes back', async () => {
    const { screen, type } = await setup();
    await type('echo one\r');
    await type('echo two\r');
    await type('ec');
    await type(UP);
    expect((await screen.text()).split('\n').pop()).toBe(`${PROMPT}echo two`);
    await type(UP);
    await type(UP);
    expect((await screen.text()).split('\n').pop()).toBe(`${PROMPT}echo one`);
    await type(DOWN);
    await type(DOWN);
    expect((await screen.text()).split('\n').pop()).toBe(`${PROMPT}ec`);
  });
});

describe('completion', () => {
  test('one candidate completes the word (with a space); a directory completes with its slash', async () => {
    const { screen, type } = await setup();
    await type('ech\t');
    expect((await screen.text()).split('\n').pop()).toBe(`${PROMPT}echo `);
    await type('s\t');
    expect((await screen.text()).split('\n').pop()).toBe(`${PROMPT}echo src/`);
  });

  test('several candidates are listed under the line like bash, and the line is drawn again', async () => {
    const { screen, type, api } = await setup();
    await type('cat Dockerfile a\t');
    expect(await screen.text()).toBe(`${PROMPT}cat Dockerfile a\na.txt   app.py\n${PROMPT}cat Dockerfile a`);
    await type('p\t');
    expect((await screen.text()).split('\n').pop()).toBe(`${PROMPT}cat Dockerfile app.py `);
    expect(api.runs).toEqual([]);
  });

  test('no candidate rings the bell and changes nothing', async () => {
    const { screen, type } = await setup();
    const bells: number[] = [];
    screen.terminal.onBell(() => bells.push(1));
    await type('cat zz\t');
    expect((await screen.text()).split('\n').pop()).toBe(`${PROMPT}cat zz`);
    expect(bells).toEqual([1]);
  });
});

describe('keys while a command runs, Ctrl+C, Ctrl+D, Ctrl+L', () => {
  test('keys typed during a run wait for the next prompt; Ctrl+C cancels the run and drops them', async () => {
    const api = await withSlowCommand();
    const { screen, controller } = await setup({ api });
    controller.input('slow\r');
    await api.started;
    controller.input('echo later\r');
    controller.input('\x03');
    await controller.whenIdle();
    expect(api.cancels).toBe(1);
    expect(api.runs).toEqual(['slow']);
    expect(await screen.text()).toBe(`${PROMPT}slow\nworking…\n^C\n${PROMPT}`);
  });

  test('keys typed during a run are run after it, in order', async () => {
    const api = await withSlowCommand();
    const { screen, controller } = await setup({ api });
    controller.input('slow\r');
    await api.started;
    controller.input('echo after\r');
    controller.input('ech');
    api.cancel();
    await controller.whenIdle();
    expect(api.runs).toEqual(['slow', 'echo after']);
    expect(await screen.text()).toBe(`${PROMPT}slow\nworking…\n^C\n${PROMPT}echo after\nafter\n${PROMPT}ech`);
  });

  test('Ctrl+C at the prompt drops the line; in a `> ` continuation it ends the open command', async () => {
    const { screen, type, api } = await setup();
    await type('echo half\x03');
    expect(await screen.text()).toBe(`${PROMPT}echo half^C\n${PROMPT}`);
    await type('if true\r');
    expect((await screen.text()).split('\n').pop()).toBe('> ');
    await type('\x03');
    expect(api.cancels).toBe(1);
    await type('echo fresh\r');
    expect(await screen.text()).toMatch(/> \^C\n.*\$ echo fresh\nfresh\n.*\$ $/);
  });

  test('Ctrl+D on an empty line runs exit; on text it deletes', async () => {
    const { type, api, screen } = await setup();
    await type('ab\x01\x04');
    expect((await screen.text()).split('\n').pop()).toBe(`${PROMPT}b`);
    await type('\x05\x15\x04');
    expect(api.runs).toEqual(['exit']);
    expect(await screen.text()).toMatch(/\$ exit\n.*\$ $/);
  });

  test('Ctrl+L clears the screen and keeps the line; `clear` clears too', async () => {
    const { type, screen } = await setup({ rows: 5 });
    await type('echo 1\r');
    await type('echo 2\r');
    await type('ls\x0c');
    const viewport = () => {
      const buffer = screen.terminal.buffer.active;
      return Array.from({ length: screen.terminal.rows }, (_, y) => buffer.getLine(buffer.viewportY + y)?.translateToString(true)).join('|');
    };
    await screen.flush();
    expect(viewport()).toBe(`${PROMPT}ls||||`);
    await type('\x15clear\r');
    await screen.flush();
    expect(viewport()).toBe(`${PROMPT}||||`);
  });
});

describe('pasting', () => {
  test('a multi-line paste runs line by line, continuation prompts included; the last line stays editable', async () => {
    const { screen, type, api } = await setup();
    await type(paste('echo one\nif true\nthen echo two\nfi\necho thr'));
    expect(api.runs).toEqual(['echo one', 'if true', 'then echo two', 'fi']);
    expect(await screen.text()).toBe([`${PROMPT}echo one`, 'one', `${PROMPT}if true`, '> then echo two', '> fi', 'two', `${PROMPT}echo thr`].join('\n'));
    await type('ee\r');
    expect(api.runs?.[4]).toBe('echo three');
  });

  test('a one-line paste is inserted at the cursor, not run', async () => {
    const { screen, type, api } = await setup();
    await type(`echo !${LEFT}`);
    await type(paste('hello '));
    expect((await screen.text()).split('\n').pop()).toBe(`${PROMPT}echo hello !`);
    expect(api.runs).toEqual([]);
  });
});

describe('docker output on the screen', () => {
  test("a tty build's redrawn progress ends as BuildKit's final frame, and the image it names is reported", async () => {
    const { screen, type, outputs } = await setup({ columns: 80, rows: 30 });
    await type('docker build -t app:1.0 .\r');
    const text = await screen.text();
    expect(text).toMatch(/\[\+\] Building [\d.]+s \(5\/5\) FINISHED/);
    // The first frame was drawn over, not left above.
    expect(text).not.toContain('(0/1)');
    expect(text).toContain('=> => naming to docker.io/library/app:1.0');
    await type('docker images\r');
    expect(await screen.text()).toMatch(/REPOSITORY +TAG +IMAGE ID +CREATED +SIZE\napp +1\.0 +[0-9a-f]{12} /);
    expect(outputs).toHaveLength(2);
  });
});

describe('the screen always shows the line being edited', () => {
  const KEYS = ['a', 'b', ' ', '漢', 'é', LEFT, '\x1b[C', '\x01', '\x05', '\x7f', '\x1b[3~', '\x15', '\x0b', '\x17', '\x19', '\x1bb', '\x1bf'];

  test('after any keys, on a narrow screen (wrapping, wide characters)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...KEYS), { maxLength: 70, size: 'max' }), fc.integer({ min: 7, max: 31 }), async (keys, columns) => {
        const api = await sessionApi();
        const { screen, type } = await setup({ api: { ...api, prompt: async () => '$ ' }, columns, rows: 40 });
        const model = new LineEditor();
        for (const key of keys) {
          model.feed(key);
          await type(key);
          await screen.flush();
          const buffer = screen.terminal.buffer.active;
          const rows: string[] = [];
          for (let y = 0; y < buffer.length; y++) rows.push(buffer.getLine(y)?.translateToString(true) ?? '');
          expect(rows.join('').replace(/ +$/, '')).toBe(`$ ${model.line}`.replace(/ +$/, ''));
          const [x, y] = await screen.cursor();
          expect(x).toBeLessThan(columns);
          expect(y * columns + x).toBe(advance(2, model.line.slice(0, model.cursor), columns));
        }
      }),
      { numRuns: 40 },
    );
  });
});
