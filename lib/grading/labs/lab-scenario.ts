import { createHubImages, createTerminalSession, memoryHostIo, openShellContext, terminalWiring, WORKSTATION, type HostIo, type TerminalSession } from '@/lib/cli';
import type { LabExercise } from '@/lib/content';
import { createMemoryStore, createRegistries, type BuildResult } from '@/lib/engine';
import { wasmSha256, type Sha256Factory } from '@/lib/util';
import type { GradingFs, LabResult } from '../checks/types';
import { buildLabImage } from './build-lab';
import { gradeLabAttempt } from './to-lab-definition';

type ShellFs = Awaited<ReturnType<HostIo['fs']>>;

/** The workstation's workspace as the terminal shows it (HostSpec home, the browser's /workspace). */
export const LAB_WORKSPACE = '/workspace';
/** The scenario's clock starts here and moves a minute per line, so CREATED columns and `until=` filters are stable. */
export const LAB_EPOCH = Date.parse('2026-01-01T00:00:00Z');
const STEP_MS = 60_000;

export interface LabScenarioOptions {
  /** The hasher for layers (the worker's WebCrypto one-shot hasher); lib/util's wasm one by default. */
  readonly sha256?: Sha256Factory;
}

/** Writes `files` (workspace path → text) under /workspace, creating folders. */
export async function writeLabFiles(fs: ShellFs, files: Readonly<Record<string, string>>, root = LAB_WORKSPACE): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    const full = `${root}/${path.replace(/^\.?\/+/, '')}`;
    await fs.mkdir(full.slice(0, full.lastIndexOf('/')), { recursive: true });
    await fs.writeFile(full, text);
  }
}

const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/**
 * A workspace as the checks read it (the headless runner's, the CLI's folder, the browser's):
 * paths relative to its root and never outside it, null when there is no such file; any other
 * failure is thrown, so a broken disk is not graded as a missing file.
 */
export function gradingFsOf(fs: { readFile(path: string): Promise<Uint8Array> }, root = LAB_WORKSPACE): GradingFs {
  const base = root.replace(/\/+$/, '');
  return {
    readFile: async (path) => {
      const relative = path.replace(/^\.?\/+/, '');
      if (relative.split('/').includes('..')) return null;
      try {
        return await fs.readFile(`${base}/${relative}`);
      } catch (error) {
        if (MISSING.has(String((error as { code?: unknown } | null)?.code))) return null;
        throw error;
      }
    },
  };
}

/**
 * Plays a lab as a student would, headless, and grades the result (`layerlab content check`, the
 * authoring page's "Run solution" / "Run starter", tests): a scratch memory store per host, a
 * memory workspace and memory registries (Docker Hub's built-in images, the modeled private
 * registries), then the terminal of lib/cli:
 *
 * 1. `setup` lines run (not part of the history the checks read);
 * 2. the starter's files are written and its commands run;
 * 3. for `solution`, the solution's files are written over them and its commands run — the
 *    reference solution is applied on top of the starter, as a student would work;
 * 4. `lab.build`, when given, is built from the workspace (`docker build -t TAG .`);
 * 5. the checks grade the store, the registries, the workspace, that build and the lines typed
 *    after setup.
 *
 * The transcript shows each line after `$ ` with what the terminal printed (and `[exit N]` for a
 * failed line). No Node built-ins: it runs in the browser's worker too.
 */
export async function runLabScenario(lab: LabExercise, which: 'starter' | 'solution', options: LabScenarioOptions = {}): Promise<{ result: LabResult; transcript: string }> {
  const sha256 = options.sha256 ?? wasmSha256;
  let clock = LAB_EPOCH;
  const now = () => clock;
  const hosts = memoryHostIo();
  const registryStore = createMemoryStore();
  const registries = createRegistries({ store: registryStore, sha256, builtin: createHubImages(sha256) });
  let transcript = '';
  const out = { stdout: (t: string) => (transcript += t), stderr: (t: string) => (transcript += t) };
  let session: TerminalSession | undefined;
  try {
    session = await createTerminalSession({ ...terminalWiring({ registries, now }), hostIo: hosts, sha256, now, tty: false });
    const workstation = await hosts.store(WORKSTATION);
    const workspace = await hosts.fs(WORKSTATION);
    const type = async (line: string) => {
      transcript += `$ ${line}\n`;
      await session?.runInput(`${line}\n`, out);
      const ended = await session?.endInput(out);
      if (ended !== undefined && ended.exitCode !== 0) transcript += `[exit ${ended.exitCode}]\n`;
      clock += STEP_MS;
    };
    if (lab.setup.length > 0) transcript += '# setup\n';
    for (const line of lab.setup) await type(line);
    const mark = session.history.length;
    transcript += `# ${which}\n`;
    await writeLabFiles(workspace, lab.starter.files);
    for (const line of lab.starter.commands) await type(line);
    if (which === 'solution') {
      await writeLabFiles(workspace, lab.solution.files);
      for (const line of lab.solution.commands) await type(line);
    }
    const history = session.history.slice(mark);
    let lastBuild: BuildResult | undefined;
    const context = await openShellContext(workspace, LAB_WORKSPACE);
    if (lab.build !== undefined) {
      transcript += `# check: docker build -t ${lab.build.tag}${lab.build.dockerfile !== undefined ? ` -f ${lab.build.dockerfile}` : ''} .\n`;
      lastBuild = await buildLabImage(lab.build, { store: workstation, context, sha256, now, output: out.stdout });
    }
    const result = await gradeLabAttempt(lab, { store: workstation, registries, history, workspace: gradingFsOf(workspace), context, sha256, now: clock, ...(lastBuild !== undefined ? { lastBuild } : {}) });
    transcript += `# ${result.passed ? 'passed' : 'not passed'}: ${result.score}/${result.max}\n${result.feedback.map((line) => `${line}\n`).join('')}`;
    return { result, transcript };
  } finally {
    await session?.close();
    for (const store of hosts.stores.values()) await store.close();
    await registryStore.close();
  }
}
