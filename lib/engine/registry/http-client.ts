import { EngineError } from '../errors';
import { networkError, statusError, statusLine, timeoutError } from './http-errors';
import type { Credentials } from './types';

/**
 * HTTP to one OCI distribution registry (distribution-spec, Docker's token auth spec), over an
 * injected `fetch`: the browser's, Node's, or a test's in-process handler. Handles the
 * `WWW-Authenticate` challenge — Bearer (fetch a token from the realm, Basic-authenticated when
 * logged in, cached per scope) or Basic — retrying the request once, and turns network failures
 * and slow servers into Go-worded errors.
 */
export interface HttpClientOptions {
  readonly fetch: typeof fetch;
  readonly credentials?: Credentials;
  /** How long to wait for response headers (default 15 s, like Docker's registry ping). */
  readonly timeoutMs?: number;
}

export interface RegistryRequest {
  readonly method?: string;
  /** Token scopes this request needs, e.g. `repository:myapp:pull,push`. */
  readonly scopes?: readonly string[];
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Uint8Array;
  readonly signal?: AbortSignal;
}

interface Challenge {
  readonly scheme: 'bearer' | 'basic';
  readonly params: Readonly<Record<string, string>>;
}

/** `http` for loopback registries (Docker treats 127.0.0.0/8 and localhost as insecure), else `https`. */
export function registryScheme(host: string): 'http' | 'https' {
  const hostname = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return hostname === 'localhost' || /^127\./.test(hostname) || hostname === '::1' ? 'http' : 'https';
}

export class RegistryClient {
  readonly base: string;
  private challenge: Challenge | null | undefined;
  private readonly tokens = new Map<string, string>();

  constructor(
    readonly host: string,
    private readonly options: HttpClientOptions,
  ) {
    this.base = `${registryScheme(host)}://${host}`;
  }

  /** `GET /v2/`: reachable, and which authentication it wants (remembered for later requests). */
  async ping(signal?: AbortSignal): Promise<Response> {
    const url = `${this.base}/v2/`;
    const response = await this.send('GET', url, {}, undefined, signal);
    if (response.status === 401) this.challenge = parseChallenge(response.headers.get('www-authenticate'));
    else if (!response.ok) throw await statusError(response);
    else this.challenge = null;
    await response.body?.cancel();
    return response;
  }

  /**
   * One request with authentication. A 401 is answered once: Bearer gets a token for the scopes,
   * Basic the login (or Docker's `no basic auth credentials` without one). Other statuses are
   * returned for the caller to judge.
   */
  async request(path: string, request: RegistryRequest = {}): Promise<Response> {
    const method = request.method ?? 'GET';
    const url = path.startsWith('http://') || path.startsWith('https://') ? path : `${this.base}${path}`;
    let response = await this.send(method, url, { ...request.headers, ...(await this.authorization(request.scopes ?? [], request.signal)) }, request.body, request.signal);
    if (response.status !== 401) return response;
    const challenge = parseChallenge(response.headers.get('www-authenticate'));
    if (challenge === null) return response;
    await response.body?.cancel();
    this.challenge = challenge;
    if (challenge.scheme === 'basic' && this.options.credentials === undefined) throw new EngineError('registry', 'no basic auth credentials');
    const scopes = request.scopes ?? [];
    this.tokens.delete(scopes.join(' '));
    const auth = await this.authorization(scopes, request.signal, challenge);
    response = await this.send(method, url, { ...request.headers, ...auth }, request.body, request.signal);
    return response;
  }

  /** The Authorization header for these scopes, fetching a token when the registry wants Bearer. */
  private async authorization(scopes: readonly string[], signal?: AbortSignal, fresh?: Challenge): Promise<Record<string, string>> {
    const challenge = fresh ?? this.challenge;
    if (challenge === undefined || challenge === null) return {};
    if (challenge.scheme === 'basic') return this.options.credentials === undefined ? {} : { authorization: basicAuth(this.options.credentials) };
    const key = scopes.join(' ');
    let token = this.tokens.get(key);
    if (token === undefined) {
      token = await this.fetchToken(challenge, scopes, signal);
      this.tokens.set(key, token);
    }
    return { authorization: `Bearer ${token}` };
  }

