import type { DockerDaemon } from '../docker/context';
import type { Command, CommandContext } from '@/lib/shell';

/**
 * `curl` as far as the sandbox has a network: the published ports of the current host's running
 * containers (`curl localhost:8080` after `docker run -d -p 8080:80 nginx`). Who answers is
 * injected (`HttpAnswerer`, from the engine's containers); nothing else is reachable, and curl's
 * own error texts and exit codes say so (7: nothing listening, 6: unknown host).
 */
export interface HttpRequest {
  readonly daemon: DockerDaemon;
  readonly host: string;
  readonly port: number;
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The terminal's clock (ms): the time a server logs the request at. */
  readonly now: number;
}

export interface HttpReply {
  readonly status: number;
  readonly statusText?: string;
  readonly headers?: readonly (readonly [string, string])[];
  readonly body: string | Uint8Array;
}

/**
 * Answers a request to a published port: undefined when nothing listens there (connection
 * refused), `'reset'` when the port is published but the process inside does not listen on it
 * (a server bound to 127.0.0.1 in the container).
 */
export type HttpAnswerer = (request: HttpRequest) => Promise<HttpReply | 'reset' | undefined>;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '0.0.0.0', '::1', '[::1]']);
const STATUS_TEXT: Readonly<Record<number, string>> = { 200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Not Allowed', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };
const HINT = "curl: try 'curl --help' or 'curl --manual' for more information\n";

interface CurlOptions {
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  fail: boolean;
  verbose: boolean;
  method?: string;
  output?: string;
  data?: string;
  /** `-w`: what to print once the transfer is done (`%{http_code}\n`). */
  writeOut?: string;
  headers: Record<string, string>;
  urls: string[];
}

export interface CurlServices {
  daemon(): Promise<DockerDaemon>;
  answer?: HttpAnswerer;
  /** The terminal's clock (default: the wall clock). */
  now?: () => number;
}

export function createCurlCommand(services: CurlServices): Command {
  return async (ctx) => {
    const parsed = parseCurl(ctx.args);
    if (typeof parsed === 'string') {
      ctx.stderr.write(parsed);
      return 2;
    }
    if (parsed.urls.length === 0) {
      ctx.stderr.write(HINT);
      return 2;
    }
    let status = 0;
    for (const url of parsed.urls) status = await fetchOne(ctx, parsed, url, services);
    return status;
  };
}

function parseCurl(args: readonly string[]): CurlOptions | string {
  const o: CurlOptions = { silent: false, showError: false, include: false, head: false, fail: false, verbose: false, headers: {}, urls: [] };
  const flags: Record<string, keyof CurlOptions> = { s: 'silent', S: 'showError', i: 'include', I: 'head', f: 'fail', v: 'verbose', L: 'urls' };
  const long: Record<string, string> = { silent: 's', 'show-error': 'S', include: 'i', head: 'I', fail: 'f', verbose: 'v', location: 'L', request: 'X', output: 'o', header: 'H', data: 'd', 'data-raw': 'd', 'write-out': 'w' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('-') || arg === '-') {
      o.urls.push(arg);
      continue;
    }
    const letters = arg.startsWith('--') ? [long[arg.slice(2)] ?? ''] : [...arg.slice(1)];
    for (const [k, letter] of letters.entries()) {
      if (letter === '' || (!(letter in flags) && !'XoHdw'.includes(letter))) {
        return `curl: option ${arg.startsWith('--') ? arg : `-${arg.slice(1)[k] ?? ''}`}: is unknown\n${HINT}`;
      }
      if (letter in flags) {
        if (letter !== 'L') (o as unknown as Record<string, boolean>)[flags[letter] as string] = true;
        continue;
      }
      const rest = arg.startsWith('--') ? '' : arg.slice(k + 2);
      const value = rest !== '' ? rest : args[++i];
      if (value === undefined) return `curl: option ${arg}: requires parameter\n${HINT}`;
      if (letter === 'X') o.method = value;
      else if (letter === 'o') o.output = value;
      else if (letter === 'd') o.data = value;
      else if (letter === 'w') o.writeOut = value;
      else {
        const colon = value.indexOf(':');
        if (colon > 0) o.headers[value.slice(0, colon).trim()] = value.slice(colon + 1).trim();
      }
      break;
    }
  }
  return o;
}

