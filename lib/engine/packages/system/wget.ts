import type { Command, CommandContext } from '@/lib/shell';
import { isBusyboxApplet } from '../shared/image-facts';
import { simulatedCost } from '../shared/simulated-cost';
import { bodyBytes, fetchFollowing, FIXED_DATE, remoteName, saveBody, shortSize, type FetchResult, type UrlCatalog } from './url-catalog';

/**
 * wget against the URL catalog, in two dialects: GNU wget (Debian; chatty log on stderr, exit 4
 * for name resolution, 8 for server errors) and busybox wget (Alpine; terse, exit 1 for both).
 * Both follow redirects. Options: -O FILE (`-` = stdout), -q, -P DIR, and the ones that only
 * tune output or retries (--progress, -nv, -c, -t, -T, --no-check-certificate).
 */
interface WgetArgs {
  output?: string;
  prefix?: string;
  quiet: boolean;
  urls: string[];
}

function parseWget(args: readonly string[]): WgetArgs | { error: string } {
  const out: WgetArgs = { quiet: false, urls: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = (): string | undefined => args[++i];
    if (arg === '-q' || arg === '--quiet') out.quiet = true;
    else if (arg === '-O' || arg === '--output-document') out.output = next();
    else if (arg.startsWith('--output-document=')) out.output = arg.slice(18);
    else if (/^-q?O./.test(arg)) out.output = arg.slice(arg.indexOf('O') + 1);
    else if (arg === '-qO') {
      out.quiet = true;
      out.output = next();
    } else if (arg === '-P' || arg === '--directory-prefix') out.prefix = next();
    else if (arg.startsWith('--directory-prefix=')) out.prefix = arg.slice(19);
    else if (['-t', '-T', '--tries', '--timeout', '-U', '--user-agent', '--header'].includes(arg)) next();
    else if (/^(--progress=|--tries=|--timeout=|--header=|--user-agent=)/.test(arg) || ['-nv', '--no-verbose', '-c', '--continue', '--no-check-certificate', '-S', '--server-response', '-N'].includes(arg)) continue;
    else if (arg.startsWith('-') && arg !== '-') return { error: arg };
    else out.urls.push(arg);
  }
  if (/^-q/.test(args.find((a) => /^-qO/.test(a)) ?? '')) out.quiet = true;
  return out;
}

export function wgetCommand(catalog: UrlCatalog, bandwidth: number): Command {
  return async (ctx) => {
    const busybox = await isBusyboxApplet(ctx, 'wget');
    const parsed = parseWget(ctx.args);
    if ('error' in parsed) {
      ctx.stderr.write(busybox ? `wget: unrecognized option '${parsed.error}'\n` : `wget: unrecognized option '${parsed.error}'\nUsage: wget [OPTION]... [URL]...\n\nTry \`wget --help' for more options.\n`);
      return busybox ? 1 : 2;
    }
    const url = parsed.urls[0];
    if (url === undefined) {
      ctx.stderr.write(busybox ? 'BusyBox v1.36.1 multi-call binary.\n\nUsage: wget [-cqS] [-O FILE] [-P DIR] URL...\n' : "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n");
      return 1;
    }
    const log = (line: string): void => {
      if (!parsed.quiet) ctx.stderr.write(`${line}\n`);
    };
    const result = fetchFollowing(catalog, url);
    if (!busybox) log(`--${FIXED_DATE}--  ${url}`);
    if (result.kind === 'bad-url') {
      ctx.stderr.write(`${busybox ? 'wget: bad address' : `${url}: Invalid URL`} '${url}'\n`);
      return 1;
    }
    if (result.kind === 'unresolved') {
      if (busybox) ctx.stderr.write(`wget: bad address '${result.host}'\n`);
      else {
        log(`Resolving ${result.host} (${result.host})... failed: Name or service not known.`);
        ctx.stderr.write(`wget: unable to resolve host address '${result.host}'\n`);
      }
      return busybox ? 1 : 4;
    }
    simulatedCost(ctx, bandwidth).download(result.size);
    const host = new URL(result.url).hostname;
    if (busybox) log(`Connecting to ${host} (${host}:443)`);
    else log(`Resolving ${host} (${host})... 203.0.113.10\nConnecting to ${host} (${host})|203.0.113.10|:443... connected.\nHTTP request sent, awaiting response... ${result.status === 404 ? '404 Not Found' : '200 OK'}`);
    if (result.status >= 400) {
      if (busybox) ctx.stderr.write(`wget: server returned error: HTTP/1.1 ${result.status} Not Found\n`);
      else ctx.stderr.write(`${FIXED_DATE} ERROR ${result.status}: Not Found.\n\n`);
      return busybox ? 1 : 8;
    }
    return save(ctx, parsed, url, result, busybox, log);
  };
}

async function save(ctx: CommandContext, parsed: WgetArgs, url: string, result: Extract<FetchResult, { kind: 'response' }>, busybox: boolean, log: (l: string) => void): Promise<number> {
  if (parsed.output === '-') {
    ctx.stdout.write(bodyBytes(result));
    return 0;
  }
  let name = parsed.output ?? remoteName(url);
  if (parsed.prefix !== undefined && parsed.output === undefined) name = `${parsed.prefix}/${name}`;
  let path = ctx.resolve(name);
  // GNU wget never overwrites without -O: it numbers the new file.
  if (!busybox && parsed.output === undefined) for (let n = 1; await ctx.fs.exists(path).catch(() => false); n++) path = ctx.resolve(`${name}.${n}`);
  if (!busybox) log(`Length: ${result.size} (${shortSize(result.size)}) [${result.contentType}]\nSaving to: '${name}'\n`);
  else log(`saving to '${name}'`);
  if (!(await saveBody(ctx, path, result))) {
    ctx.stderr.write(busybox ? `wget: can't open '${name}': No such file or directory\n` : `${name}: No such file or directory\n`);
    return busybox ? 1 : 3;
  }
  if (busybox) log(`${name.padEnd(20)} 100% |********************************| ${shortSize(result.size).padStart(5)}  0:00:00 ETA\n'${name}' saved`);
  else log(`${FIXED_DATE} (19.0 MB/s) - '${name}' saved [${result.size}/${result.size}]\n`);
  return 0;
}
