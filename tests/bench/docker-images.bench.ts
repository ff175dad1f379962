/**
 * The docker image commands (issue 5, "Speed"):
 * - `docker images` and `docker system df -v` with 500 images and 50 containers (goal < 50 ms
 *   each), over the memory store (tests, the worker's cache) and the directory store (the CLI),
 *   the latter also opened afresh for each call, as each `layerlab sh -c` process opens it;
 * - `docker save` of a 200 MB image into a workspace directory vs `podman save` of the same
 *   image, loaded into podman from our archive (goal: ratio at most 1.0×), with our peak RSS.
 * Run: npm run -s bench -- docker-images
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runDocker, type DockerContext } from '@/lib/cli/docker';
import { nodeSha256 } from '@/lib/cli/node-io';
import { createDirectoryStore } from '@/lib/cli/node-store';
import { createNodeWorkspaceFs } from '@/lib/cli/node-workspace-fs';
import { createMemoryStore, emptyConfig, encodeImageConfig, refKey, storeImage, withCreated, withHistory, withLabels, type Store } from '@/lib/engine';
import { diffIdOf } from '@/lib/engine/layer';
import { sortChangeEntries, syntheticContent, type ChangeEntry, type ChangeSet } from '@/lib/engine/fs';
import { createMemoryFs, InputStream, ROOT_USER, type CommandContext, type ShellFs } from '@/lib/shell';

const exec = promisify(execFile);
const NOW = Date.parse('2026-11-28T12:00:00Z');

function context(store: Store, fs: ShellFs, out: { text: string }): DockerContext {
  const shell = {
    name: 'docker',
    args: [],
    env: {},
    cwd: '/work',
    fs,
    stdin: new InputStream(),
    stdout: { write: (d: string | Uint8Array) => void (out.text += typeof d === 'string' ? d : '') },
    stderr: { write: (d: string | Uint8Array) => void (out.text += typeof d === 'string' ? d : '') },
    user: ROOT_USER,
    signal: undefined,
    shellName: 'sh',
    resolve: (p: string) => (p.startsWith('/') ? p : `/work/${p}`),
    addSimulatedSeconds: () => undefined,
    exec: async () => 127,
    runScript: async () => 127,
  } satisfies CommandContext;
  return { shell, daemon: { host: 'workstation', store }, now: () => NOW, sha256: nodeSha256, tty: false };
}

const layer = (path: string, size: number): ChangeSet => ({ entries: sortChangeEntries([{ kind: 'file', path, mode: 0o644, uid: 0, gid: 0, content: syntheticContent(size, path) } as ChangeEntry]) });

/** 500 images: a shared base, one of 20 "runtime" layers, one app layer of their own; 50 containers. */
async function populate(store: Store): Promise<void> {
  const base = layer('/base/rootfs.bin', 7_000_000);
  const runtimes = Array.from({ length: 20 }, (_, i) => layer(`/runtime/${i}.bin`, 20_000_000 + i));
  const [baseId, ...runtimeIds] = await Promise.all([base, ...runtimes].map((cs) => diffIdOf(cs, nodeSha256)));
  const ids: string[] = [];
  for (let i = 0; i < 500; i++) {
    const app = layer(`/app/${i}.py`, 1000 + i);
    const appId = await diffIdOf(app, nodeSha256);
    const created = new Date(NOW - i * 3_600_000).toISOString();
    let config = withCreated(withLabels(emptyConfig({ os: 'linux', architecture: 'amd64' }), [['n', String(i)]]), created);
    const layers = [
      { diffId: baseId!, changeSet: base },
      { diffId: runtimeIds[i % 20]!, changeSet: runtimes[i % 20]! },
      { diffId: appId, changeSet: app },
    ];
    for (const l of layers) config = withHistory(config, { created, created_by: `COPY ${l.diffId.slice(7, 15)} / # buildkit`, comment: 'buildkit.dockerfile.v0' }, l.diffId);
    const { bytes } = await encodeImageConfig(config, nodeSha256);
    const id = await store.write(async (tx) => {
      const imageId = await storeImage(tx, { configBytes: bytes, config, layers, sha256: nodeSha256 });
      if (i % 5 !== 4) await tx.put('refs', refKey(`app${i % 100}:v${i}`), { imageId });
      return imageId;
    });
    ids.push(id);
  }
  await store.write(async (tx) => {
    for (let c = 0; c < 50; c++) {
      const id = c.toString(16).padStart(64, 'c');
      await tx.put('containers', id, { id, name: `c${c}`, imageId: ids[c * 7] as `sha256:${string}`, created: new Date(NOW - c * 60_000).toISOString(), writableLayer: layer(`/tmp/${c}.log`, 100 * c), state: { status: c % 3 === 0 ? 'running' : 'exited', command: ['python', 'app.py'] } });
    }
  });
}

