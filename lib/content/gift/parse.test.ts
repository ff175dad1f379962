import { describe, expect, it } from 'vitest';
import type { ChoiceExercise, FillInExercise, NumericExercise, OpenExercise, QuizExercise, TrueFalseExercise } from '../exercise-types';
import { parseGift } from './parse';

const parse = (text: string, idPrefix?: string) => parseGift(text, { lesson: '3.1', ...(idPrefix ? { idPrefix } : {}) });
function only<T extends QuizExercise>(text: string, kind: T['kind']): T {
  const { exercises, issues } = parse(text);
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(exercises).toHaveLength(1);
  expect(exercises[0]?.kind).toBe(kind);
  return exercises[0] as T;
}

describe('parseGift: true/false', () => {
  it('reads {T} {TRUE} {F} {FALSE}', () => {
    const { exercises } = parse('Layers are read-only.{T}\n\nA tag is part of the image ID.{FALSE}\n\nx{TRUE}\n\ny{F}');
    expect(exercises.map((e) => (e as TrueFalseExercise).answer)).toEqual([true, false, true, false]);
  });

  it('maps {T#wrong#right} the way Moodle does: the first text is for a wrong answer', () => {
    const t = only<TrueFalseExercise>('Each RUN adds a layer.{T#No\\: every RUN makes one#Yes, one layer per RUN}', 'true-false');
    expect(t.answer).toBe(true);
    expect(t.feedbackFalse).toBe('No: every RUN makes one');
    expect(t.feedbackTrue).toBe('Yes, one layer per RUN');
    const f = only<TrueFalseExercise>('docker export keeps the history.{F#It flattens the filesystem#Right: history is lost}', 'true-false');
    expect(f.answer).toBe(false);
    expect(f.feedbackTrue).toBe('It flattens the filesystem');
    expect(f.feedbackFalse).toBe('Right: history is lost');
  });

  it('warns that a lower-case {true} is a short answer, as Moodle reads it', () => {
    const { exercises, issues } = parse('Images are immutable.{true}');
    expect(exercises[0]?.kind).toBe('fill-in');
    expect(issues.some((i) => i.message.includes('{true} is read as a short answer'))).toBe(true);
  });
});

describe('parseGift: multiple choice', () => {
  it('reads one right answer with per-option feedback and general feedback', () => {
    const c = only<ChoiceExercise>(
      '::Flatten::Which command writes a container filesystem as a tarball?{\n=docker export#Yes\n~docker save#That writes images\n~docker commit\n####export works on containers, save on images.\n}',
      'choice',
    );
    expect(c.multiple).toBeUndefined();
    expect(c.options).toEqual([
      { id: 'A', text: 'docker export', correct: true, feedback: 'Yes' },
      { id: 'B', text: 'docker save', feedback: 'That writes images' },
      { id: 'C', text: 'docker commit' },
    ]);
    expect(c.explanation).toBe('export works on containers, save on images.');
    expect(c.title).toBe('Flatten');
  });

  it('reads several answers from weights on "~", negative ones included', () => {
    const c = only<ChoiceExercise>('Which keep tags and history?{~%50%docker save ~%50%docker load ~%-100%docker export}', 'choice');
    expect(c.multiple).toBe(true);
    expect(c.options.map((o) => [o.id, o.score, o.correct])).toEqual([
      ['A', 0.5, true],
      ['B', 0.5, true],
      ['C', -1, undefined],
    ]);
  });

  it('keeps a partial single answer and reads %33.33333% as exactly one third', () => {
    const c = only<ChoiceExercise>('Pick.{=full ~%33.33333%a third ~wrong}', 'choice');
    expect(c.options.map((o) => o.score)).toEqual([1, 1 / 3, undefined]);
  });

  it('reads a missing-word question: the blank goes where the braces were', () => {
    const c = only<ChoiceExercise>('Image layers are {~writable =read-only ~encrypted} once built.', 'choice');
    expect(c.prompt).toBe('Image layers are ___ once built.');
  });

  it('needs two options', () => {
    const { exercises, issues } = parse('Only one?{~alone}');
    expect(exercises).toEqual([]);
    expect(issues[0]).toMatchObject({ line: 1, severity: 'error', message: expect.stringContaining('at least two options') });
  });

  it('warns when the positive weights of a several-answer question do not make 100%', () => {
    const { issues } = parse('Which?{~%50%a ~%25%b ~c}');
    expect(issues.some((i) => i.message.includes('add up to 75%'))).toBe(true);
  });
});

