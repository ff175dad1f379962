'use client';
// One quiz question (fill-in, true/false, choice, numeric, open) with immediate feedback: the
// answer is graded in the page by lib/grading (loaded on the first Check, so lessons stay light),
// the verdict is announced, the explanation follows, hints come one at a time, retries are free in
// practice mode and cost points in test mode, and every attempt is kept with the student's progress.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import type { QuizExercise } from '@/lib/content';
import type * as GradeQuiz from './grade-quiz';
import type { GradeResult } from '@/lib/grading';
import * as progress from '../../_lib/progress/attempts';
import type { ExerciseHtml } from './exercise-html';
import { FeedbackText } from './feedback-text';
import { HintList } from './hints';
import { OpenResult } from './open-result';
import { ChoiceInput, NumericInput, OpenInput, TrueFalseInput } from './quiz-inputs';
import { penaltyText, useQuizMode, type QuizMode } from './quiz-mode';
import { emptyInput, exerciseDomId, formatPoints, responseOf, responseText, verdictText, type QuizInput } from './quiz-model';
import styles from './quiz.module.css';

export type { QuizMode } from './quiz-mode';

// The grader is a chunk of its own (grade-quiz.ts): fetched when the student starts on a question,
// so it is there by the time they press Check.
let grading: Promise<typeof GradeQuiz> | null = null;
const loadGrading = () => (grading ??= import('./grade-quiz'));

async function grade(exercise: QuizExercise, response: string | string[]): Promise<GradeResult> {
  const { gradeQuestion } = await loadGrading();
  return gradeQuestion(exercise, response);
}

/** Progress is a convenience: a failure to read or keep it is shown, never blocks the answer. */
function useProgressNote(): [string | null, (error: unknown) => void] {
  const [note, setNote] = useState<string | null>(null);
  return [note, useCallback((error: unknown) => setNote(progress.progressErrorMessage(error)), [])];
}

const noSubscription = () => () => undefined;

/** False in the exported HTML and while hydrating: Check stays disabled so the form never submits natively. */
function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

