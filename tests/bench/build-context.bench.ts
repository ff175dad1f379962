/**
 * Cold build of a FROM scratch Dockerfile copying a 64 MiB context (issue 3, "Speed"): ours
 * through the CLI code path (`layerlab build` over a fresh directory store, Node's sha256) against
 * `buildah bud --timestamp 0` on the same directory in the same run, each on fresh storage.
 * Goal: ours ≤ 0.5× buildah. Skips, saying so, when buildah is missing.
 * Run: npm run -s bench -- build-context
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runLayerlab } from '@/lib/cli/layerlab/program';
import { createNodeCliIO } from '@/lib/cli/node-cli-io';

const exec = promisify(execFile);
const MiB = 1024 * 1024;
const RUNS = 3;

async function makeContext(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'layerlab-bench-ctx-'));
  // Real random bytes (incompressible, unhashable in advance): 16 files of 4 MiB, 64 MiB in all.
  await mkdir(join(dir, 'data'));
  for (let i = 0; i < 16; i++) await writeFile(join(dir, 'data', `blob-${i}.bin`), randomBytes(4 * MiB));
  await writeFile(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY data/ /data/\nCMD ["/data/blob-0.bin"]\n');
  return dir;
}

async function timeOurs(context: string): Promise<number> {
  const state = await mkdtemp(join(tmpdir(), 'layerlab-bench-state-'));
  let err = '';
  const io = createNodeCliIO({ stdout: () => undefined, stderr: (t) => void (err += t), env: {} });
  const start = performance.now();
  const code = await runLayerlab(['--state', state, 'build', '-q', '--no-cache', '-t', 'bench:1', context], io);
  const ms = performance.now() - start;
  await rm(state, { recursive: true, force: true });
  if (code !== 0) throw new Error(`layerlab build failed: ${err}`);
  return ms;
}

async function timeBuildah(context: string): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'layerlab-bench-buildah-'));
  await writeFile(join(dir, 'storage.conf'), `[storage]\ndriver = "vfs"\nrunroot = "${dir}/run"\ngraphroot = "${dir}/storage"\n`);
  await writeFile(join(dir, 'containers.conf'), '[engine]\ncgroup_manager = "cgroupfs"\nevents_logger = "file"\nruntime = "crun"\n');
  const env = { ...process.env, CONTAINERS_STORAGE_CONF: join(dir, 'storage.conf'), CONTAINERS_CONF: join(dir, 'containers.conf') };
  const start = performance.now();
  await exec('buildah', ['bud', '--quiet', '--timestamp', '0', '-t', 'bench:1', '.'], { cwd: context, env, maxBuffer: 16 << 20 });
  const ms = performance.now() - start;
  await rm(dir, { recursive: true, force: true });
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export async function runBuildContextBench(): Promise<void> {
  console.log('build-context: cold FROM scratch build of a 64 MiB context, layerlab vs buildah bud');
  const hasBuildah = await exec('sh', ['-c', 'command -v buildah']).then(() => true, () => false);
  const context = await makeContext();
  try {
    await timeOurs(context); // warm-up: module loading and JIT, not the build's work
    const ours: number[] = [];
    for (let i = 0; i < RUNS; i++) ours.push(await timeOurs(context));
    console.log(`  layerlab build   ${median(ours).toFixed(0).padStart(6)} ms (median of ${RUNS}: ${ours.map((m) => m.toFixed(0)).join(', ')})`);
    if (!hasBuildah) {
      console.log('  buildah          skipped: buildah is not installed (run tests/helpers/ensure-image-tools.sh as root)');
      return;
    }
    const theirs: number[] = [];
    for (let i = 0; i < RUNS; i++) theirs.push(await timeBuildah(context));
    console.log(`  buildah bud      ${median(theirs).toFixed(0).padStart(6)} ms (median of ${RUNS}: ${theirs.map((m) => m.toFixed(0)).join(', ')})`);
    const ratio = median(ours) / median(theirs);
    console.log(`  ratio ours/buildah ${ratio.toFixed(2)}x (goal ≤ 0.50x) ${ratio <= 0.5 ? 'met' : 'NOT met'}`);
  } finally {
    await rm(context, { recursive: true, force: true });
  }
}
