import { baseName, errorText, joinPath, type Command, type CommandContext, type ShellFs } from '@/lib/shell';
import { findHost, type HostIo, type HostSpec } from './hosts';
import { parseOpenSshOptions } from './openssh-options';

/**
 * `scp [-r] SOURCE… TARGET` between the terminal's hosts, for the material's "save, copy the tar
 * to a server without internet, load it there" story. An operand is `[user@]host:path` or a local
 * path; a relative remote path starts at the remote user's home, as OpenSSH's does. Like OpenSSH,
 * a copy to a terminal shows one progress line per file; otherwise scp prints nothing.
 */
export interface ScpServices {
  readonly hosts: readonly HostSpec[];
  readonly hostIo: HostIo;
  /** The host the command runs on. */
  readonly local: HostSpec;
  isTerminal(ctx: CommandContext): boolean;
  /** Columns of the terminal, for the progress line. */
  columns?(): number | undefined;
}

const USAGE = `usage: scp [-346ABCOpqRrsTv] [-c cipher] [-D sftp_server_path] [-F ssh_config]
           [-i identity_file] [-J destination] [-l limit] [-o ssh_option]
           [-P port] [-S program] [-X sftp_option] source ... target
`;
const FLAGS = '346ABCOpqRrsTv';
const WITH_VALUE = 'cDFiJloPSX';

interface Location {
  readonly host: HostSpec;
  readonly fs: ShellFs;
  readonly path: string;
  /** As the user wrote it, for messages. */
  readonly shown: string;
}

class ScpError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export function createScpCommand(services: ScpServices): Command {
  return async (ctx) => {
    const parsed = parseOpenSshOptions(ctx.args, { flags: FLAGS, withValue: WITH_VALUE, stopAtOperand: false });
    if ('error' in parsed) {
      ctx.stderr.write(`scp: ${parsed.error}\n${USAGE}`);
      return 1;
    }
    const { operands } = parsed;
    const recursive = parsed.letters.includes('r');
    const quiet = parsed.letters.includes('q');
    if (operands.length < 2) {
      ctx.stderr.write(USAGE);
      return 1;
    }
    try {
      const target = await locate(operands[operands.length - 1] as string, ctx, services);
      const sources = [];
      for (const operand of operands.slice(0, -1)) sources.push(await locate(operand, ctx, services));
      const targetIsDir = await isDirectory(target);
      if (sources.length > 1 && !targetIsDir) throw new ScpError(`scp: ${target.shown}: Not a directory`, 1);
      const progress = !quiet && services.isTerminal(ctx);
      let status = 0;
      for (const source of sources) {
        const result = await copy(source, target, targetIsDir, recursive, ctx, progress ? services.columns?.() ?? 80 : undefined);
        if (result !== 0) status = result;
      }
      return status;
    } catch (error) {
      if (!(error instanceof ScpError)) throw error;
      ctx.stderr.write(`${error.message}\n`);
      return error.status;
    }
  };
}

/** `host:path` (not a local path with a colon after a slash, as OpenSSH's colon() decides). */
async function locate(operand: string, ctx: CommandContext, services: ScpServices): Promise<Location> {
  const colon = operand.indexOf(':');
  const slash = operand.indexOf('/');
  if (colon > 0 && (slash < 0 || colon < slash)) {
    const destination = operand.slice(0, colon);
    const host = findHost(services.hosts, destination);
    if (host === undefined) {
      const name = destination.slice(destination.lastIndexOf('@') + 1).toLowerCase();
      throw new ScpError(`ssh: Could not resolve hostname ${name}: Name or service not known\nscp: Connection closed`, 255);
    }
    const remote = operand.slice(colon + 1);
    const path = remote === '' ? host.home : remote.startsWith('/') ? remote : joinPath(host.home, remote);
    const fs = host.name === services.local.name ? ctx.fs : await services.hostIo.fs(host.name);
    return { host, fs, path, shown: remote === '' ? '.' : remote };
  }
  return { host: services.local, fs: ctx.fs, path: ctx.resolve(operand), shown: operand };
}