/** `mode` fixes the mode (the review queue is always practice); without it the card follows the learner's setting. */
export function QuizCard({ exercise, mode: fixedMode, html }: { exercise: QuizExercise; mode?: QuizMode; html: ExerciseHtml }) {
  const learnerMode = useQuizMode();
  const mode = fixedMode ?? learnerMode;
  const penalty = exercise.penalty ?? progress.TEST_MODE_PENALTY;
  const domId = exerciseDomId(exercise.id);
  const promptId = `${domId}-prompt`;
  const [input, setInput] = useState<QuizInput>(() => emptyInput(exercise));
  const [result, setResult] = useState<GradeResult | null>(null);
  const [attempts, setAttempts] = useState(0);
  const [hints, setHints] = useState(0);
  const [rating, setRating] = useState<progress.SelfRating | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [note, noteError] = useProgressNote();
  const promptRef = useRef<HTMLDivElement>(null);
  const hydrated = useHydrated();

  // What the student did before (another visit): attempts so far and hints revealed.
  useEffect(() => {
    let live = true;
    Promise.all([progress.exerciseStatus(exercise.id), progress.hintsShown(exercise.id)])
      .then(([status, shown]) => {
        if (!live) return;
        setAttempts(status?.attempts ?? 0);
        setHints((h) => Math.max(h, shown));
      })
      .catch(noteError);
    return () => {
      live = false;
    };
  }, [exercise.id, noteError]);

  // Fill-in: the blanks are inputs inside the prompt's HTML; mark them right or wrong after a check.
  useEffect(() => {
    const inputs = promptRef.current?.querySelectorAll<HTMLInputElement>('input[data-blank]') ?? [];
    for (const element of inputs) {
      const blank = result?.blanks?.[Number(element.dataset.blank)];
      element.classList.toggle('quiz-blank--right', blank !== undefined && blank.fraction >= 1);
      element.classList.toggle('quiz-blank--wrong', blank !== undefined && blank.fraction < 1);
      if (blank === undefined) element.removeAttribute('aria-invalid');
      else element.setAttribute('aria-invalid', String(blank.fraction < 1));
    }
  }, [result]);

  const readInput = (): QuizInput => {
    if (exercise.kind !== 'fill-in') return input;
    const inputs = [...(promptRef.current?.querySelectorAll<HTMLInputElement>('input[data-blank]') ?? [])];
    return { kind: 'fill-in', blanks: inputs.sort((a, b) => Number(a.dataset.blank) - Number(b.dataset.blank)).map((i) => i.value) };
  };

  const check = async (event: FormEvent) => {
    event.preventDefault();
    const response = responseOf(exercise, readInput());
    if (response === null) {
      setMessage(exercise.kind === 'choice' || exercise.kind === 'true-false' ? 'Choose an answer first.' : 'Type an answer first.');
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const raw = await grade(exercise, response);
      const score = progress.scoreWithPenalty(raw.score, raw.max, attempts, mode, penalty);
      setResult({ ...raw, score });
      setRating(null);
      setAttempts((n) => n + 1);
      await progress
        .recordAttempt({
          exerciseId: exercise.id,
          lesson: exercise.lesson,
          kind: exercise.kind,
          response: responseText(response),
          score,
          max: raw.max,
          passed: raw.passed,
          feedback: [...raw.feedback],
          hintsShown: hints,
          mode,
        })
        .catch(noteError);
    } catch (error) {
      setMessage(`The answer could not be checked: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const showHint = (next: number) => {
    setHints(next);
    void progress.recordHintShown(exercise.id, next).catch(noteError);
  };

  const rate = (value: progress.SelfRating) => {
    setRating(value);
    void progress.rateAttempt(exercise.id, value).catch(noteError);
  };

  return (
    <form className={styles.form} onSubmit={(e) => void check(e)} onFocus={() => void loadGrading().catch(() => (grading = null))} onPointerDown={() => void loadGrading().catch(() => (grading = null))} noValidate data-ready={hydrated}>
      <div id={promptId} ref={promptRef} className={`prose ${styles.prompt}`} dangerouslySetInnerHTML={{ __html: html.prompt }} />
      {exercise.kind === 'true-false' && input.kind === 'true-false' ? <TrueFalseInput exercise={exercise} input={input} onChange={setInput} domId={domId} promptId={promptId} /> : null}
      {exercise.kind === 'choice' && input.kind === 'choice' ? <ChoiceInput exercise={exercise} input={input} onChange={setInput} domId={domId} promptId={promptId} options={html.options} /> : null}
      {exercise.kind === 'numeric' && input.kind === 'numeric' ? <NumericInput exercise={exercise} input={input} onChange={setInput} domId={domId} promptId={promptId} /> : null}
      {exercise.kind === 'open' && input.kind === 'open' ? <OpenInput exercise={exercise} input={input} onChange={setInput} domId={domId} promptId={promptId} /> : null}
      <div className={styles.actions}>
        <button type="submit" className="button" disabled={busy || !hydrated}>
          {result === null ? 'Check' : 'Check again'}
        </button>
        {mode === 'test' ? <span className={styles.note}>Test mode: {penaltyText(penalty)}.</span> : null}
      </div>
      <HintList hints={html.hints} shown={hints} onShow={showHint} idPrefix={domId} />
      <div
        className={styles.result}
        data-testid="exercise-result"
        role="status"
        aria-live="polite"
        {...(result !== null ? { 'data-score': formatPoints(result.score), 'data-max': formatPoints(result.max), 'data-passed': String(result.passed) } : {})}
      >
        {message !== null ? <p className={styles.problem}>{message}</p> : null}
        {result !== null ? (
          <>
            <p className={result.passed ? styles.verdictPass : styles.verdictFail}>
              <span aria-hidden="true">{result.passed ? '✓ ' : '✗ '}</span>
              {exercise.kind === 'open' ? `Answer recorded. ${formatPoints(result.score)}/${formatPoints(result.max)} on the keyword check.` : verdictText(result)}
            </p>
            {result.feedback.length > 0 ? (
              <ul className={styles.feedback}>
                {result.feedback.map((line, i) => (
                  <li key={i}>
                    <FeedbackText text={line} />
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
      {result !== null && exercise.kind === 'open' && result.concepts !== undefined ? (
        <OpenResult concepts={result.concepts} modelAnswer={html.modelAnswer ?? ''} rating={rating} onRate={rate} domId={domId} />
      ) : null}
      {result !== null && html.explanation.trim() !== '' ? (
        <div className={styles.explanation} data-testid="explanation">
          <p className={styles.subheading}>Explanation</p>
          <div className="prose" dangerouslySetInnerHTML={{ __html: html.explanation }} />
        </div>
      ) : null}
      {note !== null ? <p className={styles.note}>{note}</p> : null}
    </form>
  );
}