describe('parseGift: short answer → fill-in', () => {
  it('reads the accepted answers in order with partial credit and feedback', () => {
    const f = only<FillInExercise>('::Registry::The default registry is {=Docker Hub =docker.io =%50%hub.docker.com#That is the website}.', 'fill-in');
    expect(f.prompt).toBe('The default registry is ___.');
    expect(f.blanks).toEqual([
      { answers: [{ text: 'Docker Hub' }, { text: 'docker.io' }, { text: 'hub.docker.com', score: 0.5, feedback: 'That is the website' }] },
    ]);
  });

  it('puts the blank after the text when the braces end the question', () => {
    const f = only<FillInExercise>('Which file lists what the build context leaves out?{=.dockerignore}', 'fill-in');
    expect(f.prompt).toBe('Which file lists what the build context leaves out? ___');
  });

  it('turns a last "*" worth nothing into the feedback for a wrong answer', () => {
    const f = only<FillInExercise>('Base image of scratch builds?{=scratch =%0%*#Think of the empty image}', 'fill-in');
    expect(f.blanks[0]?.answers).toEqual([{ text: 'scratch' }]);
    expect(f.feedback).toEqual({ incorrect: 'Think of the empty image' });
  });

  it('uses a blank the Markdown text already has, and refuses a second one', () => {
    expect(only<FillInExercise>('[markdown]The ___ file trims the context.{=.dockerignore}', 'fill-in').prompt).toBe('The ___ file trims the context.');
    const { exercises, issues } = parse('[markdown]Both ___ and ___?{=a}');
    expect(exercises).toEqual([]);
    expect(issues[0]?.message).toContain('2 blanks (___)');
  });

  it('keeps wildcards and a literal \\* as written', () => {
    const f = only<FillInExercise>('Tag?{=v1.* =a\\*b}', 'fill-in');
    expect(f.blanks[0]?.answers.map((a) => a.text)).toEqual(['v1.*', 'a\\*b']);
  });
});

describe('parseGift: numeric', () => {
  it('reads value:tolerance, min..max and a plain value', () => {
    const answers = (text: string) => only<NumericExercise>(text, 'numeric').answers;
    expect(answers('MiB in 2 GiB?{#2048:0}')).toEqual([{ value: 2048 }]);
    expect(answers('Size in MB?{#180:20}')).toEqual([{ value: 180, tolerance: 20 }]);
    expect(answers('Layers?{#4..6}')).toEqual([{ value: 5, tolerance: 1 }]);
    expect(answers('Negative?{#-2.5e3:0.5}')).toEqual([{ value: -2500, tolerance: 0.5 }]);
  });

  it('reads several graded answers and "~#" as feedback for anything else', () => {
    const n = only<NumericExercise>('Seconds in an hour?{#=%100%3600:0#Right =%50%3000..4000#Close ~#Count 60 × 60}', 'numeric');
    expect(n.answers).toEqual([
      { value: 3600, feedback: 'Right' },
      { value: 3500, tolerance: 500, score: 0.5, feedback: 'Close' },
    ]);
    expect(n.feedback).toEqual({ incorrect: 'Count 60 × 60' });
  });

  it('refuses an answer that is not a number', () => {
    const { exercises, issues } = parse('\n\nHow big?{#large}');
    expect(exercises).toEqual([]);
    expect(issues[0]).toMatchObject({ line: 3, severity: 'error', message: expect.stringContaining('"large" is not a number') });
  });
});

describe('parseGift: essay → open', () => {
  it('imports an essay with an empty rubric and says it needs one', () => {
    const { exercises, issues } = parse('::Why layers::Explain why image layers save disk space.{####Layers are shared between images.}');
    const o = exercises[0] as OpenExercise;
    expect(o.kind).toBe('open');
    expect(o.rubric).toEqual({ concepts: [] });
    expect(o.modelAnswer).toBe('');
    expect(o.explanation).toBe('Layers are shared between images.');
    expect(issues).toEqual([expect.objectContaining({ line: 1, severity: 'warning', message: expect.stringContaining('without a rubric') })]);
  });
});

