import type { ServerInfo } from './types';

/**
 * What a modeled app serves, read from its source the way a student writes it: Flask's
 * `@app.route` functions returning a string or a dict/jsonify, Express's `app.get(path, …
 * res.send/res.json …)`, a plain `http.createServer` answering every path with `res.end(…)`.
 * The model answers those replies; anything it cannot read replies 200 with an empty body.
 */
type Reply = { status: number; contentType: string; body: string };

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json';

/** A Python literal (string or dict) as the text Flask would send. */
function pythonValue(expr: string): Reply | undefined {
  const text = expr.trim();
  const str = /^[fFrRbBuU]?(['"])(.*)\1$/.exec(text);
  if (str !== null) return { status: 200, contentType: HTML, body: str[2] ?? '' };
  const jsonify = /^jsonify\(([\s\S]*)\)$/.exec(text);
  if (jsonify !== null) {
    const inner = (jsonify[1] ?? '').trim();
    if (inner.startsWith('{')) return pythonDict(inner);
    // jsonify(status='ok', code=1): keyword arguments
    const pairs = [...inner.matchAll(/(\w+)\s*=\s*('[^']*'|"[^"]*"|[\w.]+)/g)].map((m) => `"${m[1]}": ${m[2]}`);
    return pythonDict(`{${pairs.join(', ')}}`);
  }
  if (text.startsWith('{')) return pythonDict(text);
  return undefined;
}

function pythonDict(text: string): Reply {
  const json = text
    .replace(/'([^']*)'/g, (_, s: string) => JSON.stringify(s))
    .replace(/\bTrue\b/g, 'true')
    .replace(/\bFalse\b/g, 'false')
    .replace(/\bNone\b/g, 'null')
    .replace(/,\s*([}\]])/g, '$1');
  try {
    return { status: 200, contentType: JSON_TYPE, body: `${JSON.stringify(JSON.parse(json))}\n` };
  } catch {
    return { status: 200, contentType: JSON_TYPE, body: `${text}\n` };
  }
}

/** `@app.route('/x')` + `def f(): return …` pairs of a Flask app. */
export function flaskRoutes(source: string): Record<string, Reply> {
  const routes: Record<string, Reply> = {};
  const pattern = /@\w+\.(?:route|get)\(\s*['"]([^'"]+)['"][^\n]*\n(?:\s*@[^\n]*\n)*\s*(?:async\s+)?def\s+\w+\([^)]*\)[^:\n]*:([\s\S]*?)(?=\n\S|$)/g;
  for (const m of source.matchAll(pattern)) {
    const body = m[2] ?? '';
    const ret = /\n\s*return\s+([\s\S]+?)\s*(?:\n|$)/.exec(`\n${body}`);
    const reply = ret === null ? undefined : pythonValue(ret[1] ?? '');
    routes[m[1] ?? '/'] = reply ?? { status: 200, contentType: HTML, body: '' };
  }
  return routes;
}

/** `app.run(host='0.0.0.0', port=8000)` → where Flask listens (default 127.0.0.1:5000). */
export function flaskListen(source: string): { host: string; port: number } | undefined {
  const run = /\bapp\.run\(([^)]*)\)/.exec(source);
  if (run === null) return undefined;
  const args = run[1] ?? '';
  const port = /port\s*=\s*(\d+)/.exec(args);
  const host = /host\s*=\s*['"]([^'"]+)['"]/.exec(args);
  return { host: host?.[1] ?? '127.0.0.1', port: port ? Number(port[1]) : 5000 };
}

