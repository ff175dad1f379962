// The cards as the lesson page exports them (React's server renderer): what a student and a screen
// reader get before any script runs. Answering is covered by tests/e2e/quiz.spec.ts.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ChoiceExercise, Exercise, NumericExercise } from '@/lib/content';
import { getCourse } from '../../_lib/lessons';
import { ExerciseCard } from './exercise-card';
import { renderExerciseHtml, renderFillInPrompt } from './exercise-html';

const render = (exercise: Exercise) => renderToStaticMarkup(<ExerciseCard exercise={exercise} mode="practice" html={renderExerciseHtml(exercise)} />);
const count = (html: string, pattern: RegExp) => html.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
const base = { lesson: '3.1', title: 'T', hints: ['one', 'two', 'three'], explanation: 'Because.' };

describe('ExerciseCard', () => {
  const exercises = getCourse().lessonExercises('3.1');

  it('renders every exercise of lesson 3.1 with the ids and data attributes the tests and links rely on', () => {
    expect(exercises.length).toBeGreaterThan(20);
    for (const exercise of exercises) {
      const html = render(exercise);
      const id = `exercise-${exercise.id.replace(/\//g, '-')}`;
      expect(html).toContain(`id="${id}"`);
      expect(html).toContain(`data-testid="exercise" data-exercise-id="${exercise.id}" data-kind="${exercise.kind}"`);
      expect(html).toContain('data-testid="exercise-result"');
      // Hints stay hidden until asked for, one at a time.
      if (exercise.hints.length > 0) expect(html).toContain(`Show hint 1 of ${exercise.hints.length}`);
      expect(html).not.toContain('data-testid="hint"');
    }
  });

  it('puts an input in each blank of a fill-in prompt, labelled for screen readers', () => {
    const fill = exercises.find((e) => e.id === '3.1/fill-1');
    expect(fill).toBeDefined();
    const html = render(fill as Exercise);
    expect(count(html, /<input type="text" class="quiz-blank" data-blank="0" aria-label="Answer"/)).toBe(1);
    expect(renderFillInPrompt('A ___ of `___` and **___**.', 3)).toMatch(/data-blank="0" aria-label="Blank 1 of 3".*<code><input[^>]*data-blank="1".*<strong><input[^>]*data-blank="2"/);
  });

  it('offers true and false as two radio buttons, and a single choice as radios', () => {
    const tf = render(exercises.find((e) => e.kind === 'true-false') as Exercise);
    expect(count(tf, /type="radio"/)).toBe(2);
    expect(tf).toMatch(/>True<.*>False</);
    const mc = render(exercises.find((e) => e.id === '3.1/mc-2') as Exercise);
    expect(count(mc, /type="radio"/)).toBe(4);
    expect(mc).toContain('<code>docker image prune -a</code>');
  });

  it('offers checkboxes when several answers apply', () => {
    const multi: ChoiceExercise = { ...base, id: 'x/mc', kind: 'choice', multiple: true, prompt: 'Which keep layers?', options: [{ id: 'A', text: 'save', correct: true }, { id: 'B', text: 'export' }] };
    const html = render(multi);
    expect(count(html, /type="checkbox"/)).toBe(2);
    expect(html).toContain('Choose every answer that applies.');
  });

  it('gives a numeric question an input with its unit, and an open one a textarea with a word count', () => {
    const numeric = exercises.find((e) => e.kind === 'numeric') as NumericExercise;
    const html = render(numeric);
    expect(html).toMatch(/<input id="exercise-3\.1-num-1-number" type="text" inputmode="decimal"/i);
    expect(html).toContain('>MB<');
    const open = render(exercises.find((e) => e.id === '3.1/interview-1') as Exercise);
    expect(open).toMatch(/<textarea id="exercise-3\.1-interview-1-text"/);
    expect(open).toMatch(/data-testid="word-count">0 words/);
    // The model answer waits until the student answered.
    expect(open).not.toContain('Model answer');
  });

  it('shows a lab as its task with a way into the playground', () => {
    const lab = exercises.find((e) => e.kind === 'lab' || e.kind === 'dockerfile');
    expect(lab).toBeDefined();
    const html = render(lab as Exercise);
    expect(html).toContain(`href="/playground/?lab=${encodeURIComponent((lab as Exercise).id)}"`);
    expect(html).toContain('Open in playground');
  });

  it('renders hostile Markdown from a content pack harmless', () => {
    const html = renderExerciseHtml({ ...base, id: 'x/tf', kind: 'true-false', answer: true, prompt: '<script>alert(1)</script> [go](javascript:alert(1)) <img src=x onerror=alert(1)>' });
    expect(html.prompt).not.toMatch(/<script|<img|href="javascript/i);
    expect(html.prompt).toContain('&lt;script&gt;');
  });
});
