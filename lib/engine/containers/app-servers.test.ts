import { describe, expect, it } from 'vitest';
import { stopContainer } from './container-ops';
import { createContainer } from './create-container';
import { nodeRoutes } from './app-servers';
import { httpRequest } from './http-request';
import { startContainer } from './start-container';
import { random, storeWith, T0 } from './test-helpers';
import { readContainerState } from './types';

const FLASK_APP = `from flask import Flask, jsonify

app = Flask(__name__)

@app.route('/')
def index():
    return 'Hello from Flask!'

@app.route('/health')
def health():
    return jsonify({'status': 'healthy', 'ok': True})

if __name__ == '__main__':
    app.run(host='0.0.0.0', port=5000)
`;

const NODE_APP = `const http = require('http');
const PORT = process.env.PORT || 3000;
http.createServer((req, res) => {
  res.end('hello from node');
}).listen(PORT, () => {
  console.log('listening');
});
`;

const port = (hostPort: number, containerPort: number) => [{ hostIp: '0.0.0.0', hostPort, containerPort, protocol: 'tcp' as const }];

describe('modeled servers', () => {
  it('serves a Flask app’s routes on the published port, and logs each request', async () => {
    const store = await storeWith([], {
      web: { dockerfile: 'FROM python:3.9-slim\nWORKDIR /app\nRUN pip install --no-cache-dir flask\nCOPY app.py .\nCMD ["python", "app.py"]\n', files: { 'app.py': FLASK_APP } },
    });
    const { id } = await createContainer(store, { image: 'web', args: [], ports: port(3001, 5000) }, { now: T0, random: random() });
    let err = '';
    expect((await startContainer(store, id, { now: T0, onStderr: (t) => (err += t) })).status).toBe('running');
    expect(err).toContain(" * Serving Flask app 'app'\n");
    expect(err).toContain(' * Running on http://127.0.0.1:5000\n');
    expect(await httpRequest(store, 3001, '/', { now: T0 })).toMatchObject({ kind: 'response', status: 200, body: 'Hello from Flask!' });
    expect(await httpRequest(store, 3001, '/health', { now: T0 })).toMatchObject({ status: 200, body: '{"status":"healthy","ok":true}\n' });
    expect(await httpRequest(store, 3001, '/missing', { now: T0 })).toMatchObject({ status: 404 });
    const record = await store.get('containers', id);
    const logs = record === undefined ? [] : readContainerState(record).logs.map((l) => l.text);
    expect(logs.some((l) => l.includes('"GET /health HTTP/1.1" 200 -'))).toBe(true);
    // python as PID 1 ignores SIGTERM: docker stop kills it after the timeout.
    await stopContainer(store, id, { now: T0 });
    expect((await store.get('containers', id))?.state).toMatchObject({ status: 'exited', exitCode: 137 });
  });

  it('resets the connection when the app listens on another port than the one published', async () => {
    const store = await storeWith([], {
      web: { dockerfile: 'FROM python:3.9-slim\nWORKDIR /app\nRUN pip install --no-cache-dir flask\nCOPY app.py .\nCMD ["python", "app.py"]\n', files: { 'app.py': FLASK_APP } },
    });
    const { id } = await createContainer(store, { image: 'web', args: [], ports: port(8080, 80) }, { now: T0, random: random() });
    await startContainer(store, id, { now: T0 });
    expect(await httpRequest(store, 8080, '/', { now: T0 })).toEqual({ kind: 'reset', containerId: id });
  });

  it('runs a node server and a module that is not installed fails as node does', async () => {
    const store = await storeWith([], {
      api: { dockerfile: 'FROM node:18-alpine\nWORKDIR /app\nCOPY server.js .\nCMD ["node", "server.js"]\n', files: { 'server.js': NODE_APP } },
      broken: { dockerfile: 'FROM node:18-alpine\nWORKDIR /app\nCOPY server.js .\nCMD ["node", "server.js"]\n', files: { 'server.js': "const express = require('express');\nexpress().listen(3000);\n" } },
    });
    const api = await createContainer(store, { image: 'api', args: [], ports: port(3000, 3000) }, { now: T0, random: random() });
    let out = '';
    expect((await startContainer(store, api.id, { now: T0, onStdout: (t) => (out += t) })).status).toBe('running');
    expect(out).toBe('listening\n');
    expect(await httpRequest(store, 3000, '/anything', { now: T0 })).toMatchObject({ status: 200, body: 'hello from node' });
    const broken = await createContainer(store, { image: 'broken', args: [] }, { now: T0, random: random() });
    let err = '';
    expect(await startContainer(store, broken.id, { now: T0, onStderr: (t) => (err += t) })).toMatchObject({ status: 'exited', exitCode: 1 });
    expect(err).toContain("Error: Cannot find module 'express'");
  });

  it('reads a plain http server’s per-path replies, strings with parentheses and braces included', () => {
    const source = 'const http = require("http");\nhttp.createServer((req, res) => {\n  if (req.url === "/health") { res.end("ok"); return; }\n  if (req.url === \'/v\') { res.end(\'{"v": "1 (beta)"}\'); return; }\n  res.end("user-service");\n}).listen(3000);\n';
    const routes = nodeRoutes(source);
    expect(routes['/health']?.body).toBe('ok');
    expect(routes['/v']?.body).toBe('{"v": "1 (beta)"}');
    expect(routes['*']?.body).toBe('user-service');
    expect(Object.keys(routes).sort()).toEqual(['*', '/health', '/v']);
  });
});
