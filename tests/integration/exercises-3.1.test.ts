/**
 * Lesson 3.1's quiz questions (content/lessons/3.1/exercises.yaml and interview.yaml) against the
 * material's answer keys, graded as `layerlab grade ID --answer TEXT` grades them: fill-in with the blank's words,
 * true/false with `true`/`false`, choice with letters, numeric with a number and unit, open with
 * text. Also the accuracy of the keyword check on the interview questions: the labelled set of
 * lib/grading/rubrics/3.1-labelled.ts graded with the rubrics as written in the YAML.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectHeadings, isLabExercise, loadCourse, parseExerciseFile, parseLesson, type Exercise, type OpenExercise, type QuizExercise } from '@/lib/content';
import { gradeQuestion, measureAgreement, pearson, type GradeResult } from '@/lib/grading';
import {
  HELD_OUT_LAYERS,
  HELD_OUT_OPTIMIZE,
  HELD_OUT_SAVE_EXPORT,
  LAYERS_ANSWERS,
  OPTIMIZE_ANSWERS,
  SAVE_EXPORT_ANSWERS,
  type AnswerCategory,
  type LabelledAnswer,
} from '@/lib/grading/rubrics/3.1-labelled';

const PATH = 'content/lessons/3.1/exercises.yaml';
const INTERVIEW_PATH = 'content/lessons/3.1/interview.yaml';
const LESSON_PATH = 'content/lessons/3.1/lesson.md';
const practice = parseExerciseFile(PATH, readFileSync(PATH, 'utf8'));
const interview = parseExerciseFile(INTERVIEW_PATH, readFileSync(INTERVIEW_PATH, 'utf8'));
const parsed = { exercises: [...practice.exercises, ...interview.exercises], issues: [...practice.issues, ...interview.issues] };
const lesson = parseLesson(LESSON_PATH, readFileSync(LESSON_PATH, 'utf8'));

function exercise(id: string): QuizExercise {
  const found = parsed.exercises.find((e) => e.id === id);
  if (found === undefined) throw new Error(`no exercise ${id} in ${PATH}`);
  if (isLabExercise(found)) throw new Error(`${id} is a lab`);
  return found;
}

function openExercise(id: string): OpenExercise {
  const found = exercise(id);
  if (found.kind !== 'open') throw new Error(`${id} is not an open question`);
  return found;
}

const grade = (id: string, answer: string): GradeResult => gradeQuestion(exercise(id), answer);

const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `3.1/${prefix}-${i + 1}`);
const IDS = [...range('fill', 6), ...range('tf', 7), ...range('mc', 5), '3.1/multi-1', '3.1/num-1', ...range('interview', 3)];

/** The material's answer keys ("Practice Questions" → Answers), as `layerlab grade --answer` takes them. */
const KEYS: Readonly<Record<string, string>> = {
  '3.1/fill-1': 'layers',
  '3.1/fill-2': 'layer',
  '3.1/fill-3': 'Docker Hub',
  '3.1/fill-4': 'latest',
  '3.1/fill-5': '.dockerignore',
  '3.1/fill-6': 'size',
  '3.1/tf-1': 'false',
  '3.1/tf-2': 'true',
  '3.1/tf-3': 'true',
  '3.1/tf-4': 'false',
  '3.1/tf-5': 'true',
  '3.1/tf-6': 'true',
  '3.1/tf-7': 'false',
  '3.1/mc-1': 'B',
  '3.1/mc-2': 'C',
  '3.1/mc-3': 'C',
  '3.1/mc-4': 'B',
  '3.1/mc-5': 'B',
  '3.1/multi-1': 'A,C,B',
  '3.1/num-1': '81 MB',
};

