import { isLabExercise, type LabExercise } from '@/lib/content';
import { build, createMemoryContext, createMemoryStore, isEngineError, type Store } from '@/lib/engine';
import { runLabScenario, toLabDefinition } from '@/lib/grading';
import { wasmSha256, type Sha256Factory } from '@/lib/util';
import { sharedHubSource } from '../docker/build/hub-source';
import { parseOptions, UsageError } from '../common/options';
import { GradeFailure, loadCourseFrom } from './grade-command';
import type { CliIO } from './io';

export const CONTENT_USAGE = `Usage:  layerlab content check [DIR] [--json]

Check a course folder (default ./content): every lesson and exercise file against its schema,
every lab's reference solution (it must pass its checks) and starter (it must fail them), and
every example under examples/ (its Dockerfile must build, or fail with the message its
example.json gives as "buildFails"). Prints each problem and a summary.

Options:
      --json   Print {"lessons","exercises","labs","examples","problems":[...]}

Exit status: 0 no problems, 1 problems found, 2 usage error or unreadable folder.
`;

export interface ContentProblem {
  /** `content/lessons/3.1/labs.yaml`, `3.1/lab-layers`, `content/examples/go-scratch`. */
  readonly where: string;
  readonly message: string;
}

export interface ContentReport {
  readonly lessons: number;
  readonly exercises: number;
  readonly labs: number;
  readonly examples: number;
  readonly problems: readonly ContentProblem[];
}

/** `layerlab content check [DIR] [--json]`. */
export async function contentCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    (sub === undefined ? io.stderr : io.stdout)(CONTENT_USAGE);
    return sub === undefined ? 2 : 0;
  }
  if (sub !== 'check') {
    io.stderr(`layerlab content: unknown command ${JSON.stringify(sub)} (the one command is "check")\nSee 'layerlab content --help'.\n`);
    return 2;
  }
  let options;
  try {
    options = parseOptions(rest, { json: { type: 'bool' }, help: { type: 'bool', short: 'h' } });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${error.message}\nSee 'layerlab content --help'.\n`);
    return 2;
  }
  if (options.bools.has('help')) {
    io.stdout(CONTENT_USAGE);
    return 0;
  }
  if (options.positionals.length > 1) {
    io.stderr(`"layerlab content check" accepts at most 1 directory.\nSee 'layerlab content --help'.\n`);
    return 2;
  }
  const json = options.bools.has('json');
  let report: ContentReport;
  try {
    report = await checkContent(io, options.positionals[0], json ? undefined : io.stdout);
  } catch (error) {
    if (error instanceof GradeFailure) {
      io.stderr(`layerlab: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (json) io.stdout(`${JSON.stringify(report)}\n`);
  else {
    for (const p of report.problems) io.stderr(`${p.where}: ${p.message}\n`);
    io.stdout(`${summaryLine(report)}\n`);
  }
  return report.problems.length === 0 ? 0 : 1;
}

export function summaryLine(r: ContentReport): string {
  const n = (count: number, word: string) => `${count} ${count === 1 ? word : `${word}s`}`;
  return `content check: ${n(r.lessons, 'lesson')}, ${n(r.exercises, 'exercise')}, ${n(r.labs, 'lab')}, ${n(r.examples, 'example')}: ${n(r.problems.length, 'problem')}`;
}

/**
 * The whole check. `progress` gets one line per lab as it finishes (the human output); the
 * problems are returned, not printed, so `--json` and tests read them as data.
 */
export async function checkContent(io: CliIO, dir: string | undefined, progress?: (text: string) => void): Promise<ContentReport> {
  const { course, files, issues } = await loadCourseFrom(io, dir, ['lessons', 'examples']);
  const problems: ContentProblem[] = issues.map((issue) => {
    const at = issue.indexOf(': ');
    return { where: issue.slice(0, at), message: issue.slice(at + 2) };
  });
  const labs = course.exercises.filter(isLabExercise);
  for (const lab of labs) {
    const found = await checkLab(lab);
    problems.push(...found);
    progress?.(`${found.length === 0 ? '✓' : '✗'} ${lab.id}: ${found.length === 0 ? 'the solution passes, the starter fails' : `${found.length} problem${found.length === 1 ? '' : 's'}`}\n`);
  }
  const examples = groupExamples(files);
  const store = createMemoryStore();
  try {
    for (const [id, example] of examples) {
      const problem = await checkExample(store, io.sha256 ?? wasmSha256, id, example);
      if (problem !== null) problems.push(problem);
    }
  } finally {
    await store.close();
  }
  return { lessons: course.lessons.length, exercises: course.exercises.length, labs: labs.length, examples: examples.size, problems };
}