describe('parseGift: what Layerlab cannot take is reported with its line', () => {
  it('reports matching, description and Cloze questions, and keeps the rest', () => {
    const text = [
      '::ok::Is alpine small?{T####It is about 8 MB.}',
      '',
      '// matching',
      '::m::Match the command to what it works on {=save -> image =export -> container}',
      '',
      'Just some text, no answers.',
      '',
      'The registry is {1:SHORTANSWER:=Docker Hub~%50%hub.docker.com}.',
      '',
      'Broken {=a',
    ].join('\n');
    const { exercises, issues } = parse(text);
    expect(exercises.map((e) => e.title)).toEqual(['ok']);
    expect(issues.map((i) => [i.line, i.severity, i.message.split(' ')[0]])).toEqual([
      [4, 'error', 'matching'],
      [6, 'error', 'description'],
      [8, 'error', 'embedded'],
      [10, 'error', 'unbalanced'],
    ]);
  });
});

describe('parseGift: text', () => {
  it('undoes the escapes \\~ \\= \\# \\{ \\} \\: \\\\ and \\n', () => {
    const c = only<ChoiceExercise>('Which is literal?{=a \\~ b \\= c \\# d \\{e\\} f\\: g \\\\ h#one\\ntwo ~other ####General}', 'choice');
    expect(c.options[0]).toMatchObject({ text: 'a ~ b = c # d {e} f: g \\ h', feedback: 'one\ntwo' });
  });

  it('skips comment lines, category lines and blank lines between questions', () => {
    const { exercises, issues } = parse('// a comment\n$CATEGORY: $course$/top/Docker\n\n// before\nQ1?{T}\n// inside\n\n\n\nQ2?{F}');
    expect(exercises.map((e) => e.prompt)).toEqual(['Q1?', 'Q2?']);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('keeps [markdown] as written and escapes [plain] text so Markdown shows it literally', () => {
    expect(only('[markdown]Is `docker save` **lossless**?{T}', 'true-false').prompt).toBe('Is `docker save` **lossless**?');
    expect(only('[plain]Is *this* <b>bold</b>?{T}', 'true-false').prompt).toBe('Is \\*this\\* \\<b\\>bold\\</b\\>?');
  });

  it('keeps the line breaks of [plain] text as Markdown hard breaks', () => {
    expect(only('[plain]First line\nsecond line{T}', 'true-false').prompt).toBe('First line  \nsecond line');
  });

  it('reduces [html] to text: no tags, no scripts, entities decoded', () => {
    const t = only<TrueFalseExercise>('[html]<p>Is <b>alpine</b> &lt;10&nbsp;MB?</p><script>alert(1)</script><img src="http://x/y.png" onerror="z">{T#<i>No</i>#Yes}', 'true-false');
    expect(t.prompt).not.toMatch(/<[a-z/]/i);
    expect(t.prompt).not.toContain('alert');
    expect(t.prompt).toBe('Is alpine \\<10\u00a0MB?');
    expect(t.feedbackFalse).toBe('No');
  });

  it('strips tags from Moodle-format text too', () => {
    expect(only('Is <b>this</b> bold?{T}', 'true-false').prompt).toBe('Is this bold?');
  });
});

describe('parseGift: ids, titles and tags', () => {
  it('takes an id-like title or a Moodle [id:] comment as the id, else numbers the questions', () => {
    const { exercises } = parse('::3.1/tf-2::Q1?{T}\n\n// [id:3.1/mc-4] [tag:practice] [tag:interview]\n::Pick one::Q2?{=a ~b}\n\n::Free::Q3?{F}\n\nQ4 is long enough to be cut into a shorter title for the list, surely?{T}', 'moodle');
    expect(exercises.map((e) => [e.id, e.title])).toEqual([
      ['3.1/tf-2', 'Q1?'],
      ['3.1/mc-4', 'Pick one'],
      ['3.1/moodle-1', 'Free'],
      ['3.1/moodle-2', 'Q4 is long enough to be cut into a shorter title for the…'],
    ]);
    expect(exercises[1]?.tags).toEqual(['practice', 'interview']);
    expect(exercises.every((e) => e.lesson === '3.1' && e.hints.length === 0)).toBe(true);
  });

  it('gives a new id to an id of another lesson or one already used', () => {
    const { exercises, issues } = parse('::4.2/tf-1::Q1?{T}\n\n::3.1/gift-1::Q2?{T}\n\n::3.1/gift-1::Q3?{T}');
    expect(exercises.map((e) => e.id)).toEqual(['3.1/gift-2', '3.1/gift-1', '3.1/gift-3']);
    expect(issues.map((i) => i.message).filter((m) => m.includes('new id'))).toHaveLength(2);
  });

  it('summarises the questions without general feedback in one warning', () => {
    const { issues } = parse('A?{T}\n\nB?{F}\n\nC?{T####Because.}');
    expect(issues).toEqual([expect.objectContaining({ line: 1, severity: 'warning', message: expect.stringContaining('2 questions have no general feedback (####…), so no explanation: write one before saving (lines 1, 3)') })]);
  });
});

describe('parseGift: output fits the exercise schema', () => {
  it('every imported question with general feedback loads from exercises.yaml without issues', async () => {
    const { stringify } = await import('yaml');
    const { parseExerciseFile } = await import('../parse-exercises');
    const gift = [
      '::Registry::The default registry is {=Docker Hub =%50%hub.docker.com#The website ####docker.io is implied.}.',
      '',
      'Which file trims the build context?{=.dockerignore ####It lists paths to leave out.}',
      '',
      '// [id:3.1/mc-9]',
      '::Flatten::Which command flattens?{=docker export ~docker save ####export works on containers.}',
      '',
      'Which keep tags?{~%50%save ~%50%load ~%-100%export ####save/load keep them.}',
      '',
      'Layers are read-only.{T#No#Yes####Built layers never change.}',
      '',
      'MiB in 2 GiB?{#2048:0 ~#Think 1024 ####2 × 1024.}',
    ].join('\n');
    const { exercises, issues } = parseGift(gift, { lesson: '3.1' });
    expect(issues).toEqual([]);
    const questions = exercises.map(({ lesson: _lesson, ...rest }) => JSON.parse(JSON.stringify(rest)) as unknown);
    const loaded = parseExerciseFile('content/lessons/3.1/exercises.yaml', stringify({ questions }));
    expect(loaded.issues).toEqual([]);
    expect(loaded.exercises.map((e) => e.id)).toEqual(['3.1/gift-1', '3.1/gift-2', '3.1/mc-9', '3.1/gift-3', '3.1/gift-4', '3.1/gift-5']);
  });
});

describe("parseGift: Moodle's own export layout", () => {
  it('reads question comments, category switches, [html] text and empty "#" feedback as Moodle writes them', () => {
    const gift = [
      '// question: 0  name: Switch category to $course$/top/Default for Docker',
      '$CATEGORY: $course$/top/Default for Docker',
      '',
      '',
      '// question: 41  name: Registry',
      '// [id:3.1/fill-4] [tag:registry]',
      '::Registry::[html]<p>The default registry is</p>{',
      '\t=%100%docker.io#',
      '\t=%50%hub.docker.com#[html]<p>That is the <b>website</b></p>',
      '\t####<p>Docker Hub</p>',
      '}',
      '',
      '// question: 42  name: Size',
      '::Size::[html]<p>MiB in 2 GiB?</p>{#',
      '\t=%100%2048:0#',
      '\t~#<p>1 GiB \\= 1024 MiB</p>',
      '}',
      '',
      '// question: 43  name: Options',
      '::Options::[html]<p>Pick the <code>docker save</code> output</p>{',
      '\t=<p>an image archive</p>#<p>yes</p>',
      '\t~%-50%<p>a filesystem tarball</p>',
      '}',
    ].join('\n');
    const { exercises, issues } = parse(gift);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(exercises).toHaveLength(3);
    const [fill, num, choice] = exercises as [FillInExercise, NumericExercise, ChoiceExercise];
    expect(fill).toMatchObject({ id: '3.1/fill-4', title: 'Registry', prompt: 'The default registry is ___', explanation: 'Docker Hub', tags: ['registry'] });
    expect(fill.blanks[0]?.answers).toEqual([{ text: 'docker.io' }, { text: 'hub.docker.com', score: 0.5, feedback: 'That is the website' }]);
    expect(num.answers).toEqual([{ value: 2048 }]);
    expect(num.feedback).toEqual({ incorrect: '1 GiB = 1024 MiB' });
    expect(choice.prompt).toBe('Pick the docker save output');
    expect(choice.options).toEqual([
      { id: 'A', text: 'an image archive', correct: true, score: 1, feedback: 'yes' },
      { id: 'B', text: 'a filesystem tarball', score: -0.5 },
    ]);
  });
});
