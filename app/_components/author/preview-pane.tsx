'use client';
// The live preview of the open file, from the last validated state of the course: a lesson
// rendered as the lesson page renders it (lib/content's sanitizing renderer), an exercise file's
// exercises as the student's card plus the answer key, and for a lab the solution/starter runs.
import { useMemo, useState } from 'react';
import { isLabExercise, parseExerciseFile, renderLessonHtml, type Exercise } from '@/lib/content';
import { ExerciseCard } from '../quiz/exercise-card';
import { answerKey } from './answer-key';
import panes from '../panes/panes.module.css';
import styles from './author.module.css';
import { fileKind, lessonOf } from './course-files';
import { LabRunner } from './lab-runner';
import type { CourseValidation } from './use-course';

function LessonPreview({ path, validation }: { path: string; validation: CourseValidation }) {
  const lesson = validation.course.lessons.find((l) => l.path === path);
  const html = useMemo(() => (lesson ? renderLessonHtml(lesson.body) : ''), [lesson]);
  if (!lesson) return <p className={styles.muted}>This lesson has issues; fix them to see its preview.</p>;
  return (
    <article className={`lesson ${styles.lessonPreview}`} aria-label={`Preview of lesson ${lesson.id}`}>
      <p className="lesson__number">Lesson {lesson.id}</p>
      <h3 className={styles.previewTitle}>{lesson.title}</h3>
      <p className="lede">{lesson.summary}</p>
      <div className="lesson-body" dangerouslySetInnerHTML={{ __html: html }} />
    </article>
  );
}

function ExercisePreview({ exercise }: { exercise: Exercise }) {
  return (
    <div data-testid="author-exercise-preview" data-exercise-id={exercise.id}>
      <ExerciseCard key={exercise.id} exercise={exercise} mode="practice" headingLevel={3} />
      <section aria-label="Answer key" className={styles.answerKey}>
        <h4 className={styles.subTitle}>Answer key</h4>
        <ul>
          {answerKey(exercise).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </section>
      {isLabExercise(exercise) && <LabRunner lab={exercise} />}
    </div>
  );
}

function ExercisesPreview({ path, validation }: { path: string; validation: CourseValidation }) {
  const text = validation.files.get(path) ?? '';
  const exercises = useMemo(() => parseExerciseFile(path, text, validation.files).exercises, [path, text, validation.files]);
  const [chosen, setChosen] = useState<string | null>(null);
  if (exercises.length === 0) return <p className={styles.muted}>No valid exercise in this file yet.</p>;
  const exercise = exercises.find((e) => e.id === chosen) ?? exercises[0];
  return (
    <>
      <label className={styles.pick}>
        {`Exercise (${exercises.length} in this file)`}
        <select value={exercise?.id} onChange={(event) => setChosen(event.target.value)} data-testid="author-exercise-select">
          {exercises.map((e) => (
            <option key={e.id} value={e.id}>
              {`${e.id} — ${e.title}`}
            </option>
          ))}
        </select>
      </label>
      {exercise && <ExercisePreview exercise={exercise} />}
    </>
  );
}

/** Labs whose starter or solution folder holds this file. */
function LabFilePreview({ path, validation }: { path: string; validation: CourseValidation }) {
  const lesson = lessonOf(path);
  const labs = validation.course.exercises.filter(isLabExercise).filter((lab) => lab.lesson === lesson && [lab.starter.dir, lab.solution.dir].some((dir) => dir && path.includes(`/${dir.replace(/^\.\//, '').replace(/\/$/, '')}/`)));
  if (labs.length === 0) return <p className={styles.muted}>No lab uses this file.</p>;
  return (
    <>
      {labs.map((lab) => (
        <ExercisePreview key={lab.id} exercise={lab} />
      ))}
    </>
  );
}

export function PreviewPane({ path, validation }: { path: string | null; validation: CourseValidation | null }) {
  let body;
  if (path === null) body = <p className={styles.muted}>Open a file to preview it.</p>;
  else if (validation === null) body = <p role="status">Checking the course…</p>;
  else if (fileKind(path) === 'lesson') body = <LessonPreview path={path} validation={validation} />;
  else if (fileKind(path) === 'exercises') body = <ExercisesPreview key={path} path={path} validation={validation} />;
  else body = <LabFilePreview path={path} validation={validation} />;
  return (
    <section className={panes.section} aria-labelledby="author-preview-title" data-testid="author-preview">
      <h2 id="author-preview-title" className={panes.paneTitle}>
        Preview
      </h2>
      <div className={styles.previewBody}>{body}</div>
    </section>
  );
}
