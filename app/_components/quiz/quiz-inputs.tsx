'use client';
// The answer controls of each quiz kind. Fill-in has none here: its inputs sit inside the prompt
// (exercise-html.ts) and the card reads them.
import type { ChoiceExercise, NumericExercise, OpenExercise, TrueFalseExercise } from '@/lib/content';
import { choose, wordCount, type QuizInput } from './quiz-model';
import styles from './quiz.module.css';

interface InputProps<E, I> {
  exercise: E;
  input: I;
  onChange(input: I): void;
  /** The card's element id: the controls' ids and names derive from it. */
  domId: string;
  /** Id of the prompt, which names the group. */
  promptId: string;
}

export function TrueFalseInput({ input, onChange, domId, promptId }: InputProps<TrueFalseExercise, Extract<QuizInput, { kind: 'true-false' }>>) {
  return (
    <fieldset className={styles.options} aria-labelledby={promptId}>
      {([true, false] as const).map((value) => (
        <label key={String(value)} className={styles.option}>
          <input type="radio" name={`${domId}-tf`} value={String(value)} checked={input.value === value} onChange={() => onChange({ kind: 'true-false', value })} />
          <span>{value ? 'True' : 'False'}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function ChoiceInput({ exercise, input, onChange, domId, promptId, options }: InputProps<ChoiceExercise, Extract<QuizInput, { kind: 'choice' }>> & { options: Record<string, string> | undefined }) {
  const multiple = exercise.multiple === true;
  return (
    <fieldset className={styles.options} aria-labelledby={promptId} aria-describedby={multiple ? `${domId}-multi` : undefined}>
      {multiple ? (
        <p id={`${domId}-multi`} className={styles.note}>
          Choose every answer that applies.
        </p>
      ) : null}
      {exercise.options.map((option) => (
        <label key={option.id} className={styles.option}>
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={`${domId}-choice`}
            value={option.id}
            checked={input.selected.includes(option.id)}
            onChange={() => onChange({ kind: 'choice', selected: choose(input.selected, option.id, multiple) })}
          />
          <span className={styles.optionLetter}>{option.id})</span>{' '}
          {options?.[option.id] !== undefined ? <span dangerouslySetInnerHTML={{ __html: options[option.id] as string }} /> : <span>{option.text}</span>}
        </label>
      ))}
    </fieldset>
  );
}

export function NumericInput({ exercise, input, onChange, domId }: InputProps<NumericExercise, Extract<QuizInput, { kind: 'numeric' }>>) {
  const unit = exercise.answers.find((a) => a.unit !== undefined)?.unit;
  return (
    <div className={styles.numeric}>
      <label htmlFor={`${domId}-number`}>Your answer</label>
      <input
        id={`${domId}-number`}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={input.text}
        aria-describedby={unit !== undefined ? `${domId}-unit` : undefined}
        onChange={(e) => onChange({ kind: 'numeric', text: e.target.value })}
      />
      {unit !== undefined ? (
        <span id={`${domId}-unit`} className={styles.unit}>
          {unit}
          <span className="visually-hidden"> (or give another unit, such as {unit === 'MB' ? 'GB' : 'MB'})</span>
        </span>
      ) : null}
    </div>
  );
}

export function OpenInput({ exercise, input, onChange, domId }: InputProps<OpenExercise, Extract<QuizInput, { kind: 'open' }>>) {
  const words = wordCount(input.text);
  const band = exercise.rubric.words;
  const aim = band?.min !== undefined && band.max !== undefined ? ` (aim for ${band.min}–${band.max})` : band?.min !== undefined ? ` (at least ${band.min})` : '';
  return (
    <div className={styles.open}>
      <label htmlFor={`${domId}-text`}>Your answer</label>
      <textarea id={`${domId}-text`} rows={7} value={input.text} aria-describedby={`${domId}-words`} onChange={(e) => onChange({ kind: 'open', text: e.target.value })} />
      <p id={`${domId}-words`} className={styles.note} data-testid="word-count">
        {words} {words === 1 ? 'word' : 'words'}
        {aim}
      </p>
    </div>
  );
}
