// A small static file server for the exported site (`out/`), with no dependencies beyond Node.
// Usage: tsx lib/cli/serve.ts [--port N] [DIR]   (defaults: port 3000, DIR out)
import { createReadStream, realpathSync, statSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const HOST = '127.0.0.1';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.tar': 'application/x-tar',
};

export function contentTypeFor(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, stats: Stats, status = 200): void {
  res.writeHead(status, {
    'Content-Type': contentTypeFor(file),
    'Content-Length': stats.size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * Split the raw request path into decoded segments, refusing anything that could leave the root.
 * This runs on the raw URL, before any normalisation: `new URL()` would quietly turn `/a/../..` or
 * `/%2e%2e/` into `/`, hiding the attempt instead of refusing it.
 */
function decodeSegments(rawPath: string): string[] | null {
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '..' || segment.includes('/') || segment.includes('\\') || segment.includes('\0')) return null;
    if (segment !== '' && segment !== '.') segments.push(segment);
  }
  return segments;
}

/** A server (not yet listening) for the files under `root`. */
export function createStaticServer(root: string): Server {
  const base = realpathSync(resolve(root));

  const notFound = (req: IncomingMessage, res: ServerResponse): void => {
    // `next build` exports its not-found page as 404.html.
    const page = join(base, '404.html');
    const stats = statOrNull(page);
    if (stats?.isFile()) sendFile(req, res, page, stats, 404);
    else sendText(res, 404, 'Not found\n');
  };

  return createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    const segments = rawPath.startsWith('/') ? decodeSegments(rawPath) : null;
    if (segments == null) {
      sendText(res, 400, 'Bad request\n');
      return;
    }
    let file = join(base, ...segments);
    let stats = statOrNull(file);
    if (stats?.isDirectory()) {
      if (!rawPath.endsWith('/')) {
        // The export uses trailing slashes; relative URLs in index.html only work with one.
        const query = (req.url ?? '').slice(rawPath.length);
        res.writeHead(308, { Location: `${rawPath}/${query}`, 'Content-Length': 0 });
        res.end();
        return;
      }
      file = join(file, 'index.html');
      stats = statOrNull(file);
    } else if (stats == null && extname(file) === '') {
      const html = `${file}.html`;
      const htmlStats = statOrNull(html);
      if (htmlStats?.isFile()) [file, stats] = [html, htmlStats];
    }
    if (stats == null || !stats.isFile()) {
      notFound(req, res);
      return;
    }
    // A symlink inside the root must not lead outside it.
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      notFound(req, res);
      return;
    }
    if (!isInside(base, real)) {
      sendText(res, 403, 'Forbidden\n');
      return;
    }
    sendFile(req, res, real, stats);
  });
}

interface ServeOptions {
  port: number;
  dir: string;
}

function parseArgs(args: readonly string[]): ServeOptions {
  let port = 3000;
  let dir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    let value: string | undefined;
    if (arg === '--port' || arg === '-p') value = args[++i];
    else if (arg.startsWith('--port=')) value = arg.slice('--port='.length);
    else if (arg === '--help' || arg === '-h') {
      console.log('Usage: tsx lib/cli/serve.ts [--port N] [DIR]\nServes DIR (default: out) on http://127.0.0.1:N/ (default port 3000).');
      process.exit(0);
    } else if (arg.startsWith('-')) throw new Error(`unknown option: ${arg}`);
    else if (dir == null) dir = arg;
    else throw new Error(`unexpected argument: ${arg}`);
    if (value !== undefined) {
      port = Number(value);
      if (!/^\d+$/.test(value) || port > 65535) throw new Error(`--port: expected a number from 0 to 65535, got "${value}"`);
    }
  }
  return { port, dir: dir ?? 'out' };
}

function main(): void {
  let options: ServeOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`serve: ${(error as Error).message}\nUsage: tsx lib/cli/serve.ts [--port N] [DIR]`);
    process.exit(2);
  }
  if (!statOrNull(options.dir)?.isDirectory()) {
    console.error(`serve: no directory "${options.dir}". Build the site first: npm run build`);
    process.exit(1);
  }
  const server = createStaticServer(options.dir);
  server.on('error', (error: NodeJS.ErrnoException) => {
    const hint = error.code === 'EADDRINUSE' ? ` (port ${options.port} is in use; pass --port N)` : '';
    console.error(`serve: ${error.message}${hint}`);
    process.exit(1);
  });
  server.listen(options.port, HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address != null ? address.port : options.port;
    console.log(`Layerlab is running at http://${HOST}:${port}/`);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      server.close();
      server.closeAllConnections();
      process.exit(0);
    });
  }
}

const entry = process.argv[1];
if (entry != null && import.meta.url === pathToFileURL(realpathSync(entry)).href) main();