describe('lesson 3.1 exercise files', () => {
  it('parses without a single issue', () => {
    expect(parsed.issues).toEqual([]);
  });

  it('loads into the course with the lesson, every section placed under one of its headings', () => {
    const files = new Map<string, string>();
    for (const entry of readdirSync('content/lessons/3.1', { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = `${entry.parentPath}/${entry.name}`;
      files.set(path, readFileSync(path, 'utf8'));
    }
    const { course, issues } = loadCourse(files);
    expect(issues.filter((i) => [PATH, INTERVIEW_PATH, LESSON_PATH].includes(i.path))).toEqual([]);
    const ids = course.lessonExercises('3.1').map((e) => e.id);
    expect(ids.filter((id) => IDS.includes(id))).toEqual(IDS);
    expect(course.exercise('3.1/interview-2')?.kind).toBe('open');
  });

  it('has every question of the material, in its order', () => {
    expect(parsed.exercises.map((e) => e.id)).toEqual(IDS);
    expect(new Set(parsed.exercises.map((e: Exercise) => e.lesson))).toEqual(new Set(['3.1']));
  });

  it('gives every question 1–3 hints, an explanation, a tag and a section that is a heading of the lesson', () => {
    const slugs = new Set(collectHeadings(lesson.body).map((h) => h.id));
    for (const e of parsed.exercises) {
      expect(e.hints.length, e.id).toBeGreaterThanOrEqual(1);
      expect(e.hints.length, e.id).toBeLessThanOrEqual(3);
      expect(e.explanation.trim().length, e.id).toBeGreaterThan(20);
      expect(e.tags, e.id).toEqual([e.id.includes('interview') ? 'interview' : 'practice']);
      expect(slugs.has(e.section ?? ''), `${e.id} section "${e.section}"`).toBe(true);
    }
  });

  it('writes one ___ blank per fill-in prompt and none anywhere else', () => {
    for (const e of parsed.exercises) {
      const blanks = e.prompt.match(/_{3,}/g)?.length ?? 0;
      expect(blanks, e.id).toBe(e.kind === 'fill-in' ? 1 : 0);
      for (const hint of e.hints) expect(hint, e.id).not.toMatch(/_{3,}/);
    }
  });
});

describe('answer keys', () => {
  it.each(Object.entries(KEYS))('%s: the key %j gets full marks', (id, key) => {
    const result = grade(id, key);
    expect(result.score).toBe(result.max);
    expect(result.passed).toBe(true);
  });

  it.each([
    ['3.1/fill-1', 'containers'],
    ['3.1/fill-2', 'container'],
    ['3.1/fill-3', 'quay.io'],
    ['3.1/fill-4', 'stable'],
    ['3.1/fill-5', 'Dockerfile'],
    ['3.1/fill-6', 'speed'],
    ['3.1/fill-3', ''],
  ])('%s: the wrong answer %j scores 0', (id, answer) => {
    const result = grade(id, answer);
    expect(result.score).toBe(0);
    expect(result.passed).toBe(false);
  });

  it('true/false: the opposite of each key scores 0 and says why', () => {
    for (const id of range('tf', 7)) {
      const key = KEYS[id] as string;
      const result = grade(id, key === 'true' ? 'false' : 'true');
      expect(result.score, id).toBe(0);
      expect(result.feedback[0], id).toMatch(/^Not quite/);
      expect(grade(id, key).feedback[0], id).toMatch(/^Right/);
    }
  });

  it('choice: every other letter scores 0; letters are case-insensitive; one option only', () => {
    for (const id of range('mc', 5)) {
      const key = KEYS[id] as string;
      for (const letter of ['A', 'B', 'C', 'D'].filter((l) => l !== key)) expect(grade(id, letter).score, `${id} ${letter}`).toBe(0);
      expect(grade(id, key.toLowerCase()).passed, id).toBe(true);
    }
    expect(grade('3.1/mc-2', 'B,C')).toMatchObject({ score: 0, feedback: ['Choose only one option.'] });
    expect(grade('3.1/mc-2', 'B').feedback).toContain('B: Without `-a`, prune removes only dangling (untagged) images.');
  });

  it('choose-all: partial credit for some right letters, wrong letters cost, never below zero', () => {
    expect(grade('3.1/multi-1', 'A,B,C')).toMatchObject({ score: 1, passed: true });
    expect(grade('3.1/multi-1', 'A,B').passed).toBe(false);
    expect(grade('3.1/multi-1', 'A,B').score).toBeCloseTo(2 / 3, 2);
    expect(grade('3.1/multi-1', 'A,B,C,D')).toMatchObject({ passed: false });
    expect(grade('3.1/multi-1', 'A,B,C,D').score).toBeCloseTo(2 / 3, 2);
    expect(grade('3.1/multi-1', 'A,B,C,D').feedback[0]).toMatch(/^D: A container's changes/);
    expect(grade('3.1/multi-1', 'D,E').score).toBe(0);
  });

  it('true/false takes t/f and yes/no as the CLI does', () => {
    expect(grade('3.1/tf-1', 'F').passed).toBe(true);
    expect(grade('3.1/tf-2', 'yes').passed).toBe(true);
    expect(grade('3.1/tf-2', 'maybe')).toMatchObject({ score: 0, feedback: ['Answer true or false.'] });
  });

  it('numeric: the storage figure in any size unit; the unshared total and the saving are named as such', () => {
    expect(grade('3.1/num-1', '81').passed).toBe(true);
    expect(grade('3.1/num-1', '0.081 GB').passed).toBe(true);
    const unshared = grade('3.1/num-1', '161 MB');
    expect(unshared.score).toBe(0);
    expect(unshared.feedback[0]).toMatch(/without sharing/);
    expect(grade('3.1/num-1', '80 MB').feedback[0]).toMatch(/what sharing saves/);
    expect(grade('3.1/num-1', '86 MB').score).toBe(0);
  });
});

describe("the material's alternative answers", () => {
  it.each(['Docker Hub', 'docker.io', 'registry-1.docker.io', 'DOCKER HUB', 'dockerhub', '"docker.io"'])('3.1/fill-3 accepts %j', (answer) => {
    expect(grade('3.1/fill-3', answer).passed).toBe(true);
  });

  it.each(['size', 'footprint', 'Size.', 'image size'])('3.1/fill-6 accepts %j', (answer) => {
    expect(grade('3.1/fill-6', answer).passed).toBe(true);
  });

  it('gives half marks with a reason for the website and for the file name without its dot', () => {
    const site = grade('3.1/fill-3', 'hub.docker.com');
    expect(site.score).toBe(0.5);
    expect(site.feedback[0]).toMatch(/website/);
    expect(grade('3.1/fill-5', 'dockerignore')).toMatchObject({ score: 0.5, passed: false });
    expect(grade('3.1/fill-5', '.gitignore').feedback[0]).toMatch(/Git's file/);
  });
});

describe('typo tolerance', () => {
  it.each([
    ['3.1/fill-1', 'layres', 'layers'],
    ['3.1/fill-2', 'layr', 'layer'],
    ['3.1/fill-3', 'Dokcer Hub', 'Docker Hub'],
    ['3.1/fill-6', 'footprnt', 'footprint'],
    ['3.1/fill-6', 'szie', 'size'],
  ])('%s accepts the slip %j and spells the word (%s)', (id, answer, word) => {
    const result = grade(id, answer);
    expect(result.passed).toBe(true);
    expect(result.feedback[0]).toBe(`accepted with a spelling slip; it is spelled "${word}".`);
  });

  it.each([
    ['3.1/fill-4', 'lastest', 'a tag is spelled exactly'],
    ['3.1/fill-4', 'latset', 'a tag is spelled exactly'],
    ['3.1/fill-3', 'docker.oi', 'a host name is literal'],
    ['3.1/fill-5', '.dockerignroe', 'a file name is literal'],
    ['3.1/fill-6', 'sze', 'no slips in words of three letters'],
    ['3.1/fill-1', 'lyrs', 'two edits are too many for a six-letter word'],
  ])('%s refuses %j (%s)', (id, answer) => {
    expect(grade(id, answer).score).toBe(0);
  });
});

const SETS: readonly [string, readonly LabelledAnswer[], readonly LabelledAnswer[]][] = [
  ['3.1/interview-1', LAYERS_ANSWERS, HELD_OUT_LAYERS],
  ['3.1/interview-2', OPTIMIZE_ANSWERS, HELD_OUT_OPTIMIZE],
  ['3.1/interview-3', SAVE_EXPORT_ANSWERS, HELD_OUT_SAVE_EXPORT],
];

const REQUIRED_CATEGORIES: readonly AnswerCategory[] = ['correct', 'partial', 'negated', 'keyword-stuffed', 'off-topic', 'misspelled', 'very-short', 'very-long'];

describe('interview questions: the keyword check against instructor labels', () => {
  it('gives each model answer full marks', () => {
    for (const id of range('interview', 3)) {
      const q = openExercise(id);
      const result = gradeQuestion(q, q.modelAnswer);
      expect(result.score, id).toBe(result.max);
      expect(result.max, id).toBe(10);
    }
  });

  it('has at least 15 labelled answers per question, of every category', () => {
    for (const [id, answers] of SETS) {
      expect(answers.length, id).toBeGreaterThanOrEqual(15);
      const categories = new Set(answers.map((a) => a.category));
      for (const category of REQUIRED_CATEGORIES) expect(categories.has(category), `${id} ${category}`).toBe(true);
    }
  });

  it('agrees with the instructor within 20% on at least 85% of the answers', () => {
    const labels: number[] = [];
    const autos: number[] = [];
    let within = 0;
    let count = 0;
    const lines: string[] = [];
    for (const [id, answers, heldOut] of SETS) {
      const question = openExercise(id);
      const main = measureAgreement(question, answers);
      const held = measureAgreement(question, heldOut);
      for (const r of [...main.rows, ...held.rows]) {
        labels.push(r.label);
        autos.push(r.auto);
      }
      within += main.within + held.within;
      count += main.count + held.count;
      lines.push(
        `${id}: ${main.within}/${main.count} within 20% (${(main.share * 100).toFixed(0)}%), r = ${main.pearson.toFixed(2)}; held-out ${held.within}/${held.count}, r = ${held.pearson.toFixed(2)}`,
      );
      expect(main.share, id).toBeGreaterThanOrEqual(0.85);
    }
    const r = pearson(labels, autos);
    lines.push(`all: ${within}/${count} within 20% (${((within / count) * 100).toFixed(1)}%), Pearson r = ${r.toFixed(3)}`);
    console.log(`Keyword-check agreement with instructor labels (rubrics from ${INTERVIEW_PATH}):\n  ${lines.join('\n  ')}`);
    expect(within / count).toBeGreaterThanOrEqual(0.85);
    expect(r).toBeGreaterThan(0.8);
  });

  it('reports the concepts of a full answer as found, with the words that matched', () => {
    const result = gradeQuestion(openExercise('3.1/interview-3'), SAVE_EXPORT_ANSWERS[0]?.text ?? '');
    expect(result.score).toBe(result.max);
    expect(result.passed).toBe(true);
    expect(result.concepts?.missing).toEqual([]);
    expect(result.concepts?.found.find((c) => c.id === 'export-container')?.phrase).toMatch(/export/);
    expect(result.feedback[0]).toBe('Keyword check: 6/6 concepts.');
  });

  it('gives a swapped answer (export keeps layers, save flattens) no credit and names the misconceptions', () => {
    const result = gradeQuestion(
      openExercise('3.1/interview-3'),
      'docker export keeps all the layers and the history of the image, while docker save flattens the container into a single layer.',
    );
    expect(result.score).toBeLessThanOrEqual(2);
    expect(result.concepts?.misconceptions.map((m) => m.id).sort()).toEqual(['export-keeps', 'save-container']);
    expect(result.feedback).toContain('export keeps no layers, history or tags: it writes one flat filesystem.');
  });

  it('names what a partial answer misses', () => {
    const result = gradeQuestion(openExercise('3.1/interview-2'), 'I would change the base image to alpine, which is only about 5 MB instead of ubuntu.');
    expect(result.passed).toBe(false);
    expect(result.concepts?.found.map((c) => c.id)).toEqual(['small-base']);
    expect(result.feedback).toContain('Use a multi-stage build so compilers and build dependencies stay out of the final image.');
  });
});