  /** Docker's token auth: `GET realm?service=…&scope=…`, Basic-authenticated when logged in. */
  async fetchToken(challenge: Challenge, scopes: readonly string[], signal?: AbortSignal): Promise<string> {
    const realm = challenge.params.realm;
    if (realm === undefined) throw new EngineError('registry', 'unsupported auth challenge: no realm');
    const url = new URL(realm);
    if (challenge.params.service !== undefined) url.searchParams.set('service', challenge.params.service);
    for (const scope of scopes) url.searchParams.append('scope', scope);
    const headers: Record<string, string> = this.options.credentials === undefined ? {} : { authorization: basicAuth(this.options.credentials) };
    const response = await this.send('GET', url.toString(), headers, undefined, signal);
    if (!response.ok) {
      const error = await statusError(response);
      throw new EngineError('registry', `Get ${JSON.stringify(url.toString())}: ${error.message}`, { cause: error });
    }
    const body = (await response.json().catch(() => ({}))) as { token?: unknown; access_token?: unknown };
    const token = typeof body.token === 'string' ? body.token : body.access_token;
    if (typeof token !== 'string' || token === '') throw new EngineError('registry', `Get ${JSON.stringify(url.toString())}: authorization server did not include a token in the response`);
    return token;
  }

  /** The challenge seen at the last ping (null: none, the registry is open). */
  get auth(): Challenge | null | undefined {
    return this.challenge;
  }

  /** fetch with a header timeout, Go-worded network errors, and the caller's cancellation. */
  private async send(method: string, url: string, headers: Record<string, string>, body: Uint8Array | undefined, signal?: AbortSignal): Promise<Response> {
    if (signal?.aborted) throw new EngineError('cancelled', 'context canceled', { cause: signal.reason });
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs ?? 15_000);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      // Raced against the abort as well, for a fetch that does not watch its signal.
      const aborted = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }));
      // With a body, a redirect is an error (registries do not redirect uploads): following one
      // makes fetch keep a copy of the body to resend, a copy of every byte of a layer push.
      const request = this.options.fetch(url, { method, headers, ...(body !== undefined ? { body: body as BodyInit } : {}), signal: controller.signal, redirect: body !== undefined ? 'error' : 'follow' });
      request.catch(() => undefined);
      return await Promise.race([request, aborted]);
    } catch (error) {
      if (timedOut) throw timeoutError(method, url);
      if (signal?.aborted) throw new EngineError('cancelled', 'context canceled', { cause: signal.reason });
      throw networkError(method, url, error, this.host);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

function basicAuth(credentials: Credentials): string {
  const bytes = new TextEncoder().encode(`${credentials.username}:${credentials.password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** `Bearer realm="https://auth/token",service="registry",scope="repository:x:pull"` / `Basic realm="r"`. */
export function parseChallenge(header: string | null): Challenge | null {
  if (header === null) return null;
  const match = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (match === null) return null;
  const scheme = (match[1] as string).toLowerCase();
  if (scheme !== 'bearer' && scheme !== 'basic') return null;
  const params: Record<string, string> = {};
  for (const param of (match[2] as string).matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    params[(param[1] as string).toLowerCase()] = param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : (param[3] ?? '');
  }
  return { scheme, params };
}

/** `login attempt to http://127.0.0.1:5000/v2/ failed with status: 401 Unauthorized` (moby loginV2). */
export function loginFailed(client: RegistryClient, response: Response): EngineError {
  return new EngineError('registry', `login attempt to ${client.base}/v2/ failed with status: ${statusLine(response.status, response.statusText)}`);
}
