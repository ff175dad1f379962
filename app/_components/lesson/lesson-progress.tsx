'use client';
// "2 of 15 examples built · 3 of 24 exercises passed" on a lesson card. Progress lives in this
// browser (app/_lib/progress: IndexedDB, plus the examples the playground records in
// localStorage), so the exported HTML shows nothing and the figures appear once the page runs.
// Updates live when another tab records a build or an answer. Kept light: idb, no scheduler.
import { useEffect, useState } from 'react';
import { listAttempts, listBuiltExamples, subscribeProgress } from '../../_lib/progress/attempts';
import { lessonProgress } from '../../_lib/progress/examples';
import { passedExercises } from '../../_lib/progress/summary';

interface Counts {
  built: number;
  passed: number;
}

export function LessonProgress({ examples, exercises = [], title }: { examples: readonly string[]; exercises?: readonly string[]; title: string }) {
  const [counts, setCounts] = useState<Counts | null>(null);
  const exerciseKey = exercises.join('\n');
  const exampleKey = examples.join('\n');

  useEffect(() => {
    let live = true;
    const ids = exerciseKey === '' ? [] : exerciseKey.split('\n');
    const exampleIds = exampleKey === '' ? [] : exampleKey.split('\n');
    const read = async () => {
      try {
        const [attempts, built] = await Promise.all([listAttempts(), listBuiltExamples()]);
        const passed = passedExercises(attempts);
        if (live) setCounts({ built: lessonProgress(exampleIds, { builtExamples: built }).built, passed: ids.filter((id) => passed.has(id)).length });
      } catch {
        // Progress unreadable (storage disabled): the card simply shows no figures.
      }
    };
    void read();
    const stop = subscribeProgress(() => void read());
    return () => {
      live = false;
      stop();
    };
  }, [exerciseKey, exampleKey]);

  if (counts === null || (examples.length === 0 && exercises.length === 0)) return null;
  return (
    <div data-testid="lesson-progress" data-built={counts.built} data-examples={examples.length} data-passed={counts.passed} data-exercises={exercises.length}>
      {examples.length > 0 ? (
        <p className="lesson-progress">
          <progress max={examples.length} value={counts.built} aria-label={`Examples built in ${title}`} />
          <span>
            {counts.built} of {examples.length} examples built
          </span>
        </p>
      ) : null}
      {exercises.length > 0 ? (
        <p className="lesson-progress">
          <progress max={exercises.length} value={counts.passed} aria-label={`Exercises passed in ${title}`} />
          <span>
            {counts.passed} of {exercises.length} exercises passed
          </span>
        </p>
      ) : null}
    </div>
  );
}
