import { Fragment } from 'react';
import { isLabExercise, renderLessonHtml, type Exercise } from '@/lib/content';
import { getExamples, playgroundHref } from '../../_lib/examples';
import { ExerciseCard } from '../quiz/exercise-card';
import { renderExerciseHtml } from '../quiz/exercise-html';
import { planLesson, PRACTICE_ID } from '../quiz/placement';
import { QuizModeToggle } from '../quiz/quiz-mode-toggle';

type Level = 2 | 3 | 4 | 5 | 6;
const below = (depth: number): Level => Math.min(6, Math.max(2, depth + 1)) as Level;

function Cards({ exercises, level }: { exercises: readonly Exercise[]; level: Level }) {
  return exercises.map((exercise) => <ExerciseCard key={exercise.id} exercise={exercise} html={renderExerciseHtml(exercise)} headingLevel={level} />);
}

/** Whether the lesson gets a practice section at the end (exercises without a section of their own). */
export function hasPracticeSection(markdown: string, exercises: readonly Exercise[]): boolean {
  const { questions, interview, labs } = planLesson(renderLessonHtml(markdown), exercises).practice;
  return questions.length + interview.length + labs.length > 0;
}

/**
 * The lesson's Markdown, rendered to HTML at build time, with its exercises in their slots: after
 * the section each names, or in the practice section at the end (questions, interview questions
 * and labs in groups of their own). The text comes from our content files and the renderer
 * escapes raw HTML, so injecting it is safe. `::try <id>` lines become "Try it" links that open
 * the playground with that example.
 */
export function LessonBody({ markdown, exercises = [] }: { markdown: string; exercises?: readonly Exercise[] }) {
  const exampleTitles = new Map(getExamples().map((e) => [e.id, e.title]));
  const html = renderLessonHtml(markdown, { exampleTitles, tryItHref: playgroundHref });
  const plan = planLesson(html, exercises);
  const { questions, interview, labs } = plan.practice;
  const groups = [
    { id: `${PRACTICE_ID}-questions`, title: 'Questions', items: questions },
    { id: `${PRACTICE_ID}-interview`, title: 'Interview questions', items: interview },
    { id: `${PRACTICE_ID}-labs`, title: 'Labs', items: labs },
  ].filter((g) => g.items.length > 0);
  const hasQuiz = exercises.some((e) => !isLabExercise(e));
  return (
    <div className="prose">
      {hasQuiz ? <QuizModeToggle /> : null}
      {plan.chunks.map((chunk, i) => (
        <Fragment key={i}>
          <div className="prose__part" dangerouslySetInnerHTML={{ __html: chunk.html }} />
          {chunk.after.map((slot) => (
            <Cards key={slot.exercises[0]?.id} exercises={slot.exercises} level={below(slot.depth)} />
          ))}
        </Fragment>
      ))}
      {groups.length > 0 ? (
        <section className="prose__part practice" aria-labelledby={PRACTICE_ID}>
          <h2 id={PRACTICE_ID}>Practice</h2>
          {groups.map((group) => (
            <Fragment key={group.id}>
              <h3 id={group.id}>{group.title}</h3>
              <Cards exercises={group.items} level={4} />
            </Fragment>
          ))}
        </section>
      ) : null}
    </div>
  );
}
