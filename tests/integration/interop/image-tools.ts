/**
 * Shared plumbing for the real-tool interop tests: finds podman/buildah/skopeo/umoci, gives them
 * private vfs storage under a temp dir (TOOLCHAIN.md: nothing touches the system's storage), and
 * reads an unpacked root filesystem into a comparable listing.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstat, mkdtemp, readdir, readFile, readlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runLayerlab } from '@/lib/cli/layerlab/program';
import { createNodeCliIO } from '@/lib/cli/node-cli-io';

const exec = promisify(execFile);
export const TOOLS = ['podman', 'buildah', 'skopeo', 'umoci'] as const;

/** Why the interop tests cannot run here, or null when they can. Printed by the tests that skip. */
export async function missingToolsReason(): Promise<string | null> {
  const missing: string[] = [];
  for (const tool of TOOLS) {
    await exec('sh', ['-c', `command -v ${tool}`]).catch(() => missing.push(tool));
  }
  if (missing.length > 0) return `interop tests skipped: ${missing.join(', ')} not installed (run tests/helpers/ensure-image-tools.sh as root)`;
  if (process.getuid?.() !== 0) return 'interop tests skipped: podman/buildah with vfs storage need root here';
  return null;
}

export interface ToolEnv {
  readonly dir: string;
  run(cmd: string, args: readonly string[], cwd?: string): Promise<string>;
}

export async function createToolEnv(): Promise<ToolEnv> {
  const dir = await mkdtemp(join(tmpdir(), 'layerlab-interop-'));
  await writeFile(join(dir, 'storage.conf'), `[storage]\ndriver = "vfs"\nrunroot = "${dir}/run"\ngraphroot = "${dir}/storage"\n`);
  await writeFile(join(dir, 'containers.conf'), '[engine]\ncgroup_manager = "cgroupfs"\nevents_logger = "file"\nruntime = "crun"\n');
  const env = { ...process.env, CONTAINERS_STORAGE_CONF: join(dir, 'storage.conf'), CONTAINERS_CONF: join(dir, 'containers.conf') };
  return {
    dir,
    async run(cmd, args, cwd) {
      const { stdout } = await exec(cmd, [...args], { env, cwd, timeout: 60_000, maxBuffer: 64 << 20 });
      return stdout;
    },
  };
}

/** `layerlab build` + `layerlab save` in-process over a fresh state directory; returns the archive path. */
export async function layerlabArchive(contextDir: string, tag: string, outDir: string): Promise<string> {
  let err = '';
  const io = createNodeCliIO({ stdout: () => undefined, stderr: (t) => void (err += t), env: {} });
  const state = await mkdtemp(join(tmpdir(), 'layerlab-interop-state-'));
  const archive = join(outDir, `${tag.replace(/[:/]/g, '_')}.tar`);
  if ((await runLayerlab(['--state', state, 'build', '-q', '-t', tag, contextDir], io)) !== 0) throw new Error(`layerlab build failed:\n${err}`);
  if ((await runLayerlab(['--state', state, 'save', '-o', archive, tag], io)) !== 0) throw new Error(`layerlab save failed:\n${err}`);
  return archive;
}

export interface FsListingEntry {
  type: 'dir' | 'file' | 'symlink';
  mode: string;
  uid: number;
  gid: number;
  size?: number;
  sha256?: string;
  target?: string;
}

/** Every path below `root` with type, mode, owner, size and content hash (mtimes ignored). */
export async function listRootfs(root: string): Promise<Record<string, FsListingEntry>> {
  const out: Record<string, FsListingEntry> = {};
  const walk = async (rel: string): Promise<void> => {
    for (const name of (await readdir(join(root, rel))).sort()) {
      const path = rel === '' ? name : `${rel}/${name}`;
      const st = await lstat(join(root, path));
      const base = { mode: (st.mode & 0o7777).toString(8), uid: st.uid, gid: st.gid };
      if (st.isDirectory()) {
        out[path] = { type: 'dir', ...base };
        await walk(path);
      } else if (st.isSymbolicLink()) out[path] = { type: 'symlink', ...base, target: await readlink(join(root, path)) };
      else out[path] = { type: 'file', ...base, size: st.size, sha256: createHash('sha256').update(await readFile(join(root, path))).digest('hex') };
    }
  };
  await walk('');
  return out;
}

/** The config fields the interop tests compare. */
export function comparableConfig(config: Record<string, unknown>) {
  const c = (config.config ?? {}) as Record<string, unknown>;
  const labels = { ...((c.Labels ?? {}) as Record<string, string>) };
  // buildah stamps its version unless --identity-label=false; drop it in case an old one ignores the flag.
  delete labels['io.buildah.version'];
  // buildah writes WorkingDir "/" when the Dockerfile sets none, BuildKit leaves it empty: both
  // mean the root to a runtime, so they compare equal here.
  return { Env: c.Env, Cmd: c.Cmd, Entrypoint: c.Entrypoint, WorkingDir: (c.WorkingDir as string | undefined) || '/', User: c.User ?? '', ExposedPorts: c.ExposedPorts ?? {}, Labels: labels };
}
