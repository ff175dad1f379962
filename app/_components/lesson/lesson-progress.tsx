'use client';
// "2 of 15 examples built" on a lesson card. Progress lives in this browser's localStorage (see
// app/_lib/progress.ts; issue 7 adds exercises to it), so the exported HTML shows nothing and the
// figure appears once the page runs. Updates live when the playground in another tab records a build.
import { useSyncExternalStore } from 'react';
import { lessonProgress, PROGRESS_KEY, readProgress } from '../../_lib/progress';

function subscribe(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === PROGRESS_KEY) onChange();
  };
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}

const snapshot = () => {
  try {
    return localStorage.getItem(PROGRESS_KEY) ?? '';
  } catch {
    return '';
  }
};

export function LessonProgress({ examples, title }: { examples: readonly string[]; title: string }) {
  const raw = useSyncExternalStore(subscribe, snapshot, () => null);
  if (raw === null || examples.length === 0) return null;
  const { built, total } = lessonProgress(examples, readProgress());
  return (
    <p className="lesson-progress" data-testid="lesson-progress" data-built={built} data-total={total}>
      <progress max={total} value={built} aria-label={`Examples built in ${title}`} />
      <span>
        {built} of {total} examples built
      </span>
    </p>
  );
}
