import { describe, expect, it } from 'vitest';
import { renderLessonHtml, type Exercise } from '@/lib/content';
import { planLesson, splitAtHeadings } from './placement';

const body = ['Intro.', '## Layers', 'A.', '### Why', 'B.', '### How', 'C.', '## Pulling', 'D.', '```', '## not a heading', '```'].join('\n\n');
const html = renderLessonHtml(body);
const ex = (id: string, kind: Exercise['kind'], section?: string, tags?: string[]): Exercise =>
  ({ id, lesson: '3.1', kind, title: id, prompt: '', hints: [], explanation: '', ...(section ? { section } : {}), ...(tags ? { tags } : {}) }) as unknown as Exercise;

describe('placing exercises in a lesson', () => {
  it('cuts the rendered body before each real heading (not inside code)', () => {
    const chunks = splitAtHeadings(html);
    expect(chunks.map((c) => c.heading?.id ?? null)).toEqual([null, 'layers', 'why', 'how', 'pulling']);
    expect(chunks.map((c) => c.html).join('')).toBe(html);
  });

  it('puts an exercise after the whole section it names, subsections included', () => {
    const plan = planLesson(html, [ex('q1', 'true-false', 'layers'), ex('q2', 'choice', 'why'), ex('q3', 'fill-in', 'layers')]);
    const after = plan.chunks.map((c) => c.after.map((slot) => [slot.depth, slot.exercises.map((e) => e.id)]));
    // "layers" ends after "how" (the next heading of its level is "pulling").
    expect(after).toEqual([[], [], [[3, ['q2']]], [[2, ['q1', 'q3']]], []]);
  });

  it('sends exercises without a (known) section to the practice groups: questions, interview, labs', () => {
    const plan = planLesson(html, [ex('q', 'fill-in'), ex('lost', 'choice', 'no-such-heading'), ex('i', 'open', 'nope'), ex('t', 'true-false', undefined, ['interview']), ex('l', 'lab')]);
    expect(plan.practice.questions.map((e) => e.id)).toEqual(['q', 'lost']);
    expect(plan.practice.interview.map((e) => e.id)).toEqual(['i', 't']);
    expect(plan.practice.labs.map((e) => e.id)).toEqual(['l']);
    expect(plan.chunks.every((c) => c.after.length === 0)).toBe(true);
  });
});
