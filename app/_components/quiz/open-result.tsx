'use client';
// After an open answer: the keyword check beside the model answer, and the student's own rating.
// The check only looks for the rubric's concepts, so it is shown as a guide ("keyword check x/y"),
// never as the verdict; the rating against the model answer is what the review queue uses.
import type { ConceptHit, ConceptReport } from '@/lib/grading';
import type { SelfRating } from '../../_lib/progress/attempts';
import { keywordCheck } from './quiz-model';
import styles from './quiz.module.css';

const RATINGS: readonly { value: SelfRating; label: string }[] = [
  { value: 'again', label: 'Again' },
  { value: 'hard', label: 'Hard' },
  { value: 'good', label: 'Good' },
  { value: 'easy', label: 'Easy' },
];

function Concepts({ title, items, mark }: { title: string; items: readonly ConceptHit[]; mark: string }) {
  if (items.length === 0) return null;
  return (
    <>
      <dt>{title}</dt>
      {items.map((item) => (
        <dd key={item.id}>
          <span aria-hidden="true">{mark} </span>
          {item.label}
          {item.phrase !== undefined ? <span className={styles.phrase}> (“{item.phrase}”)</span> : null}
        </dd>
      ))}
    </>
  );
}

export function OpenResult({ concepts, modelAnswer, rating, onRate, domId }: { concepts: ConceptReport; modelAnswer: string; rating: SelfRating | null; onRate(rating: SelfRating): void; domId: string }) {
  const check = keywordCheck(concepts);
  return (
    <div className={styles.openResult}>
      <div className={styles.columns}>
        <section className={styles.keywordCheck} aria-labelledby={`${domId}-kw`} data-testid="keyword-check" data-found={check.found} data-total={check.total}>
          <p id={`${domId}-kw`} className={styles.subheading}>
            {check.label}
          </p>
          <p className={styles.note}>A guide, not a verdict: it only looks for the key ideas. Compare your answer with the model answer.</p>
          <dl className={styles.conceptList}>
            <Concepts title="Found" items={concepts.found} mark="✓" />
            <Concepts title="Missing" items={concepts.missing} mark="✗" />
            <Concepts title="Negated (check your wording)" items={concepts.negated} mark="!" />
            <Concepts title="Misconceptions" items={concepts.misconceptions} mark="!" />
          </dl>
        </section>
        <section className={styles.modelAnswer} aria-labelledby={`${domId}-model`}>
          <p id={`${domId}-model`} className={styles.subheading}>
            Model answer
          </p>
          <div className="prose" dangerouslySetInnerHTML={{ __html: modelAnswer }} />
        </section>
      </div>
      <div className={styles.rating} role="group" aria-labelledby={`${domId}-rate`}>
        <p id={`${domId}-rate`} className={styles.subheading}>
          How did you do?
        </p>
        {RATINGS.map((r) => (
          <button key={r.value} type="button" className={styles.ratingButton} aria-pressed={rating === r.value} onClick={() => onRate(r.value)}>
            {r.label}
          </button>
        ))}
        {rating !== null ? (
          <span className={styles.note} data-testid="self-rating" data-rating={rating}>
            {' '}
            Rated “{RATINGS.find((r) => r.value === rating)?.label}”: it will come back for review accordingly.
          </span>
        ) : null}
      </div>
    </div>
  );
}
