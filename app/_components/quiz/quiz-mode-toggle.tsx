'use client';
// Practice or test: a radio pair at the top of a lesson with questions. Test mode is for checking
// yourself before an interview: the first answer counts most, each retry costs points.
import { useId } from 'react';
import styles from './quiz.module.css';
import { useQuizMode, writeQuizMode, type QuizMode } from './quiz-mode';

const CHOICES: readonly { mode: QuizMode; label: string; detail: string }[] = [
  { mode: 'practice', label: 'Practice', detail: 'retry as often as you like' },
  { mode: 'test', label: 'Test yourself', detail: 'each retry costs points' },
];

export function QuizModeToggle() {
  const mode = useQuizMode();
  const name = useId();
  return (
    <fieldset className={styles.modeToggle} data-testid="quiz-mode" data-mode={mode}>
      <legend>Questions on this page</legend>
      {CHOICES.map((choice) => (
        <label key={choice.mode}>
          <input type="radio" name={name} value={choice.mode} checked={mode === choice.mode} onChange={() => writeQuizMode(choice.mode)} />
          <span>
            {choice.label} <span className={styles.note}>({choice.detail})</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
