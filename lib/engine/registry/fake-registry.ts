/**
 * An in-process OCI distribution registry behind a `fetch` function, for the client's protocol
 * tests (auth challenges, chunked uploads, mounts, faults). Not a product: it keeps what the
 * tests look at — blobs per repository, manifests by tag and digest, and a log of requests.
 * Real-registry behaviour is proven against Debian's docker-registry in tests/integration.
 */
import { type Digest, sha256Of } from '@/lib/util';

export interface FakeRegistryOptions {
  readonly host?: string;
  /** Bearer: a token endpoint that wants these credentials; Basic: the registry wants them itself. */
  readonly auth?: { readonly kind: 'bearer' | 'basic'; readonly username: string; readonly password: string };
  /** Answers instead of the registry when it returns a Response (a 500, a slow reply, …). */
  readonly fault?: (request: Request) => Response | Promise<Response> | undefined;
}

export interface FakeRegistry {
  readonly fetch: typeof fetch;
  readonly host: string;
  /** `METHOD /path?query`, one per request the registry saw (token requests included). */
  readonly log: string[];
  readonly blobs: Map<string, Uint8Array>;
  /** `repo` → blob digests linked into it. */
  readonly links: Map<string, Set<string>>;
  /** `repo:tag` and `repo@digest` → manifest. */
  readonly manifests: Map<string, { bytes: Uint8Array; mediaType: string }>;
  /** Stores a blob in a repository directly (seeding a test). */
  putBlob(repo: string, bytes: Uint8Array): Promise<Digest>;
  /** Stores a manifest under a tag directly. */
  putManifest(repo: string, tag: string, bytes: Uint8Array, mediaType: string): Promise<Digest>;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
const error = (status: number, code: string, message: string) => json(status, { errors: [{ code, message }] });

export function createFakeRegistry(options: FakeRegistryOptions = {}): FakeRegistry {
  const host = options.host ?? 'localhost:5000';
  const base = `http://${host}`;
  const log: string[] = [];
  const blobs = new Map<string, Uint8Array>();
  const links = new Map<string, Set<string>>();
  const manifests = new Map<string, { bytes: Uint8Array; mediaType: string }>();
  const uploads = new Map<string, { repo: string; parts: Uint8Array[]; size: number }>();
  let nextUpload = 0;
  const basic = options.auth && `Basic ${btoa(`${options.auth.username}:${options.auth.password}`)}`;
  const tokens = new Set<string>();

  const link = (repo: string, digest: string) => {
    const set = links.get(repo) ?? new Set<string>();
    set.add(digest);
    links.set(repo, set);
  };
  const putBlob = async (repo: string, bytes: Uint8Array) => {
    const digest = await sha256Of(bytes);
    blobs.set(digest, bytes);
    link(repo, digest);
    return digest;
  };
  /** A PUT by tag sets the tag and the digest; by digest (an index's platform manifests) only the digest. */
  const putManifest = async (repo: string, reference: string, bytes: Uint8Array, mediaType: string) => {
    const digest = await sha256Of(bytes);
    if (!reference.startsWith('sha256:')) manifests.set(`${repo}:${reference}`, { bytes, mediaType });
    manifests.set(`${repo}@${digest}`, { bytes, mediaType });
    return digest;
  };

  /** The auth answer for a request, or undefined when it may proceed. */
  const authorize = (request: Request, write: boolean): Response | undefined => {
    if (options.auth === undefined) return undefined;
    const given = request.headers.get('authorization') ?? '';
    if (options.auth.kind === 'basic') {
      if (given === basic) return undefined;
      return new Response(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }), {
        status: 401,
        headers: { 'www-authenticate': 'Basic realm="fake"', 'content-type': 'application/json' },
      });
    }
    const token = given.startsWith('Bearer ') ? given.slice(7) : '';
    if (tokens.has(token) && (!write || token.includes('push'))) return undefined;
    return new Response(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }), {
      status: 401,
      headers: { 'www-authenticate': `Bearer realm="${base}/token",service="fake"`, 'content-type': 'application/json' },
    });
  };

  const handle = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    log.push(`${request.method} ${url.pathname}${url.search}`);
    const faulted = await options.fault?.(request);
    if (faulted !== undefined) return faulted;
    if (url.pathname === '/token') {
      if (request.headers.get('authorization') !== basic) return error(401, 'UNAUTHORIZED', 'invalid username or password');
      const token = `token-${tokens.size}-${url.searchParams.getAll('scope').join('+')}`;
      tokens.add(token);
      return json(200, { token });
    }
    const write = !['GET', 'HEAD'].includes(request.method);
    const denied = authorize(request, write);
    if (denied !== undefined) return denied;
    if (url.pathname === '/v2/') return json(200, {});
    const match = /^\/v2\/(.+)\/(manifests|blobs|tags)\/(.*)$/.exec(url.pathname);
    if (match === null) return error(404, 'NOT_FOUND', 'not found');
    const [, repo, kind, rest] = match as unknown as [string, string, string, string];
    if (kind === 'tags') return json(200, { name: repo, tags: [...manifests.keys()].filter((k) => k.startsWith(`${repo}:`)).map((k) => k.slice(repo.length + 1)).sort() });
    if (kind === 'manifests') {
      if (request.method === 'PUT') {
        const bytes = new Uint8Array(await request.arrayBuffer());
        if (rest.startsWith('sha256:') && (await sha256Of(bytes)) !== rest) return error(400, 'DIGEST_INVALID', 'provided digest did not match uploaded content');
        const digest = await putManifest(repo, rest, bytes, request.headers.get('content-type') ?? '');
        return new Response(null, { status: 201, headers: { 'docker-content-digest': digest, location: `/v2/${repo}/manifests/${digest}` } });
      }
      const found = manifests.get(rest.startsWith('sha256:') ? `${repo}@${rest}` : `${repo}:${rest}`);
      if (found === undefined) return error(404, 'MANIFEST_UNKNOWN', 'manifest unknown');
      const digest = await sha256Of(found.bytes);
      const headers = { 'content-type': found.mediaType, 'docker-content-digest': digest, 'content-length': String(found.bytes.length) };
      return new Response(request.method === 'HEAD' ? null : (found.bytes as BodyInit), { status: 200, headers });
    }
    if (rest.startsWith('uploads/')) return upload(request, url, repo, rest.slice('uploads/'.length));
    const blob = links.get(repo)?.has(rest) === true ? blobs.get(rest) : undefined;
    if (blob === undefined) return error(404, 'BLOB_UNKNOWN', 'blob unknown to registry');
    return new Response(request.method === 'HEAD' ? null : (blob as BodyInit), { status: 200, headers: { 'content-length': String(blob.length), 'docker-content-digest': rest } });
  };

  const upload = async (request: Request, url: URL, repo: string, id: string): Promise<Response> => {
    const location = (uid: string, size: number) => ({ location: `/v2/${repo}/blobs/uploads/${uid}?_state=${size}`, range: `0-${Math.max(0, size - 1)}` });
    if (request.method === 'POST') {
      const mount = url.searchParams.get('mount');
      const from = url.searchParams.get('from');
      if (mount !== null && from !== null && links.get(from)?.has(mount) === true) {
        link(repo, mount);
        return new Response(null, { status: 201, headers: { location: `/v2/${repo}/blobs/${mount}`, 'docker-content-digest': mount } });
      }
      const uid = `u${nextUpload++}`;
      uploads.set(uid, { repo, parts: [], size: 0 });
      return new Response(null, { status: 202, headers: location(uid, 0) });
    }
    const state = uploads.get(id);
    if (state === undefined) return error(404, 'BLOB_UPLOAD_UNKNOWN', 'blob upload unknown to registry');
    const body = new Uint8Array(await request.arrayBuffer());
    if (request.method === 'PATCH') {
      const range = request.headers.get('content-range');
      if (range !== null && !new RegExp(`^${state.size}-${state.size + body.length - 1}$`).test(range)) {
        return error(416, 'BLOB_UPLOAD_INVALID', `bad range ${range}, have ${state.size} bytes`);
      }
      state.parts.push(body);
      state.size += body.length;
      return new Response(null, { status: 202, headers: location(id, state.size) });
    }
    if (request.method === 'PUT') {
      state.parts.push(body);
      const whole = new Uint8Array(state.size + body.length);
      let at = 0;
      for (const part of state.parts) {
        whole.set(part, at);
        at += part.length;
      }
      const digest = await sha256Of(whole);
      if (digest !== url.searchParams.get('digest')) return error(400, 'DIGEST_INVALID', 'provided digest did not match uploaded content');
      uploads.delete(id);
      blobs.set(digest, whole);
      link(repo, digest);
      return new Response(null, { status: 201, headers: { location: `/v2/${repo}/blobs/${digest}`, 'docker-content-digest': digest } });
    }
    return error(405, 'UNSUPPORTED', 'unsupported');
  };

  return {
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => handle(new Request(input, init))) as typeof fetch,
    host,
    log,
    blobs,
    links,
    manifests,
    putBlob,
    putManifest,
  };
}
