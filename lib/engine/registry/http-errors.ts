import { EngineError } from '../errors';
import { registryErrorText } from './registry-errors';

/**
 * A real registry's failures in the words Docker prints them: Go's `*url.Error`
 * (`Get "http://127.0.0.1:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused`) for
 * the network, the registry's own error (`manifest unknown: manifest unknown`) when it sent one,
 * and `received unexpected HTTP status: 500 Internal Server Error` when it did not.
 */

/** Go's method names in `*url.Error` (`Get`, `Head`, `Post`, …). */
export function goMethod(method: string): string {
  const m = method.toUpperCase();
  return m.charAt(0) + m.slice(1).toLowerCase();
}

/** Why a fetch failed, as Go's net/http would say it. Node's fetch puts the system error in `cause`. */
export function describeNetworkError(error: unknown, host: string): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const code = cause?.code ?? (error as { code?: string } | undefined)?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return `dial tcp ${host}: connect: connection refused`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `dial tcp: lookup ${host.replace(/:\d+$/, '')}: no such host`;
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return `read tcp ${host}: connection reset by peer`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return `dial tcp ${host}: i/o timeout`;
    default:
      break;
  }
  // A browser says only "Failed to fetch": refused, unreachable and a CORS refusal look the same.
  const message = error instanceof Error ? error.message : String(error);
  if (/failed to fetch|networkerror|load failed/i.test(message)) {
    return `dial tcp ${host}: connect: connection refused (or the registry does not allow this page's origin: see its CORS headers)`;
  }
  return cause?.message ?? message;
}

export function networkError(method: string, url: string, error: unknown, host: string): EngineError {
  return new EngineError('registry', `${goMethod(method)} ${JSON.stringify(url)}: ${describeNetworkError(error, host)}`, { cause: error });
}

export function timeoutError(method: string, url: string): EngineError {
  return new EngineError('registry', `${goMethod(method)} ${JSON.stringify(url)}: context deadline exceeded (Client.Timeout exceeded while awaiting headers)`);
}

/** Go's `http.StatusText` for the statuses registries send (fetch over HTTP/2 has no reason phrase). */
const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  416: 'Requested Range Not Satisfiable',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function statusLine(status: number, statusText = ''): string {
  return `${status} ${STATUS_TEXT[status] ?? statusText}`.trim();
}

/** The first error of a distribution error body (`{"errors":[{"code":…,"message":…}]}`), if any. */
export interface RegistryErrorBody {
  readonly code: string;
  readonly message: string;
}

export async function readErrorBody(response: Response): Promise<RegistryErrorBody | undefined> {
  try {
    const text = await response.text();
    const json = JSON.parse(text) as { errors?: { code?: unknown; message?: unknown }[] };
    const first = json.errors?.[0];
    if (first !== undefined && typeof first.code === 'string') return { code: first.code, message: typeof first.message === 'string' ? first.message : '' };
  } catch {
    // Not JSON: the status line is all we have.
  }
  return undefined;
}

/** An error response as moby's registry client reports it. */
export async function statusError(response: Response): Promise<EngineError> {
  const body = await readErrorBody(response);
  if (body !== undefined) return new EngineError('registry', registryErrorText(body.code, body.message));
  return new EngineError('registry', `received unexpected HTTP status: ${statusLine(response.status, response.statusText)}`);
}