async function medianMs(runs: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/**
 * `store`: one store for every call (the worker, a long-lived terminal). A function: a store
 * opened and closed around each call, as each `layerlab sh -c` process does.
 */
async function listingBench(label: string, store: Store | (() => Promise<Store>)): Promise<void> {
  const fs = createMemoryFs();
  const once = async (line: string[], out: { text: string }) => {
    const opened = typeof store === 'function' ? await store() : store;
    await runDocker(line, context(opened, fs, out));
    if (opened !== store) await opened.close();
  };
  for (const line of [['images'], ['system', 'df', '-v']]) {
    const out = { text: '' };
    const coldStart = performance.now();
    await once(line, out);
    const cold = performance.now() - coldStart;
    const ms = await medianMs(15, async () => {
      out.text = '';
      await once(line, out);
    });
    const rows = out.text.split('\n').length;
    console.log(`  ${label.padEnd(24)} docker ${line.join(' ').padEnd(13)} ${ms.toFixed(1).padStart(7)} ms median, ${cold.toFixed(1).padStart(6)} ms first call  (${rows} lines; goal < 50 ms)`);
  }
}

async function saveBench(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'layerlab-save-bench-'));
  try {
    const store = createMemoryStore();
    const layers = [layer('/usr/lib/big-a.so', 80_000_000), layer('/usr/lib/big-b.so', 70_000_000), layer('/opt/app/data.bin', 50_000_000)];
    let config = withCreated(emptyConfig({ os: 'linux', architecture: 'amd64' }), '2024-05-01T10:00:00Z');
    const recorded: { diffId: `sha256:${string}`; changeSet: ChangeSet }[] = [];
    for (const cs of layers) {
      const diffId = await diffIdOf(cs, nodeSha256);
      config = withHistory(config, { created: '2024-05-01T10:00:00Z', created_by: 'COPY . /', comment: 'buildkit.dockerfile.v0' }, diffId);
      recorded.push({ diffId, changeSet: cs });
    }
    const { bytes } = await encodeImageConfig(config, nodeSha256);
    await store.write(async (tx) => {
      const id = await storeImage(tx, { configBytes: bytes, config, layers: recorded, sha256: nodeSha256 });
      await tx.put('refs', refKey('big:1'), { imageId: id });
    });
    const fs = await createNodeWorkspaceFs(dir, { mount: '/work' });
    const out = { text: '' };
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const start = performance.now();
    const code = await runDocker(['save', '-o', 'ours.tar', 'big:1'], context(store, fs, out));
    const oursMs = performance.now() - start;
    clearInterval(timer);
    if (code !== 0) throw new Error(`docker save failed: ${out.text}`);
    const size = (await stat(join(dir, 'ours.tar'))).size;
    console.log(`  docker save (ours)   ${oursMs.toFixed(0).padStart(6)} ms  ${(size / 1e6).toFixed(0)} MB, peak RSS +${((peak - rssBefore) / 1e6).toFixed(0)} MB`);
    const reason = await podmanMissing();
    if (reason !== null) {
      console.log(`  podman save          skipped: ${reason}`);
      return;
    }
    const storage = join(dir, 'podman');
    await writeFile(join(dir, 'storage.conf'), `[storage]\ndriver = "vfs"\nrunroot = "${storage}/run"\ngraphroot = "${storage}/graph"\n`);
    const env = { ...process.env, CONTAINERS_STORAGE_CONF: join(dir, 'storage.conf') };
    await exec('podman', ['load', '-i', join(dir, 'ours.tar')], { env, maxBuffer: 64 << 20 });
    const podmanStart = performance.now();
    await exec('podman', ['save', '-o', join(dir, 'podman.tar'), 'big:1'], { env, maxBuffer: 64 << 20 });
    const podmanMs = performance.now() - podmanStart;
    console.log(`  podman save          ${podmanMs.toFixed(0).padStart(6)} ms  ${((await stat(join(dir, 'podman.tar'))).size / 1e6).toFixed(0)} MB`);
    console.log(`  ratio ours/podman    ${(oursMs / podmanMs).toFixed(2)}x (goal <= 1.0x)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function podmanMissing(): Promise<string | null> {
  try {
    await exec('sh', ['-c', 'command -v podman']);
  } catch {
    return 'podman is not installed (tests/helpers/ensure-image-tools.sh installs it)';
  }
  if (process.getuid?.() !== 0) return 'podman with vfs storage needs root here';
  return null;
}

export async function runDockerImagesBench(): Promise<void> {
  console.log('docker-images: docker images / system df -v with 500 images and 50 containers');
  const memory = createMemoryStore();
  await populate(memory);
  await listingBench('memory store', memory);
  const dir = await mkdtemp(join(tmpdir(), 'layerlab-images-bench-'));
  try {
    const directory = await createDirectoryStore(dir);
    await populate(directory);
    await listingBench('directory store', directory);
    await directory.close();
    await listingBench('directory, open per call', () => createDirectoryStore(dir));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  console.log('docker-images: docker save of a 200 MB image vs podman save');
  await saveBench();
}