/** `HTTPServer(('', 8000), …)` / `TCPServer(("", PORT), …)` with `serve_forever()`. */
export function pythonHttpServerPort(source: string): number | undefined {
  if (!/serve_forever\(/.test(source)) return undefined;
  const literal = /(?:HTTPServer|TCPServer)\(\s*\(\s*['"][^'"]*['"]\s*,\s*(\d+)\s*\)/.exec(source);
  if (literal !== null) return Number(literal[1]);
  const constant = /^\s*PORT\s*=\s*(\d+)/m.exec(source);
  return constant ? Number(constant[1]) : 8000;
}

/**
 * Express routes (`app.get('/x', (req, res) => res.send(…))`) and a plain http server's replies:
 * `if (req.url === '/health') { res.end('ok'); return; }` serves that path, the reply no such
 * test guards serves every other path (`*`).
 */
export function nodeRoutes(source: string): Record<string, Reply> {
  const routes: Record<string, Reply> = {};
  const pattern = /\b\w+\.(?:get|all)\(\s*(['"`])([^'"`]+)\1\s*,([\s\S]*?)(?=\n\s*\w+\.(?:get|post|put|delete|all|use|listen)\(|$)/g;
  for (const m of source.matchAll(pattern)) routes[m[2] ?? '/'] = nodeReplies(m[3] ?? '')[0]?.reply ?? { status: 200, contentType: HTML, body: '' };
  if (Object.keys(routes).length > 0 || !/createServer\(/.test(source)) return routes;
  const replies = nodeReplies(source);
  const taken = new Set<number>();
  for (const test of source.matchAll(/\breq\.url\s*===?\s*(['"`])([^'"`]*)\1/g)) {
    // The first reply after the test answers its path.
    const index = replies.findIndex((r, i) => !taken.has(i) && r.at > (test.index ?? 0));
    if (index < 0) continue;
    taken.add(index);
    routes[test[2] ?? '/'] ??= (replies[index] as NodeReply).reply;
  }
  const fallback = replies.filter((_, i) => !taken.has(i)).pop();
  if (fallback !== undefined) routes['*'] = fallback.reply;
  return routes;
}

interface NodeReply {
  /** Offset of `res.…(` in the source. */
  at: number;
  reply: Reply;
}

/** Every `res.send(…)` / `res.json(…)` / `res.end(…)` / `res.status(N).send(…)`, in source order. */
function nodeReplies(code: string): NodeReply[] {
  const out: NodeReply[] = [];
  for (const m of code.matchAll(/\bres\.(?:status\((\d+)\)\.)?(send|json|end)\(/g)) {
    const open = (m.index ?? 0) + m[0].length;
    const arg = callArgument(code, open);
    if (arg === undefined) continue;
    out.push({ at: m.index ?? 0, reply: nodeReply(m[1] !== undefined ? Number(m[1]) : 200, m[2] as string, arg.trim()) });
  }
  return out;
}

/** The text between `(` (at `open`) and its closing `)`, skipping strings, template literals and nesting. */
function callArgument(code: string, open: number): string | undefined {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i] as string;
    if (c === '"' || c === "'" || c === '`') {
      i = stringEnd(code, i);
      if (i < 0) return undefined;
    } else if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      if (depth === 0) return c === ')' ? code.slice(open, i) : undefined;
      depth--;
    }
  }
  return undefined;
}

/** Index of the quote closing the string literal that opens at `start`, or -1. */
function stringEnd(code: string, start: number): number {
  const quote = code[start];
  for (let i = start + 1; i < code.length; i++) {
    if (code[i] === '\\') i++;
    else if (code[i] === quote) return i;
  }
  return -1;
}

function nodeReply(status: number, method: string, arg: string): Reply {
  const str = /^(['"`])([\s\S]*)\1$/.exec(arg);
  if (method === 'json' || arg.startsWith('{')) {
    const json = arg.replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":').replace(/'([^']*)'/g, (_, s: string) => JSON.stringify(s));
    try {
      return { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(JSON.parse(json)) };
    } catch {
      return { status, contentType: 'application/json; charset=utf-8', body: arg };
    }
  }
  return { status, contentType: method === 'end' ? 'text/plain' : HTML, body: str ? (str[2] ?? '') : arg };
}

/** `.listen(3000` or `const PORT = process.env.PORT || 3000`. */
export function nodeListenPort(source: string, env: Readonly<Record<string, string>>): number | undefined {
  if (!/\.listen\(/.test(source)) return undefined;
  const literal = /\.listen\(\s*(\d+)/.exec(source);
  if (literal !== null) return Number(literal[1]);
  if (env.PORT !== undefined && /process\.env\.PORT/.test(source) && /^\d+$/.test(env.PORT)) return Number(env.PORT);
  const fallback = /process\.env\.PORT\s*(?:\|\||\?\?)\s*(\d+)/.exec(source) ?? /\b(?:const|let|var)\s+PORT\s*=\s*(\d+)/.exec(source);
  return fallback ? Number(fallback[1]) : 3000;
}

/** The framework's own reply for a path the app does not serve. */
export function notFound(server: ServerInfo, path: string, nginxVersion: string): Reply {
  switch (server.kind) {
    case 'nginx':
      return { status: 404, contentType: 'text/html', body: `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/${nginxVersion}</center>\r\n</body>\r\n</html>\r\n` };
    case 'flask':
      return {
        status: 404,
        contentType: HTML,
        body: '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n',
      };
    case 'node':
      return { status: 404, contentType: HTML, body: `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot GET ${path}</pre>\n</body>\n</html>\n` };
    case 'http.server':
      return {
        status: 404,
        contentType: HTML,
        body: `<!DOCTYPE HTML>\n<html lang="en">\n    <head>\n        <meta charset="utf-8">\n        <title>Error response</title>\n    </head>\n    <body>\n        <h1>Error response</h1>\n        <p>Error code: 404</p>\n        <p>Message: File not found.</p>\n        <p>Error code explanation: 404 - Nothing matches the given URI.</p>\n    </body>\n</html>\n`,
      };
    case 'go':
      return { status: 404, contentType: 'text/plain; charset=utf-8', body: '404 page not found\n' };
  }
}
