import { formatCourseIssue, isLabExercise, loadCourse, type Course, type Exercise, type LabExercise, type QuizExercise } from '@/lib/content';
import { createRegistries, type Store } from '@/lib/engine';
import { buildLabImage, editDistance, gradeLabAttempt, gradeQuestion, gradingFsOf, historyFromSnapshot, type GradeResult, type LabResult } from '@/lib/grading';
import { wasmSha256 } from '@/lib/util';
import { createHubImages } from '../docker/registry';
import { parseOptions, STATE_OPTION, UsageError } from '../common/options';
import { decodeUtf8, type CliIO } from './io';
import { requireCapability, stateDirOf } from './state';

export const GRADE_USAGE = `Usage:  layerlab grade ID --answer TEXT [--json]
        layerlab grade ID --answer-file FILE [--json]
        layerlab grade ID --workspace DIR [--state DIR] [--json]

Grade an answer to a quiz question, or a lab as the workspace and the state directory hold it.
Quiz answers: fill-in as text (several blanks separated by |), true/false as true or false,
choice as letters (C or A,C), numeric as a number with an optional unit, open as text.
Labs: builds what the lab builds from the workspace, then checks the images, the registries
and the command history that \`layerlab sh\` left in the state directory.

Options:
      --answer string        The answer
      --answer-file string   Read the answer from a file (- for stdin)
      --workspace string     The lab's workspace directory
      --state string         State directory (default $LAYERLAB_STATE or ./.layerlab)
      --content string       The course folder (default ./content)
      --json                 Print {"id","score","max","passed","feedback"} (+ concepts, checks)

Exit status: 0 passed, 1 graded but not passed, 2 usage error, unknown exercise or broken content.
`;

/** Exit statuses of `layerlab grade` (documented in its help). */
export const GRADE_EXIT = { passed: 0, notPassed: 1, usage: 2 } as const;

/** A problem that is not the answer's (no such exercise, unreadable course): printed, exit status 2. */
export class GradeFailure extends Error {}

/** The course under `--content DIR` (default `./content`); broken files are skipped but listed on stderr. */
export async function loadCourseFrom(io: CliIO, dir: string | undefined, subs?: readonly string[]): Promise<{ course: Course; files: Map<string, string>; issues: string[] }> {
  const read = requireCapability(io, 'readContent', 'reading a course folder');
  const root = dir ?? `${(io.cwd ?? '.').replace(/\/+$/, '')}/content`;
  let files: Map<string, string>;
  try {
    files = await read(root, subs);
  } catch (error) {
    throw new GradeFailure(error instanceof Error ? error.message : String(error));
  }
  const { course, issues } = loadCourse(files);
  return { course, files, issues: issues.map(formatCourseIssue) };
}

/** `layerlab: unknown exercise "3.1/fil-1"` and, as cobra suggests commands, the closest ids. */
function unknownExercise(id: string, course: Course): string {
  const ranked = course.exercises
    .map((e) => ({ id: e.id, d: editDistance(id.toLowerCase(), e.id.toLowerCase()) }))
    .filter((c) => c.d <= Math.max(2, Math.floor(id.length / 4)))
    .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1))
    .filter((c, _, all) => c.d === all[0]?.d)
    .slice(0, 3);
  const hint = ranked.length === 0 ? '' : `\n\nDid you mean ${ranked.length === 1 ? 'this' : 'one of these'}?\n${ranked.map((c) => `\t${c.id}\n`).join('')}`;
  return `layerlab: unknown exercise ${JSON.stringify(id)}${hint === '' ? '\n' : hint}`;
}

export async function gradeCommand(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await grade(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\nSee 'layerlab grade --help'.\n`);
      return GRADE_EXIT.usage;
    }
    if (error instanceof GradeFailure) {
      io.stderr(error.message.endsWith('\n') ? error.message : `layerlab: ${error.message}\n`);
      return GRADE_EXIT.usage;
    }
    throw error;
  }
}

async function grade(argv: readonly string[], io: CliIO): Promise<number> {
  const options = parseOptions(argv, {
    ...STATE_OPTION,
    answer: { type: 'string' },
    'answer-file': { type: 'string' },
    workspace: { type: 'string' },
    content: { type: 'string' },
    json: { type: 'bool' },
  });
  if (options.bools.has('help')) {
    io.stdout(GRADE_USAGE);
    return 0;
  }
  const [id, ...extra] = options.positionals;
  if (id === undefined || extra.length > 0) throw new UsageError(`"layerlab grade" requires exactly 1 exercise id.`);
  const given = ['answer', 'answer-file', 'workspace'].filter((name) => options.strings.has(name));
  if (given.length > 1) throw new UsageError(`--${given[0]} and --${given[1]} cannot be used together`);
  const { course, issues } = await loadCourseFrom(io, options.strings.get('content'));
  const exercise = course.exercise(id);
  if (exercise === undefined) {
    for (const issue of issues) io.stderr(`${issue}\n`);
    throw new GradeFailure(unknownExercise(id, course));
  }
  const json = options.bools.has('json');
  if (isLabExercise(exercise)) {
    const workspace = options.strings.get('workspace');
    if (workspace === undefined) throw new UsageError(`${id} is a lab: give --workspace DIR (and --state DIR where \`layerlab sh\` ran)`);
    const result = await gradeLabFromState(exercise, workspace, stateDirOf(io, options), io);
    print(io, exercise, result, json);
    return result.passed ? GRADE_EXIT.passed : GRADE_EXIT.notPassed;
  }
  if (given[0] === 'workspace' || given.length === 0) throw new UsageError(`${id} is a ${kindName(exercise)}: give --answer TEXT or --answer-file FILE`);
  const answer = await readAnswer(io, options.strings.get('answer'), options.strings.get('answer-file'));
  const result = gradeQuestion(exercise, answer);
  print(io, exercise, result, json);
  return result.passed ? GRADE_EXIT.passed : GRADE_EXIT.notPassed;
}