async function fetchOne(ctx: CommandContext, o: CurlOptions, url: string, services: CurlServices): Promise<number> {
  const fail = (code: number, message: string): number => {
    if (!o.silent || o.showError) ctx.stderr.write(`curl: (${code}) ${message}\n`);
    return code;
  };
  const match = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(\[[^\]]*\]|[^/:?#]*)(?::(\d*))?([/?#].*)?$/.exec(url);
  if (match === null) return fail(3, 'URL rejected: Malformed input to a URL function');
  const [, scheme = 'http', host = '', portText, rest = '/'] = match;
  if (scheme !== 'http' && scheme !== 'https') return fail(1, `Protocol "${scheme}" not supported`);
  if (host === '') return fail(3, 'URL rejected: No host part in the URL');
  const port = portText === undefined || portText === '' ? (scheme === 'https' ? 443 : 80) : Number(portText);
  if (!LOCAL_HOSTS.has(host.toLowerCase())) return fail(6, `Could not resolve host: ${host}`);
  const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
  const path = rest.startsWith('/') ? rest.replace(/#.*$/, '') : `/${rest.replace(/#.*$/, '')}`;
  const now = (services.now ?? Date.now)();
  const reply = services.answer === undefined ? undefined : await services.answer({ daemon: await services.daemon(), host, port, method, path, headers: o.headers, body: o.data ?? '', now });
  if (reply === undefined) {
    writeOut(ctx, o, { status: 0, contentType: '', size: 0 });
    return fail(7, `Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server`);
  }
  if (reply === 'reset') return fail(56, 'Recv failure: Connection reset by peer');
  if (o.verbose) ctx.stderr.write(`> ${method} ${path} HTTP/1.1\r\n> Host: ${host}${portText ? `:${port}` : ''}\r\n> User-Agent: curl/8.5.0\r\n> Accept: */*\r\n>\r\n`);
  if (o.fail && reply.status >= 400) return fail(22, `The requested URL returned error: ${reply.status}`);
  const body = typeof reply.body === 'string' ? new TextEncoder().encode(reply.body) : reply.body;
  const head = `HTTP/1.1 ${reply.status} ${reply.statusText ?? STATUS_TEXT[reply.status] ?? ''}\r\n${(reply.headers ?? []).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  if (o.verbose) ctx.stderr.write(head.split('\r\n').slice(0, -1).map((l) => `< ${l}\r\n`).join(''));
  const shown: (string | Uint8Array)[] = [];
  if (o.include || o.head) shown.push(head);
  if (!o.head) shown.push(body);
  const written = { status: reply.status, contentType: reply.headers?.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '', size: o.head ? 0 : body.length };
  if (o.output !== undefined) {
    const bytes = shown.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : p));
    const all = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of bytes) {
      all.set(b, at);
      at += b.length;
    }
    try {
      // `-o /dev/null`: the body is dropped, as the device would.
      if (o.output !== '/dev/null') await ctx.fs.writeFile(ctx.resolve(o.output), all);
    } catch {
      return fail(23, `Failure writing output to destination, passed ${all.length} returned 0`);
    }
    writeOut(ctx, o, written);
    return 0;
  }
  for (const part of shown) ctx.stdout.write(part);
  writeOut(ctx, o, written);
  return 0;
}

/** `-w FORMAT` after the transfer: `%{http_code}` (`000` when nothing answered), `%{content_type}`, `%{size_download}`, `\n`. */
function writeOut(ctx: CommandContext, o: CurlOptions, transfer: { status: number; contentType: string; size: number }): void {
  if (o.writeOut === undefined) return;
  const vars: Readonly<Record<string, string>> = {
    http_code: String(transfer.status).padStart(3, '0'),
    response_code: String(transfer.status).padStart(3, '0'),
    content_type: transfer.contentType,
    size_download: String(transfer.size),
  };
  const text = o.writeOut
    .replace(/%\{(\w+)\}/g, (all, name: string) => vars[name] ?? all)
    .replace(/\\([nrt\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', '\\': '\\' })[c] ?? c);
  ctx.stdout.write(text);
}
