import { describe, expect, it } from 'vitest';
import type { ChoiceExercise, Exercise, FillInExercise, LabExercise, NumericExercise, OpenExercise, TrueFalseExercise } from '../exercise-types';
import { formatGift } from './format';
import { parseGift } from './parse';

const base = { lesson: '3.1', hints: [], explanation: '' } as const;

const fill: FillInExercise = {
  ...base,
  id: '3.1/fill-1',
  title: 'Default registry',
  kind: 'fill-in',
  prompt: 'Without a host, images come from ___.',
  explanation: 'docker.io is implied.',
  hints: ['It is run by Docker Inc.'],
  blanks: [{ answers: [{ text: 'Docker Hub' }, { text: 'hub.docker.com', score: 0.5, feedback: 'That is the website' }] }],
  feedback: { incorrect: 'Think of Docker Inc.' },
};

const tf: TrueFalseExercise = { ...base, id: '3.1/tf-1', title: 'Layers', kind: 'true-false', prompt: 'Every RUN adds a layer.', answer: true, feedbackFalse: 'It does: one per RUN' };

const multi: ChoiceExercise = {
  ...base,
  id: '3.1/mc-2',
  title: 'Keeps tags',
  kind: 'choice',
  multiple: true,
  prompt: 'Which keep tags?',
  options: [
    { id: 'A', text: 'docker save', correct: true },
    { id: 'B', text: 'docker load', correct: true },
    { id: 'C', text: 'docker export' },
  ],
};

const lab: LabExercise = {
  ...base,
  id: '3.1/lab-layers',
  title: 'Layers lab',
  kind: 'lab',
  prompt: 'Build twice.',
  setup: [],
  starter: { files: {}, commands: [] },
  solution: { files: {}, commands: [] },
  checks: [{ id: 'built', kind: 'image-exists' }],
};