function kindName(exercise: QuizExercise): string {
  return exercise.kind === 'open' ? 'written-answer question' : `${exercise.kind} question`;
}

async function readAnswer(io: CliIO, answer: string | undefined, file: string | undefined): Promise<string> {
  if (answer !== undefined) return answer;
  const path = file as string;
  try {
    return decodeUtf8(await io.readFile(path)).replace(/\r\n/g, '\n');
  } catch {
    throw new GradeFailure(`open ${path}: no such file or directory`);
  }
}

/**
 * Grades a lab like the browser's Check button, over the directories `layerlab sh` used: the
 * state store is the daemon, `<state>/registries` the registries, `<state>/terminal.json` the
 * history; `lab.build` is built from the workspace first (progress on stderr, as docker prints it).
 */
async function gradeLabFromState(lab: LabExercise, workspace: string, state: string, io: CliIO): Promise<LabResult> {
  const openStore = requireCapability(io, 'openStore', 'an image store');
  const openContext = requireCapability(io, 'openContext', 'a build context');
  if (!(await io.exists(workspace))) throw new GradeFailure(`${workspace}: no such directory`);
  const sha256 = io.sha256 ?? wasmSha256;
  const dir = state.replace(/\/+$/, '');
  const opened: Store[] = [];
  try {
    const store = await openStore(dir);
    opened.push(store);
    const registryStore = await openStore(`${dir}/registries`);
    opened.push(registryStore);
    const registries = createRegistries({ store: registryStore, sha256, builtin: createHubImages(sha256), fetch: globalThis.fetch.bind(globalThis) });
    const context = await openContext(workspace);
    const now = io.now;
    const lastBuild = lab.build === undefined ? undefined : await buildLabImage(lab.build, { store, context, sha256, ...(now !== undefined ? { now } : {}), output: io.stderr });
    const history = await io.readFile(`${dir}/terminal.json`).then(
      (bytes) => historyFromSnapshot(safeJson(decodeUtf8(bytes))),
      () => [],
    );
    return await gradeLabAttempt(lab, {
      store,
      registries,
      history,
      workspace: gradingFsOf({ readFile: (path) => io.readFile(path) }, workspace),
      context,
      sha256,
      ...(lastBuild !== undefined ? { lastBuild } : {}),
      ...(now !== undefined ? { now: now() } : {}),
    });
  } finally {
    for (const store of opened.reverse()) await store.close();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function print(io: CliIO, exercise: Exercise, result: GradeResult | LabResult, json: boolean): void {
  if (json) {
    io.stdout(`${JSON.stringify(toJson(exercise, result))}\n`);
    return;
  }
  const lines = [`${exercise.id}: ${result.score}/${result.max} ${result.passed ? 'passed' : 'not passed'}`];
  if ('concepts' in result && result.concepts !== undefined) {
    const c = result.concepts;
    const names = (hits: readonly { label: string }[]) => hits.map((h) => h.label).join(', ') || 'none';
    lines.push(`keyword check ${c.found.length}/${c.found.length + c.missing.length + c.negated.length}: found ${names(c.found)}; missing ${names([...c.missing, ...c.negated])}`);
  }
  for (const line of result.feedback) lines.push(line);
  io.stdout(`${lines.join('\n')}\n`);
}

/** `--json`: the issue's shape; open answers add `concepts`, labs add `checks` and `gradable`. */
export function toJson(exercise: Exercise, result: GradeResult | LabResult): Record<string, unknown> {
  const out: Record<string, unknown> = { id: exercise.id, score: result.score, max: result.max, passed: result.passed, feedback: [...result.feedback] };
  if ('concepts' in result && result.concepts !== undefined) {
    const ids = (hits: readonly { id: string }[]) => hits.map((h) => h.id);
    out.concepts = { found: ids(result.concepts.found), missing: ids(result.concepts.missing), negated: ids(result.concepts.negated), misconceptions: ids(result.concepts.misconceptions) };
  }
  if ('checks' in result) {
    out.gradable = result.gradable;
    out.checks = result.checks.map((c) => ({ id: c.id, kind: c.kind, status: c.status, points: c.points, max: c.max, required: c.required, detail: c.detail }));
  }
  return out;
}