async function isDirectory(location: Location): Promise<boolean> {
  return location.fs.stat(location.path).then(
    (stat) => stat.type === 'dir',
    () => false,
  );
}

async function copy(source: Location, target: Location, targetIsDir: boolean, recursive: boolean, ctx: CommandContext, columns: number | undefined): Promise<number> {
  let stat;
  try {
    stat = await source.fs.stat(source.path);
  } catch (error) {
    ctx.stderr.write(`scp: ${source.shown}: ${errorText(error)}\n`);
    return 1;
  }
  const destination = targetIsDir ? joinPath(target.path, baseName(source.path)) : target.path;
  if (stat.type === 'dir') {
    if (!recursive) {
      ctx.stderr.write(`scp: ${source.shown}: not a regular file\n`);
      return 1;
    }
    return copyTree(source.fs, source.path, target.fs, destination, ctx, columns);
  }
  return copyFile(source.fs, source.path, target.fs, destination, ctx, columns, stat.mode);
}

async function copyTree(from: ShellFs, dir: string, to: ShellFs, destination: string, ctx: CommandContext, columns: number | undefined): Promise<number> {
  try {
    if (!(await to.exists(destination))) await to.mkdir(destination, { recursive: true });
  } catch (error) {
    ctx.stderr.write(`scp: ${destination}: ${errorText(error)}\n`);
    return 1;
  }
  let status = 0;
  for (const name of (await from.readdir(dir)).sort()) {
    const path = joinPath(dir, name);
    const stat = await from.stat(path);
    const result =
      stat.type === 'dir' ? await copyTree(from, path, to, joinPath(destination, name), ctx, columns) : await copyFile(from, path, to, joinPath(destination, name), ctx, columns, stat.mode);
    if (result !== 0) status = result;
  }
  return status;
}

async function copyFile(from: ShellFs, path: string, to: ShellFs, destination: string, ctx: CommandContext, columns: number | undefined, mode: number): Promise<number> {
  const bytes = await from.readFile(path);
  try {
    await to.writeFile(destination, bytes, { mode: mode & 0o7777 });
  } catch (error) {
    ctx.stderr.write(`scp: ${destination}: ${errorText(error)}\n`);
    return 1;
  }
  if (columns !== undefined) ctx.stdout.write(`${progressLine(baseName(path), bytes.length, columns)}\n`);
  return 0;
}

/** OpenSSH's progress meter once a file is done: name, 100%, amount, rate and time on the right. */
export function progressLine(name: string, bytes: number, columns: number): string {
  // A LAN copy: the rate the material's figures suggest (about 100 MB/s), at least one second.
  const seconds = Math.max(1, Math.ceil(bytes / 100e6));
  const right = `100% ${formatAmount(bytes)} ${formatRate(bytes / seconds)}   ${formatClock(seconds)}`;
  const width = Math.max(name.length, columns - right.length - 1);
  return `${name.padEnd(width)} ${right}`;
}

const UNITS = [' ', 'K', 'M', 'G', 'T'];

/** progressmeter.c format_size: 1024-based, three digits, `142MB`, `512 ` for bytes. */
function formatAmount(bytes: number): string {
  let value = bytes;
  let i = 0;
  for (; value >= 100 * 1024 && i < UNITS.length - 1; i++) value = Math.floor((value + 512) / 1024);
  return `${String(value).padStart(4)}${UNITS[i]}${i > 0 ? 'B' : ' '}`;
}

/** progressmeter.c format_rate: hundredths, at least KB/s, one decimal. */
function formatRate(perSecond: number): string {
  let value = Math.round(perSecond * 100);
  let i = 0;
  for (; value >= 100 * 1000 && i < UNITS.length - 1; i++) value = Math.floor((value + 512) / 1024);
  if (i === 0) {
    i = 1;
    value = Math.floor((value + 512) / 1024);
  }
  return `${String(Math.floor((value + 5) / 100)).padStart(3)}.${Math.floor((value + 5) / 10) % 10}${UNITS[i]}B/s`;
}

function formatClock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
