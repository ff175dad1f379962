'use client';
// `<ExerciseCard exercise mode />`: any exercise as a card — a quiz question answered in place, or
// a lab's task with "Open in playground". Lesson pages pass the Markdown already rendered (`html`,
// made at build time); without it (the authoring preview) the card renders it in the browser.
import { useEffect, useState } from 'react';
import { isLabExercise, type Exercise, type QuizExercise } from '@/lib/content';
import type { ExerciseHtml } from './exercise-html';
import { LabCard } from './lab-card';
import { QuizCard, type QuizMode } from './quiz-card';
import { exerciseDomId } from './quiz-model';
import styles from './quiz.module.css';

const KIND_LABELS: Record<Exercise['kind'], string> = {
  'fill-in': 'Fill in the blank',
  'true-false': 'True or false',
  choice: 'Multiple choice',
  numeric: 'Numeric answer',
  open: 'Written answer',
  lab: 'Lab',
  dockerfile: 'Dockerfile task',
};

/** The exercise's Markdown as HTML: the given rendering, or one made here (lazily: the renderer is a chunk of its own). */
function useExerciseHtml(exercise: Exercise, given: ExerciseHtml | undefined): ExerciseHtml | null {
  const [made, setMade] = useState<{ exercise: Exercise; html: ExerciseHtml } | null>(null);
  useEffect(() => {
    if (given !== undefined) return;
    let live = true;
    void import('./exercise-html').then(({ renderExerciseHtml }) => live && setMade({ exercise, html: renderExerciseHtml(exercise) }));
    return () => {
      live = false;
    };
  }, [exercise, given]);
  return given ?? (made?.exercise === exercise ? made.html : null);
}

export interface ExerciseCardProps {
  exercise: Exercise;
  /** Fixed mode; without it the card follows the learner's practice/test setting. */
  mode?: QuizMode;
  /** The exercise's Markdown rendered (renderExerciseHtml); rendered in the browser when absent. */
  html?: ExerciseHtml;
  /** Level of the card's title heading (default 3), so the page's outline stays in order. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
}

export function ExerciseCard({ exercise, mode, html, headingLevel = 3 }: ExerciseCardProps) {
  const rendered = useExerciseHtml(exercise, html);
  const domId = exerciseDomId(exercise.id);
  const Heading = `h${headingLevel}` as const;
  return (
    <section id={domId} className={styles.card} data-testid="exercise" data-exercise-id={exercise.id} data-kind={exercise.kind} aria-labelledby={`${domId}-title`}>
      <Heading id={`${domId}-title`} className={styles.title}>
        <span className={styles.kind}>{KIND_LABELS[exercise.kind]}</span> {exercise.title}
      </Heading>
      {rendered === null ? (
        <p className={styles.note}>Loading the exercise…</p>
      ) : isLabExercise(exercise) ? (
        <LabCard lab={exercise} html={rendered} />
      ) : (
        <QuizCard exercise={exercise as QuizExercise} {...(mode !== undefined ? { mode } : {})} html={rendered} />
      )}
    </section>
  );
}
