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

/** Express routes and a plain http server's reply. */
export function nodeRoutes(source: string): Record<string, Reply> {
  const routes: Record<string, Reply> = {};
  const pattern = /\b\w+\.(?:get|all)\(\s*(['"`])([^'"`]+)\1\s*,([\s\S]*?)(?=\n\s*\w+\.(?:get|post|put|delete|all|use|listen)\(|$)/g;
  for (const m of source.matchAll(pattern)) routes[m[2] ?? '/'] = nodeReply(m[3] ?? '') ?? { status: 200, contentType: HTML, body: '' };
  if (Object.keys(routes).length === 0 && /createServer\(/.test(source)) {
    const reply = nodeReply(source);
    if (reply !== undefined) routes['*'] = reply;
  }
  return routes;
}

function nodeReply(code: string): Reply | undefined {
  const send = /res\.(?:status\((\d+)\)\.)?(send|json|end)\(\s*([\s\S]*?)\s*\)\s*;?\s*(?:\n|\}|$)/.exec(code);
  if (send === null) return undefined;
  const status = send[1] ? Number(send[1]) : 200;
  const arg = send[3] ?? '';
  const str = /^(['"`])([\s\S]*)\1$/.exec(arg);
  if (send[2] === 'json' || arg.startsWith('{')) {
    const json = arg.replace(/([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":').replace(/'([^']*)'/g, (_, s: string) => JSON.stringify(s));
    try {
      return { status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(JSON.parse(json)) };
    } catch {
      return { status, contentType: 'application/json; charset=utf-8', body: arg };
    }
  }
  return { status, contentType: send[2] === 'end' ? 'text/plain' : HTML, body: str ? (str[2] ?? '') : arg };
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
