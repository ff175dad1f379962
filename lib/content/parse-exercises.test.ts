import { describe, expect, it } from 'vitest';
import { formatCourseIssue } from './course-issues';
import type { ChoiceExercise, FillInExercise, LabExercise, OpenExercise } from './exercise-types';
import { EXERCISES_31, fixtureCourse } from './fixtures/course';
import { parseExerciseFile } from './parse-exercises';

const path = 'content/lessons/3.1/exercises.yaml';

/** The formatted issues of one file. */
function problems(text: string, at = path, files?: ReadonlyMap<string, string>): string[] {
  return parseExerciseFile(at, text, files).issues.map(formatCourseIssue);
}

const base = (id: string, kind: string) => `  - id: ${id}\n    kind: ${kind}\n    title: T\n    prompt: P ___\n    explanation: E\n`;

describe('parseExerciseFile', () => {
  it('reads quiz items and labs with defaults and resolved lab folders', () => {
    const { exercises, issues } = parseExerciseFile(path, EXERCISES_31, fixtureCourse());
    expect(issues).toEqual([]);
    expect(exercises.map((e) => e.id)).toEqual(['3.1/fill-1', '3.1/tf-1', '3.1/lab-layers']);
    const fill = exercises[0] as FillInExercise;
    expect(fill).toMatchObject({ lesson: '3.1', hints: [], section: 'image-layers', kind: 'fill-in' });
    expect(fill.blanks[0]?.answers).toEqual([{ text: 'Docker Hub' }, { text: 'hub.docker.com', score: 0.5 }]);
    const lab = exercises[2] as LabExercise;
    expect(lab.setup).toEqual([]);
    expect(lab.starter).toEqual({
      dir: 'labs/lab-layers/starter',
      files: { Dockerfile: 'FROM python:3.12\nCOPY . .\n', 'app.py': 'print("hi")\n' },
      commands: [],
    });
    expect(lab.solution.commands).toEqual(['docker build -t app .']);
    expect(Object.keys(lab.solution.files)).toEqual(['Dockerfile']);
    expect(lab.checks[0]).toEqual({ id: 'built', kind: 'image-exists', ref: 'app:latest', required: true });
  });

  it('points at the exact field and line of a wrong type', () => {
    const text = `questions:\n${base('3.1/fill-1', 'fill-in')}    blanks:\n      - answers:\n          - text: 5\n`;
    expect(problems(text)).toEqual([`${path}:9: questions[0].blanks[0].answers[0].text: expected string`]);
  });

  it("takes a test-mode penalty between 0 and 1 of the exercise's points", () => {
    const tf = (penalty: string) => `questions:\n${base('3.1/tf-1', 'true-false').replace('P ___', 'P')}    answer: true\n    penalty: ${penalty}\n`;
    expect(parseExerciseFile(path, tf('0.25')).exercises[0]).toMatchObject({ penalty: 0.25 });
    expect(problems(tf('1.5'))).toEqual([`${path}:8: questions[0].penalty: must be between 0 and 1`]);
  });

  it('names a missing field and suggests the key the author meant', () => {
    const text = `questions:\n  - id: 3.1/tf-1\n    kind: true-false\n    title: T\n    prompt: P\n    explanation: E\n    hint: [a]\n`;
    expect(problems(text)).toEqual([
      `${path}:2: questions[0].answer: required (expected boolean)`,
      `${path}:7: questions[0]: unknown key "hint" (did you mean "hints"?)`,
    ]);
  });

  it('refuses unknown kinds with a suggestion and kinds in the wrong list', () => {
    const text = `questions:\n${base('3.1/a', 'fill-inn')}${base('3.1/b', 'lab')}labs:\n${base('3.1/c', 'choice')}`;
    expect(problems(text)).toEqual([
      `${path}:3: questions[0].kind: unknown kind "fill-inn" (did you mean "fill-in"?) (expected one of "fill-in", "true-false", "choice", "numeric", "open")`,
      `${path}:8: questions[1].kind: "lab" belongs under labs:`,
      `${path}:14: labs[0].kind: "choice" belongs under questions:`,
    ]);
  });

  it('checks ids: form, folder and uniqueness', () => {
    const tf = (id: string) => `  - { id: ${id}, kind: true-false, title: T, prompt: P, answer: false, explanation: E }\n`;
    const text = `questions:\n${tf('3.1/tf-1')}${tf('3.2/tf-2')}${tf('3.1/tf-1')}${tf('3.1/Bad_Name')}`;
    expect(problems(text)).toEqual([
      `${path}:3: questions[1].id: "3.2/tf-2" does not match its folder "3.1" (expected "3.1/tf-2")`,
      `${path}:4: questions[2].id: duplicate id "3.1/tf-1" (also ${path} questions[0])`,
      `${path}:5: questions[3].id: expected "<lesson>/<name>" such as "3.1/fill-1" (name: a-z, 0-9, -)`,
    ]);
  });

  it('checks choice options: letters, duplicates, a correct one', () => {
    const choice = (options: string) => `questions:\n${base('3.1/mc-1', 'choice')}    options:\n${options}`;
    expect(problems(choice('      - { id: A, text: a, correct: true }\n      - { id: A, text: b }\n'))).toEqual([
      `${path}:9: questions[0].options[1].id: duplicate option id "A"`,
    ]);
    expect(problems(choice('      - { id: A, text: a }\n      - { id: b, text: b, score: -2 }\n'))).toEqual([
      `${path}:7: questions[0].options: no correct option (mark one with correct: true or a positive score)`,
      `${path}:9: questions[0].options[1].id: expected one capital letter (A, B, …)`,
      `${path}:9: questions[0].options[1].score: must be between -1 and 1`,
    ]);
    expect(problems(choice('      - { id: A, text: a }\n      - { id: B, text: b, score: -1 }\n'))).toEqual([
      `${path}:7: questions[0].options: no correct option (mark one with correct: true or a positive score)`,
    ]);
    const ok = parseExerciseFile(path, choice('      - { id: A, text: a, score: 0.5 }\n      - { id: B, text: b, correct: true }\n'));
    expect((ok.exercises[0] as ChoiceExercise).options.map((o) => o.id)).toEqual(['A', 'B']);
  });

  it('counts the blanks of a fill-in prompt against its blanks', () => {
    const text = `questions:\n  - id: 3.1/fill-2\n    kind: fill-in\n    title: T\n    prompt: "___ and ____"\n    explanation: E\n    blanks:\n      - answers: [{ text: a }]\n`;
    expect(problems(text)).toEqual([`${path}:5: questions[0].prompt: has 2 blanks (___) but blanks lists 1`]);
  });

  it('refuses negative tolerances and duplicate rubric concepts', () => {
    const numeric = `questions:\n${base('3.1/num-1', 'numeric')}    answers:\n      - { value: 2048, tolerance: -1 }\n`;
    expect(problems(numeric)).toEqual([`${path}:8: questions[0].answers[0].tolerance: must not be negative`]);
    const open = [
      'questions:',
      base('3.1/interview-1', 'open').trimEnd(),
      '    modelAnswer: M',
      '    rubric:',
      '      concepts:',
      '        - { id: layers, label: L, points: 1, any: [layer] }',
      '        - { id: layers, label: L2, points: 1, any: [cache] }',
      '        - { id: empty, label: L3, points: 1 }',
      '',
    ].join('\n');
    expect(problems(open)).toEqual([
      `${path}:11: questions[0].rubric.concepts[1].id: duplicate id "layers"`,
      `${path}:12: questions[0].rubric.concepts[2]: needs "any" or "all" phrases`,
    ]);
    const ok = parseExerciseFile(path, open.replace(/\n {8}- \{ id: layers, label: L2.*\n.*\n/, '\n'));
    expect(ok.issues).toEqual([]);
    expect((ok.exercises[0] as OpenExercise).rubric.concepts).toHaveLength(1);
  });

  it('reports YAML syntax errors with line and column and reads no exercises', () => {
    const result = parseExerciseFile(path, 'questions:\n  - id: a\n    id: b\n  - [unclosed\n');
    expect(result.exercises).toEqual([]);
    const lines = result.issues.map(formatCourseIssue);
    expect(lines[0]).toBe(`${path}:3:5: invalid YAML: Map keys must be unique`);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[1]).toMatch(new RegExp(`^${path.replace(/\./g, '\\.')}:\\d+:\\d+: invalid YAML: `));
  });

  it('parses YAML as plain data only: no custom tags, no alias bombs, no merge keys', () => {
    expect(problems('questions: !!js/function "function () {}"\n')).toEqual([
      `${path}:1:12: invalid YAML: Unresolved tag: tag:yaml.org,2002:js/function`,
    ]);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'questions: [*c, *c, *c, *c]', ''];
    const [issue] = problems(bomb.join('\n'));
    expect(issue).toMatch(/^content\/lessons\/3\.1\/exercises\.yaml: invalid YAML: .*alias/i);
    expect(problems('base: &b { kind: true-false }\nquestions:\n  - { <<: *b, id: 3.1/x }\n')[0]).toBe(`${path}:1: unknown key "base"`);
  });

  it('reports an empty file and a file that is not a mapping', () => {
    expect(problems('')).toEqual([`${path}: the file is empty (expected "questions:" and/or "labs:")`]);
    expect(problems('- a\n')).toEqual([`${path}:1: expected a mapping with "questions:" and/or "labs:"`]);
  });

  it('checks that lab folders exist and stay inside the lesson folder', () => {
    const lab = (starterDir: string) =>
      `labs:\n${base('3.1/lab-x', 'lab')}    starter: { dir: ${starterDir} }\n    solution: { files: { Dockerfile: "FROM alpine\\n" } }\n    checks: [{ id: a, kind: image-exists }]\n`;
    expect(problems(lab('labs/missing'), path, fixtureCourse())).toEqual([`${path}:7: labs[0].starter.dir: no files under content/lessons/3.1/labs/missing/`]);
    expect(problems(lab('../3.2'), path, fixtureCourse())).toEqual([`${path}:7: labs[0].starter.dir: "../3.2" leaves the folder of ${path}`]);
    expect(problems(lab('/etc'), path, fixtureCourse())).toEqual([`${path}:7: labs[0].starter.dir: expected a relative folder path`]);
    const ok = parseExerciseFile(path, lab('labs/lab-layers/solution'), fixtureCourse());
    expect(ok.issues).toEqual([]);
    expect((ok.exercises[0] as LabExercise).solution.files).toEqual({ Dockerfile: 'FROM alpine\n' });
  });

  it('keeps the valid exercises of a file that has broken ones', () => {
    const text = `questions:\n  - { id: 3.1/tf-1, kind: true-false, title: T, prompt: P, answer: yes, explanation: E }\n  - { id: 3.1/tf-2, kind: true-false, title: T, prompt: P, answer: true, explanation: E }\n`;
    const result = parseExerciseFile(path, text);
    expect(result.exercises.map((e) => e.id)).toEqual(['3.1/tf-2']);
    expect(result.issues.map(formatCourseIssue)).toEqual([`${path}:2: questions[0].answer: expected boolean`]);
  });
});
