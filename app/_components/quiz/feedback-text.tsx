// A grader's feedback line with its code spans shown as code.
import { splitCodeSpans } from './quiz-model';

export function FeedbackText({ text }: { text: string }) {
  return splitCodeSpans(text).map((part, i) => (part.code ? <code key={i}>{part.text}</code> : <span key={i}>{part.text}</span>));
}
