// Where a lesson's exercises go (issue 7, lesson page): after the section their `section` names,
// or — by default — in the practice section at the end, where questions, interview questions and
// labs each have their own group. Works on the rendered lesson HTML, whose headings carry the ids
// `collectHeadings` gives them (lib/content), so a slug means the same here as in the TOC.
import { isLabExercise, type Exercise, type LabExercise } from '@/lib/content';
import { isInterview } from './quiz-model';

export interface HtmlChunk {
  /** The heading that starts the chunk (null for the text before the first heading). */
  heading: { id: string; depth: number } | null;
  html: string;
}

const HEADING = /<h([1-6]) id="([^"]*)">/g;

/**
 * The rendered body cut before each heading. Raw HTML in lessons is escaped by the renderer, and
 * code is escaped too, so `<hN id="` only ever starts a real heading.
 */
export function splitAtHeadings(html: string): HtmlChunk[] {
  const chunks: HtmlChunk[] = [];
  const starts = [...html.matchAll(HEADING)];
  const first = starts[0]?.index ?? html.length;
  if (first > 0) chunks.push({ heading: null, html: html.slice(0, first) });
  starts.forEach((match, i) => {
    const end = starts[i + 1]?.index ?? html.length;
    chunks.push({ heading: { depth: Number(match[1]), id: unescapeAttr(match[2] ?? '') }, html: html.slice(match.index, end) });
  });
  return chunks;
}

function unescapeAttr(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export interface LessonPlan {
  /** The body's chunks, each followed by the exercises placed at its end (with the heading depth they sit under). */
  chunks: { html: string; after: { exercises: Exercise[]; depth: number }[] }[];
  practice: { questions: Exercise[]; interview: Exercise[]; labs: LabExercise[] };
}

/**
 * Places each exercise after the last chunk of the section its `section` names (a section runs
 * until the next heading of the same or a higher level). Unknown or absent sections go to the
 * practice groups, in the course's order.
 */
export function planLesson(html: string, exercises: readonly Exercise[]): LessonPlan {
  const chunks = splitAtHeadings(html);
  const plan: LessonPlan = { chunks: chunks.map((c) => ({ html: c.html, after: [] })), practice: { questions: [], interview: [], labs: [] } };
  const slots = new Map<string, { index: number; depth: number }>();
  chunks.forEach((chunk, i) => {
    if (chunk.heading === null || slots.has(chunk.heading.id)) return;
    let end = i;
    while (end + 1 < chunks.length && (chunks[end + 1]?.heading?.depth ?? 7) > chunk.heading.depth) end++;
    slots.set(chunk.heading.id, { index: end, depth: chunk.heading.depth });
  });
  const groups = new Map<string, Exercise[]>();
  for (const exercise of exercises) {
    const slot = exercise.section !== undefined ? slots.get(exercise.section) : undefined;
    if (slot === undefined) {
      if (isLabExercise(exercise)) plan.practice.labs.push(exercise);
      else if (isInterview(exercise)) plan.practice.interview.push(exercise);
      else plan.practice.questions.push(exercise);
      continue;
    }
    const key = exercise.section as string;
    let group = groups.get(key);
    if (group === undefined) {
      groups.set(key, (group = []));
      plan.chunks[slot.index]?.after.push({ exercises: group, depth: slot.depth });
    }
    group.push(exercise);
  }
  return plan;
}

/** The practice section's heading id (also listed in the lesson's table of contents). */
export const PRACTICE_ID = 'practice';
