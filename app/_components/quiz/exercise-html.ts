// An exercise's Markdown (prompt, options, hints, explanation, model answer) rendered to HTML with
// lib/content's renderer, which escapes raw HTML. Lesson pages do this at build time and hand the
// result to the cards, so the Markdown renderer never ships with a lesson; the authoring preview
// renders in the browser. Exercise files may come from an imported content pack (untrusted): the
// renderer escapes raw HTML and keeps links and images to safe targets.
import { BLANK_PATTERN, countBlanks, escapeHtml, renderExerciseMarkdown, type Exercise } from '@/lib/content';

export interface ExerciseHtml {
  /** The prompt; for fill-in, each blank is an `<input data-blank="i">`. */
  prompt: string;
  hints: string[];
  explanation: string;
  /** Choice options' text, inline, by option id. */
  options?: Record<string, string>;
  modelAnswer?: string;
}

export function renderMarkdown(markdown: string): string {
  return renderExerciseMarkdown(markdown);
}

/** Inline Markdown (an option's text, a hint): no wrapping paragraph. */
export function renderInline(markdown: string): string {
  return renderExerciseMarkdown(markdown, { inline: !markdown.trim().includes('\n\n') });
}

/** Placeholder for a blank that Markdown leaves alone (letters and digits only). */
const marker = (i: number) => `QQBLANK${i}QQ`;

/** The fill-in prompt with an input in each blank, labelled for screen readers. */
export function renderFillInPrompt(prompt: string, total: number): string {
  let i = 0;
  const marked = prompt.replace(BLANK_PATTERN, () => marker(i++));
  return renderMarkdown(marked).replace(/QQBLANK(\d+)QQ/g, (_, n: string) => {
    const index = Number(n);
    const label = total > 1 ? `Blank ${index + 1} of ${total}` : 'Answer';
    return `<input type="text" class="quiz-blank" data-blank="${index}" aria-label="${escapeHtml(label)}" autocomplete="off" autocapitalize="off" spellcheck="false" size="14">`;
  });
}

export function renderExerciseHtml(exercise: Exercise): ExerciseHtml {
  const html: ExerciseHtml = {
    prompt: exercise.kind === 'fill-in' ? renderFillInPrompt(exercise.prompt, countBlanks(exercise.prompt)) : renderMarkdown(exercise.prompt),
    hints: exercise.hints.map(renderInline),
    explanation: renderMarkdown(exercise.explanation),
  };
  if (exercise.kind === 'choice') html.options = Object.fromEntries(exercise.options.map((o) => [o.id, renderInline(o.text)]));
  if (exercise.kind === 'open') html.modelAnswer = renderMarkdown(exercise.modelAnswer);
  return html;
}
