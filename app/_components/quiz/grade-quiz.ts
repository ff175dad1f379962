// The quiz cards' grader, as its own chunk: a named import from lib/grading's index lets the
// bundler keep only what gradeQuestion needs (the quiz graders), not the lab checks, the engine
// and the CLI the index also offers. Loaded when a student starts on a question.
export { gradeQuestion } from '@/lib/grading';