describe('formatGift', () => {
  it('writes Moodle layout: id and tags comment, title, [markdown] prompt, one answer a line, general feedback', () => {
    const { text, skipped } = formatGift([{ ...fill, tags: ['practice'] }]);
    expect(skipped).toEqual([]);
    expect(text).toContain(
      [
        '$CATEGORY: $course$/top/Layerlab/Lesson 3.1',
        '',
        '// [id:3.1/fill-1] [tag:practice]',
        '// note: 1 hint not exported: GIFT has no hints',
        '::Default registry::[markdown]Without a host, images come from {=%100%Docker Hub =%50%hub.docker.com#That is the website =%0%*#Think of Docker Inc. ####docker.io is implied.}.',
      ].join('\n'),
    );
  });

  it('writes true/false with Moodle feedback order (wrong answer first)', () => {
    expect(formatGift([tf]).text).toContain('::Layers::[markdown]Every RUN adds a layer.{TRUE#It does\\: one per RUN}');
    expect(formatGift([{ ...tf, answer: false, feedbackFalse: 'Right', feedbackTrue: undefined }]).text).toContain('{FALSE##Right}');
  });

  it('writes several answers as weights from Moodle grade list, the default ±1/k included', () => {
    expect(formatGift([multi]).text).toContain('{\n\t~%50%docker save\n\t~%50%docker load\n\t~%-50%docker export\n}');
    const thirds: ChoiceExercise = { ...multi, options: [...multi.options.slice(0, 2).map((o) => o), { id: 'C', text: 'docker image save', correct: true }, { id: 'D', text: 'x' }] };
    expect(formatGift([thirds]).text).toContain('~%33.33333%docker save');
  });

  it('rounds a weight Moodle does not offer to its nearest grade, with a note', () => {
    const odd: ChoiceExercise = { ...multi, options: [{ id: 'A', text: 'a', score: 0.65 }, { id: 'B', text: 'b', score: 0.35 }] };
    const { text } = formatGift([odd]);
    expect(text).toContain('~%66.66667%a');
    expect(text).toContain('~%33.33333%b');
    expect(text).toContain("// note: option A: 65% is not one of Moodle's grades, written as 66.66667%");
  });

  it('writes numeric answers with absolute tolerance; relative tolerance and units get a note', () => {
    const n: NumericExercise = {
      ...base,
      id: '3.1/num-1',
      title: 'Size',
      kind: 'numeric',
      prompt: 'Final image size?',
      answers: [{ value: 180, unit: 'MB', relative: 0.1 }, { value: 250, tolerance: 50, score: 0.5 }],
      feedback: { incorrect: 'Measure with docker images' },
    };
    const { text } = formatGift([n]);
    expect(text).toContain('{#\n\t=%100%180:18\n\t=%50%250:50\n\t~#Measure with docker images\n}');
    expect(text).toContain('// note: 180: relative tolerance 10% written as absolute ±18');
    expect(text).toContain('// note: 180 is in MB: GIFT numbers have no unit');
  });

  it('writes an open question as an essay, noting the rubric and model answer it cannot hold', () => {
    const o: OpenExercise = {
      ...base,
      id: '3.1/interview-1',
      title: 'Layers',
      kind: 'open',
      prompt: 'Why do layers save space?',
      explanation: 'They are shared.',
      modelAnswer: 'Shared read-only layers.',
      rubric: { concepts: [{ id: 'shared', label: 'shared', points: 1, any: ['shared'] }] },
    };
    const { text } = formatGift([o]);
    expect(text).toContain('::Layers::[markdown]Why do layers save space?{####They are shared.}');
    expect(text).toContain('// note: the rubric (1 concept) is not exported');
    expect(text).toContain('// note: the model answer is not exported');
  });

  it('skips labs, several blanks and single answers without a 100% option, with reasons', () => {
    const two: FillInExercise = { ...fill, id: '3.1/fill-2', prompt: '___ and ___', blanks: [fill.blanks[0]!, fill.blanks[0]!] };
    const noFull: ChoiceExercise = { ...multi, id: '3.1/mc-3', multiple: false, options: [{ id: 'A', text: 'a', score: 0.5 }, { id: 'B', text: 'b' }] };
    const { text, skipped } = formatGift([lab, two, noFull, tf] as Exercise[]);
    expect(skipped).toEqual([
      { id: '3.1/lab-layers', reason: expect.stringContaining('GIFT holds quiz questions only') },
      { id: '3.1/fill-2', reason: '2 blanks: a GIFT short answer has one answer box' },
      { id: '3.1/mc-3', reason: expect.stringContaining('without a 100% option') },
    ]);
    expect(text).toContain('// Layerlab export: 1 question in Moodle GIFT format.');
    expect(parseGift(text, { lesson: '3.1' }).exercises.map((e) => e.id)).toEqual(['3.1/tf-1']);
  });

  it('escapes GIFT syntax so it reads back as the same text', () => {
    const tricky: TrueFalseExercise = { ...tf, title: 'a::b', prompt: 'Is {x} = ~y # z: \\ ok?\nSecond line', feedbackFalse: '[plain] kept' };
    const { text } = formatGift([tricky]);
    expect(text).toContain('::a\\:\\:b::[markdown]Is \\{x\\} \\= \\~y \\# z\\: \\\\ ok?\\nSecond line{TRUE#[markdown][plain] kept}');
    const back = parseGift(text, { lesson: '3.1' }).exercises[0] as TrueFalseExercise;
    expect([back.title, back.prompt, back.feedbackFalse]).toEqual(['a::b', tricky.prompt, '[plain] kept']);
  });

  it('notes what GIFT drops: points, case sensitivity, all-or-nothing marking, renamed option letters', () => {
    const strict: FillInExercise = { ...fill, points: 2, caseSensitive: true, typos: 'off' };
    const aon: ChoiceExercise = { ...multi, mode: 'all-or-nothing', options: multi.options.map((o, i) => ({ ...o, id: String(i + 1) })) };
    const { text } = formatGift([strict, aon]);
    for (const note of ['worth 2 points', 'case-sensitive', 'spelling slips are not accepted', 'all-or-nothing marking has no GIFT form', 'lettered again A, B, C… in this order (were 1, 2, 3)']) {
      expect(text).toContain(note);
    }
  });
});
