import type { Command, CommandContext } from '@/lib/shell';
import { simulatedCost } from '../shared/simulated-cost';
import { bodyBytes, fetchFollowing, fetchOnce, remoteName, saveBody, shortSize, type UrlCatalog } from './url-catalog';

/**
 * curl against the URL catalog: -o/-O/--output-dir, -L, -f, -s/-S, -q, and the options Dockerfiles
 * pass that change nothing here (-k, -H, --retry, ...). Exit codes are curl's: 2 usage, 3 bad URL,
 * 6 unresolved host, 22 HTTP error with -f, 23 cannot write.
 */
const BOOLEAN = new Map([
  ['L', 'location'], ['f', 'fail'], ['s', 'silent'], ['S', 'show-error'], ['O', 'remote-name'], ['q', 'disable'],
  ['k', 'insecure'], ['v', 'verbose'], ['I', 'head'], ['#', 'progress-bar'], ['4', 'ipv4'], ['6', 'ipv6'], ['J', 'remote-header-name'], ['N', 'no-buffer'],
]);
const VALUED = new Map([['o', 'output'], ['H', 'header'], ['X', 'request'], ['A', 'user-agent'], ['u', 'user'], ['m', 'max-time'], ['d', 'data'], ['e', 'referer'], ['w', 'write-out']]);
const LONG_VALUED = new Set(['output', 'header', 'request', 'user-agent', 'user', 'max-time', 'data', 'referer', 'retry', 'retry-delay', 'retry-max-time', 'connect-timeout', 'proto', 'proto-redir', 'output-dir', 'write-out', 'cacert', 'tlsv1.2']);
const LONG_BOOLEAN = new Set([...BOOLEAN.values(), 'compressed', 'retry-connrefused', 'retry-all-errors', 'create-dirs', 'fail-with-body', 'http1.1', 'http2', 'tlsv1.2', 'tlsv1.3']);

interface CurlArgs {
  flags: Set<string>;
  values: Map<string, string>;
  urls: string[];
}

function parseCurl(args: readonly string[]): CurlArgs | { error: string } {
  const out: CurlArgs = { flags: new Set(), values: new Map(), urls: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      if (LONG_VALUED.has(name) && !(name === 'tlsv1.2')) {
        const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
        if (value === undefined) return { error: `curl: option ${arg}: requires parameter` };
        out.values.set(name, value);
      } else if (LONG_BOOLEAN.has(name)) out.flags.add(name);
      else return { error: `curl: option ${arg}: is unknown` };
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j] as string;
        const long = VALUED.get(letter);
        if (long !== undefined) {
          const value = j + 1 < arg.length ? arg.slice(j + 1) : args[++i];
          if (value === undefined) return { error: `curl: option -${letter}: requires parameter` };
          out.values.set(long, value);
          break;
        }
        const flag = BOOLEAN.get(letter);
        if (flag === undefined) return { error: `curl: option -${letter}: is unknown` };
        out.flags.add(flag);
      }
    } else out.urls.push(arg);
  }
  return out;
}

export function curlCommand(catalog: UrlCatalog, bandwidth: number): Command {
  return async (ctx) => {
    const parsed = parseCurl(ctx.args);
    const hint = "curl: try 'curl --help' or 'curl --manual' for more information\n";
    if ('error' in parsed) {
      ctx.stderr.write(`${parsed.error}\n${hint}`);
      return 2;
    }
    const url = parsed.urls[0];
    if (url === undefined) {
      ctx.stderr.write(`curl: no URL specified!\n${hint}`);
      return 2;
    }
    const silent = parsed.flags.has('silent');
    const showError = !silent || parsed.flags.has('show-error');
    const fail = (code: number, message: string): number => {
      if (showError) ctx.stderr.write(`curl: (${code}) ${message}\n`);
      return code;
    };
    const result = parsed.flags.has('location') ? fetchFollowing(catalog, url, 50) : fetchOnce(catalog, url);
    if (result.kind === 'bad-url') return fail(3, 'URL using bad/illegal format or missing URL');
    if (result.kind === 'unresolved') return fail(6, `Could not resolve host: ${result.host}`);
    simulatedCost(ctx, bandwidth).download(result.size);
    if (result.status >= 400 && (parsed.flags.has('fail') || parsed.flags.has('fail-with-body'))) return fail(22, `The requested URL returned error: ${result.status}`);
    if (!silent) progressMeter(ctx, result.size);
    const output = parsed.values.get('output') ?? (parsed.flags.has('remote-name') ? remoteName(url) : undefined);
    if (output === undefined) {
      if (!parsed.flags.has('head')) ctx.stdout.write(bodyBytes(result));
      return 0;
    }
    const dir = parsed.values.get('output-dir');
    const path = ctx.resolve(dir !== undefined && !output.startsWith('/') ? `${dir}/${output}` : output);
    if (parsed.flags.has('create-dirs')) await ctx.fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true });
    if (!(await saveBody(ctx, path, result))) return fail(23, `Failure writing output to destination`);
    return 0;
  };
}

/** curl's meter on stderr (a build's stdout is not a terminal, so curl prints it); one final line. */
function progressMeter(ctx: CommandContext, size: number): void {
  const s = shortSize(size).padStart(5);
  ctx.stderr.write(
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
      '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
      `100 ${s}  100 ${s}    0     0  19.0M      0 --:--:-- --:--:-- --:--:-- 19.0M\n`,
  );
}
