import { describe, expect, it, vi } from 'vitest';
import { createTestTerminal } from './test-terminal';
import type { HttpAnswerer } from './curl';

vi.mock('../docker/commands', () => ({ DOCKER_COMMANDS: [] }));

const MANIFEST = '[{"Config":"c.json","RepoTags":["nginx:latest"],"Layers":["a/layer.tar"]}]\n';

describe('jq', () => {
  it('runs the real jq over pipes and workspace files', async () => {
    const t = await createTestTerminal();
    await t.type(`echo '${MANIFEST.trim()}' > manifest.json`);
    expect((await t.type('cat manifest.json | jq -c .[0].RepoTags')).output).toBe('["nginx:latest"]\n');
    expect((await t.type("jq -r '.[0].Layers[0]' manifest.json")).output).toBe('a/layer.tar\n');
    expect((await t.type("jq '.[0] | keys' manifest.json")).output).toBe('[\n  "Config",\n  "Layers",\n  "RepoTags"\n]\n');
    expect((await t.type('jq -n "[1,2] | add"')).output).toBe('3\n');
  });

  it("gives jq's errors and exit codes", async () => {
    const t = await createTestTerminal();
    expect(await t.type("echo '{\"a\"' | jq .a")).toMatchObject({ output: 'jq: parse error: Unfinished JSON term at EOF at line 2, column 0\n', exitCode: 5 });
    expect(await t.type("echo 1 | jq '.['")).toMatchObject({ exitCode: 3 });
    expect((await t.type("echo 1 | jq '.['")).output).toMatch(/^jq: error: syntax error, unexpected end of file .*\njq: 1 compile error\n$/s);
    expect(await t.type('jq . missing.json')).toMatchObject({ output: 'jq: error: Could not open missing.json: No such file or directory\n', exitCode: 2 });
    expect(await t.type('echo null | jq -e .')).toMatchObject({ output: 'null\n', exitCode: 1 });
  });

  it('colours only when its stdout is the terminal', async () => {
    const t = await createTestTerminal({ tty: true });
    expect((await t.type("echo '{\"a\":1}' | jq -c .")).output).toBe('\x1b[1;39m{\x1b[0m\x1b[1;34m"a"\x1b[0m\x1b[1;39m:\x1b[0m\x1b[0;39m1\x1b[0m\x1b[1;39m\x1b[1;39m}\x1b[0m\n');
    expect((await t.type("echo '{\"a\":1}' | jq -c . | cat")).output).toBe('{"a":1}\n');
    expect((await t.type("echo '{\"a\":1}' | jq -M -c .")).output).toBe('{"a":1}\n');
    const plain = await createTestTerminal({ tty: false });
    expect((await plain.type("echo '{\"a\":1}' | jq -c .")).output).toBe('{"a":1}\n');
  });
});

describe('curl', () => {
  const answer: HttpAnswerer = async (request) => {
    if (request.port !== 8080) return undefined;
    if (request.path === '/') return { status: 200, headers: [['Content-Type', 'text/html']], body: `<h1>Welcome to nginx on ${request.daemon.host}!</h1>\n` };
    return { status: 404, body: 'not found\n' };
  };

  it('cannot connect where nothing is published', async () => {
    const t = await createTestTerminal();
    expect(await t.type('curl localhost:8080')).toMatchObject({ output: "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n", exitCode: 7 });
    expect(await t.type('curl -s localhost:8080')).toMatchObject({ output: '', exitCode: 7 });
    expect(await t.type('curl http://example.com/')).toMatchObject({ output: 'curl: (6) Could not resolve host: example.com\n', exitCode: 6 });
    expect(await t.type('curl')).toMatchObject({ output: "curl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 });
  });

  it('asks the containers of the current host for published ports', async () => {
    const t = await createTestTerminal({ answerHttp: answer });
    expect(await t.type('curl localhost:8080')).toMatchObject({ output: '<h1>Welcome to nginx on workstation!</h1>\n', exitCode: 0 });
    expect((await t.type('curl -i http://127.0.0.1:8080/')).output).toBe('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<h1>Welcome to nginx on workstation!</h1>\n');
    expect(await t.type('curl -f localhost:8080/x')).toMatchObject({ output: 'curl: (22) The requested URL returned error: 404\n', exitCode: 22 });
    expect(await t.type('curl -so page.html localhost:8080 && cat page.html')).toMatchObject({ output: '<h1>Welcome to nginx on workstation!</h1>\n' });
    expect(await t.type('curl localhost:9090')).toMatchObject({ exitCode: 7 });
  });

  it('prints -w after the transfer, and tells the server the terminal’s time', async () => {
    const times: number[] = [];
    const t = await createTestTerminal({ answerHttp: async (request) => (times.push(request.now), answer(request)) });
    expect(await t.type("curl -s -o /dev/null -w '%{http_code}\\n' localhost:8080/nope")).toMatchObject({ output: '404\n', exitCode: 0 });
    expect((await t.type("curl -w ' %{content_type} %{size_download}' localhost:8080")).output).toBe('<h1>Welcome to nginx on workstation!</h1>\n text/html 42');
    expect(await t.type("curl -s -w '%{http_code}' localhost:9090")).toMatchObject({ output: '000', exitCode: 7 });
    expect(times).toEqual([1, 2, 3].map(() => Date.parse('2026-11-28T12:00:00Z')));
  });
});

describe('tree and clear', () => {
  it('draws the workspace as tree does', async () => {
    const t = await createTestTerminal();
    await t.type('mkdir -p app/src && touch app/Dockerfile app/src/main.py app/.env && ln -s src app/link');
    expect((await t.type('tree app')).output).toBe('app\n├── Dockerfile\n├── link -> src\n└── src\n    └── main.py\n\n2 directories, 2 files\n');
    expect((await t.type('tree -a -L 1 app')).output).toBe('app\n├── .env\n├── Dockerfile\n├── link -> src\n└── src\n\n2 directories, 2 files\n');
    expect((await t.type('tree -d')).output).toBe('.\n└── app\n    ├── link -> src\n    └── src\n\n3 directories\n');
  });

  it('clear writes the clear-screen sequence only to a terminal', async () => {
    expect((await (await createTestTerminal({ tty: true })).type('clear')).output).toBe('\x1b[H\x1b[2J\x1b[3J');
    expect((await (await createTestTerminal({ tty: false })).type('clear')).output).toBe('');
  });
});
