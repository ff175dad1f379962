import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, createStaticServer } from './serve';

let dir: string;
let server: Server;
let port: number;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

// node:http sends the path exactly as given, so traversal attempts reach the server unnormalised
// (fetch() would resolve `..` before sending).
function get(path: string, method = 'GET'): Promise<Reply> {
  return new Promise((resolvePromise, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'layerlab-serve-'));
  const root = join(dir, 'out');
  mkdirSync(join(root, 'lessons', '3.1'), { recursive: true });
  mkdirSync(join(root, '_next'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<h1>home</h1>');
  writeFileSync(join(root, 'lessons', '3.1', 'index.html'), '<h1>lesson</h1>');
  writeFileSync(join(root, '_next', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'engine.wasm'), 'wasm');
  writeFileSync(join(root, '404.html'), '<h1>missing</h1>');
  writeFileSync(join(dir, 'secret.txt'), 'top secret');
  symlinkSync(join(dir, 'secret.txt'), join(root, 'link.txt'));
  server = createStaticServer(root);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(dir, { recursive: true, force: true });
});

describe('createStaticServer', () => {
  it('serves a file with its content type', async () => {
    const reply = await get('/_next/app.js');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(reply.body).toBe('console.log(1)');
    expect((await get('/engine.wasm')).headers['content-type']).toBe('application/wasm');
  });

  it('serves index.html for a directory', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.body).toBe('<h1>home</h1>');
    expect((await get('/lessons/3.1/')).body).toBe('<h1>lesson</h1>');
    expect((await get('/lessons/3.1/?x=1')).body).toBe('<h1>lesson</h1>');
  });

  it('redirects a directory without its trailing slash', async () => {
    const reply = await get('/lessons/3.1?x=1');
    expect(reply.status).toBe(308);
    expect(reply.headers.location).toBe('/lessons/3.1/?x=1');
  });

  it('answers 404 with the exported 404 page', async () => {
    const reply = await get('/nope/');
    expect(reply.status).toBe(404);
    expect(reply.body).toBe('<h1>missing</h1>');
  });

  it('answers HEAD without a body', async () => {
    const reply = await get('/', 'HEAD');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-length']).toBe('13');
    expect(reply.body).toBe('');
  });

  it('refuses other methods', async () => {
    expect((await get('/', 'POST')).status).toBe(405);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E/secret.txt', '/lessons/../../secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/%00', '/%zz'])(
    'refuses %s',
    async (path) => {
      const reply = await get(path);
      expect(reply.status).toBe(400);
      expect(reply.body).not.toContain('top secret');
    },
  );

  it('does not follow a symlink out of the root', async () => {
    const reply = await get('/link.txt');
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('top secret');
  });

  it('knows the types a static export serves', () => {
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('a.json')).toBe('application/json; charset=utf-8');
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
