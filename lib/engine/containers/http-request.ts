import { joinPath, normalizePath } from '@/lib/shell';
import { lookup, readContent, type FsTree } from '../fs';
import type { ContainerRecord, Store } from '../store';
import { notFound } from './app-servers';
import { containerTree, readContainerImage } from './container-image';
import { reachable } from './process';
import { isRunning, readContainerState, type LogLine, type ServerInfo } from './types';

/**
 * What `curl localhost:8080/path` gets from the host: the running container that publishes host
 * port 8080, its server answering on the published container port. Nothing published there is a
 * refused connection; published but nobody listening inside (wrong port, Flask bound to
 * 127.0.0.1, the container's process not a server) is docker-proxy's reset.
 */
export type HttpAnswer =
  | { kind: 'response'; status: number; statusText: string; headers: [string, string][]; body: string; containerId: string }
  | { kind: 'refused' }
  | { kind: 'reset'; containerId: string };

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 404: 'Not Found', 405: 'Method Not Allowed' };

export interface HttpRequestOptions {
  now: number;
  method?: string;
  userAgent?: string;
}

export async function httpRequest(store: Store, hostPort: number, path: string, options: HttpRequestOptions): Promise<HttpAnswer> {
  const containers = await store.list('containers');
  let target: { record: ContainerRecord; containerPort: number } | undefined;
  for (const [, record] of containers) {
    const state = readContainerState(record, options.now);
    if (!isRunning(state)) continue;
    const binding = state.config.ports.find((p) => p.hostPort === hostPort && p.protocol === 'tcp');
    if (binding !== undefined) target = { record, containerPort: binding.containerPort };
  }
  if (target === undefined) return { kind: 'refused' };
  const { record } = target;
  const state = readContainerState(record, options.now);
  const server = state.blocking?.kind === 'server' ? state.blocking.server : undefined;
  if (server === undefined || !reachable(server, target.containerPort)) return { kind: 'reset', containerId: record.id };
  const image = await store.read((tx) => readContainerImage(tx, record.imageId));
  const tree = containerTree(image, record);
  const env = Object.fromEntries(state.config.env.map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  const nginxVersion = env.NGINX_VERSION ?? '1.25.3';
  const method = options.method ?? 'GET';
  const cleanPath = (path.split('?')[0] ?? '/') || '/';
  const reply = answer(server, tree, cleanPath, nginxVersion);
  const date = new Date(options.now).toUTCString();
  const headers: [string, string][] = [];
  if (server.kind === 'nginx') headers.push(['Server', `nginx/${nginxVersion}`]);
  if (server.kind === 'flask' || server.kind === 'http.server') headers.push(['Server', server.kind === 'flask' ? 'Werkzeug/3.0.1 Python/3.11.9' : 'SimpleHTTP/0.6 Python/3.11.9']);
  if (server.kind === 'node') headers.push(['X-Powered-By', 'Express']);
  headers.push(['Date', date], ['Content-Type', reply.contentType], ['Content-Length', String(new TextEncoder().encode(reply.body).length)], ['Connection', server.kind === 'flask' || server.kind === 'http.server' ? 'close' : 'keep-alive']);
  await appendAccessLog(store, record.id, server, method, path, reply.status, reply.body, options);
  return { kind: 'response', status: reply.status, statusText: STATUS_TEXT[reply.status] ?? '', headers, body: method === 'HEAD' ? '' : reply.body, containerId: record.id };
}

function answer(server: ServerInfo, tree: FsTree, path: string, nginxVersion: string): { status: number; contentType: string; body: string } {
  if (server.routes !== undefined) {
    const route = server.routes[path] ?? server.routes['*'];
    if (route !== undefined) return route;
    if (Object.keys(server.routes).length > 0 || server.kind !== 'node') return notFound(server, path, nginxVersion);
  }
  if (server.root !== undefined && (server.kind === 'nginx' || server.kind === 'http.server')) {
    const file = normalizePath(joinPath(server.root, path));
    const node = lookupSafe(tree, file);
    if (node?.kind === 'dir') {
      const index = lookupSafe(tree, joinPath(file, 'index.html'));
      if (index?.kind === 'file') return { status: 200, contentType: 'text/html', body: new TextDecoder().decode(readContent(index.content)) };
      if (server.kind === 'http.server') return { status: 200, contentType: 'text/html; charset=utf-8', body: listing(path, node.children.map((c) => c.name)) };
      return { status: 403, contentType: 'text/html', body: '' };
    }
    if (node?.kind === 'file') return { status: 200, contentType: mimeType(file), body: new TextDecoder().decode(readContent(node.content)) };
    return notFound(server, path, nginxVersion);
  }
  return notFound(server, path, nginxVersion);
}

function listing(path: string, names: readonly string[]): string {
  const items = names.map((n) => `<li><a href="${encodeURIComponent(n)}">${n}</a></li>`).join('\n');
  return `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for ${path}</title>\n</head>\n<body>\n<h1>Directory listing for ${path}</h1>\n<hr>\n<ul>\n${items}\n</ul>\n<hr>\n</body>\n</html>\n`;
}

function mimeType(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return { html: 'text/html', htm: 'text/html', css: 'text/css', js: 'application/javascript', json: 'application/json', txt: 'text/plain', png: 'image/png', svg: 'image/svg+xml' }[ext] ?? 'application/octet-stream';
}

/** The server's access log line, kept in the container's logs as the real server writes it. */
async function appendAccessLog(store: Store, id: string, server: ServerInfo, method: string, path: string, status: number, body: string, options: HttpRequestOptions): Promise<void> {
  const d = new Date(options.now);
  const month = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  const p = (n: number) => String(n).padStart(2, '0');
  const clock = `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  let line: LogLine | undefined;
  const time = d.toISOString();
  if (server.kind === 'nginx') {
    const size = new TextEncoder().encode(body).length;
    line = { stream: 'stdout', time, text: `172.17.0.1 - - [${p(d.getUTCDate())}/${month}/${d.getUTCFullYear()}:${clock} +0000] "${method} ${path} HTTP/1.1" ${status} ${size} "-" "${options.userAgent ?? 'curl/8.5.0'}" "-"\n` };
  } else if (server.kind === 'flask' || server.kind === 'http.server') {
    line = { stream: 'stderr', time, text: `172.17.0.1 - - [${p(d.getUTCDate())}/${month}/${d.getUTCFullYear()} ${clock}] "${method} ${path} HTTP/1.1" ${status} -\n` };
  }
  if (line === undefined) return;
  const entry = line;
  await store.write(async (tx) => {
    const current = await tx.get('containers', id);
    if (current === undefined) return;
    const state = readContainerState(current);
    await tx.put('containers', id, { ...current, state: { ...state, logs: [...state.logs, entry] } });
  });
}

function lookupSafe(tree: FsTree, path: string) {
  try {
    return lookup(tree, path);
  } catch {
    return undefined;
  }
}
