import { DEFAULT_PATH, joinPath, resolvePath } from '@/lib/shell';
import { EngineError } from '../errors';
import { lookup, type FsNode, type FsTree } from '../fs';
import { createTreeShellFs } from '../build';
import { canStartGoBinary, detectLibc, parseGoBinarySeed, type GoBinaryInfo } from '../packages';

/**
 * What runc does before the process runs (docker-semantics §3; moby/runc `exec.LookPath` then
 * execve): the command must be found — else the daemon's `OCI runtime create failed` error and
 * the container stays Created — and the kernel must be able to load it — else the container
 * starts, prints `exec /app/server: no such file or directory` and exits 1.
 */
const RUNC_PREFIX = 'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ';

/** The process argv from the image config and the user's overrides, as moby's `merge` does. */
export function resolveProcessArgv(
  image: { Entrypoint?: readonly string[] | undefined; Cmd?: readonly string[] | undefined },
  override: { entrypoint?: string | undefined; args: readonly string[] },
): { entrypoint: string[] | null; cmd: string[] | null; argv: string[] } {
  let entrypoint: string[] | null;
  let cmd: string[] | null = override.args.length > 0 ? [...override.args] : null;
  if (override.entrypoint !== undefined) {
    // `--entrypoint ""` clears the image's entrypoint but keeps its Cmd; a real one drops the Cmd.
    entrypoint = override.entrypoint === '' ? [] : [override.entrypoint];
    if (cmd === null && override.entrypoint === '') cmd = image.Cmd ? [...image.Cmd] : null;
  } else {
    entrypoint = image.Entrypoint ? [...image.Entrypoint] : null;
    if (cmd === null) cmd = image.Cmd ? [...image.Cmd] : null;
  }
  const argv = [...(entrypoint ?? []), ...(cmd ?? [])];
  if (argv.length === 0) throw new EngineError('invalid-config', 'No command specified');
  return { entrypoint, cmd, argv };
}

export type StartCheck =
  | { kind: 'ok'; path: string; goBinary?: GoBinaryInfo }
  /** Started, but the kernel refused the file: this goes to the container's stderr, exit 1. */
  | { kind: 'exec-failed'; message: string }
  /** Never started: the daemon's error (Docker exit 127 for not found, 126 for permission). */
  | { kind: 'create-failed'; message: string; exitCode: 126 | 127 };

/** The node at `path`, a hard link read as the file it shares (busybox's `/bin/ls` → `/bin/busybox`). */
function lookupSafe(tree: FsTree, path: string, follow = true): FsNode | undefined {
  try {
    const node = lookup(tree, path, { follow });
    return node?.kind === 'hardlink' ? lookup(tree, node.target) : node;
  } catch {
    return undefined;
  }
}

const isExecutableFile = (node: FsNode | undefined): boolean => node !== undefined && node.kind === 'file' && (node.mode & 0o111) !== 0;

/** runc's check of argv[0] against the container's PATH and workdir. */
export async function checkStart(tree: FsTree, argv0: string, env: readonly string[], workdir: string): Promise<StartCheck> {
  const createFailed = (detail: string, exitCode: 126 | 127): StartCheck => ({ kind: 'create-failed', message: `${RUNC_PREFIX}${detail}: unknown`, exitCode });
  let path: string;
  if (argv0.includes('/')) {
    path = resolvePath(workdir, argv0);
    const node = lookupSafe(tree, path);
    if (node === undefined) return createFailed(`exec: ${JSON.stringify(argv0)}: stat ${argv0}: no such file or directory`, 127);
    if (!isExecutableFile(node)) return createFailed(`exec: ${JSON.stringify(argv0)}: permission denied`, 126);
  } else {
    const pathVar = env.find((e) => e.startsWith('PATH='))?.slice(5) ?? DEFAULT_PATH;
    const found = pathVar
      .split(':')
      .map((dir) => joinPath(resolvePath(workdir, dir === '' ? '.' : dir), argv0))
      .find((candidate) => isExecutableFile(lookupSafe(tree, candidate)));
    if (found === undefined) return createFailed(`exec: ${JSON.stringify(argv0)}: executable file not found in $PATH`, 127);
    path = found;
  }
  const node = lookupSafe(tree, path);
  if (node?.kind !== 'file') return { kind: 'ok', path };
  const content = node.content;
  if (content.kind === 'synthetic') {
    const go = parseGoBinarySeed(content.seed);
    if (go === undefined) return { kind: 'ok', path };
    const verdict = canStartGoBinary(go, await detectLibc(createTreeShellFs(tree, { uid: 0, gid: 0 })));
    if (!verdict.ok) return { kind: 'exec-failed', message: `exec ${path}: ${verdict.reason.startsWith('exec format') ? 'exec format error' : 'no such file or directory'}` };
    return { kind: 'ok', path, goBinary: go };
  }
  const head = new TextDecoder().decode(content.bytes.subarray(0, 256));
  if (head.startsWith('#!')) {
    const interpreter = head.slice(2).split('\n')[0]?.trim().split(/[ \t]+/)[0] ?? '';
    if (interpreter === '' || !isExecutableFile(lookupSafe(tree, interpreter))) return { kind: 'exec-failed', message: `exec ${path}: no such file or directory` };
    return { kind: 'ok', path };
  }
  // A text file without `#!`: execve says ENOEXEC (only shells fall back to running it).
  if (content.bytes.length > 0 && !content.bytes.subarray(0, 512).includes(0)) return { kind: 'exec-failed', message: `exec ${path}: exec format error` };
  return { kind: 'ok', path };
}