/** The last lines of a transcript, to show why a run went the wrong way without flooding. */
function tail(transcript: string, lines = 12): string {
  const all = transcript.trimEnd().split('\n');
  return all.slice(-lines).map((l) => `    ${l}`).join('\n');
}

async function checkLab(lab: LabExercise): Promise<ContentProblem[]> {
  const problems = toLabDefinition(lab).issues.map((message) => ({ where: lab.id, message }));
  if (problems.length > 0) return problems;
  const solution = await runLabScenario(lab, 'solution');
  if (!solution.result.passed) {
    problems.push({ where: lab.id, message: `the reference solution does not pass its checks (${solution.result.score}/${solution.result.max}${solution.result.gradable ? '' : ', not gradable'}):\n${tail(solution.transcript)}` });
  }
  const starter = await runLabScenario(lab, 'starter');
  if (starter.result.passed) problems.push({ where: lab.id, message: `the starter passes the checks; it must fail them:\n${tail(starter.transcript)}` });
  else if (!starter.result.gradable) problems.push({ where: lab.id, message: `the starter's checks could not run:\n${tail(starter.transcript)}` });
  return problems;
}

interface ExampleFiles {
  files: Record<string, string>;
  meta: string | undefined;
}

/** `content/examples/<id>/<path>` → per example, its files (example.json apart). */
function groupExamples(files: ReadonlyMap<string, string>): Map<string, ExampleFiles> {
  const out = new Map<string, ExampleFiles>();
  for (const [path, text] of files) {
    const m = /^content\/examples\/([^/]+)\/(.+)$/.exec(path);
    if (m === null) continue;
    const [, id, rel] = m as unknown as [string, string, string];
    let example = out.get(id);
    if (example === undefined) out.set(id, (example = { files: {}, meta: undefined }));
    if (rel === 'example.json') example.meta = text;
    else example.files[rel] = text;
  }
  return out;
}

/**
 * An example builds as its workspace would: its files plus example.json's `extraContext` (a
 * `.git/` the repository cannot hold), the Dockerfile at the root, the built-in hub.
 */
async function checkExample(store: Store, sha256: Sha256Factory, id: string, example: ExampleFiles): Promise<ContentProblem | null> {
  const where = `content/examples/${id}`;
  let extra: Record<string, string> = {};
  /** example.json `buildFails`: the Dockerfile shows a failure on purpose; it must fail with this message. */
  let expectedError: string | undefined;
  if (example.meta !== undefined) {
    try {
      const meta = JSON.parse(example.meta) as { id?: unknown; extraContext?: Record<string, string>; buildFails?: unknown };
      if (meta.id !== id) return { where: `${where}/example.json`, message: `id is ${JSON.stringify(meta.id)}, not the folder's name ${JSON.stringify(id)}` };
      extra = meta.extraContext ?? {};
      if (typeof meta.buildFails === 'string') expectedError = meta.buildFails;
    } catch (error) {
      return { where: `${where}/example.json`, message: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const dockerfile = example.files.Dockerfile;
  if (dockerfile === undefined) return { where, message: 'has no Dockerfile' };
  try {
    await build({ dockerfile, context: createMemoryContext({ ...example.files, ...extra }), tags: [`example-${id}`] }, { store, sha256, imageSource: sharedHubSource(sha256) });
    return expectedError === undefined ? null : { where: `${where}/Dockerfile`, message: `builds, but example.json says it fails with: ${expectedError}` };
  } catch (error) {
    if (!isEngineError(error)) throw error;
    if (expectedError !== undefined && error.message.includes(expectedError)) return null;
    return { where: `${where}/Dockerfile`, message: `does not build: ${error.message}` };
  }
}
