// Public surface of lib/grading (see README.md). Other areas import only from here.
export type * from './types';
export { gradeQuestion } from './grade';
export { gradeFillIn, gradeBlank, splitBlanks } from './fill-in';
export { gradeTrueFalse, parseTrueFalse } from './true-false';
export { gradeChoice, parseChoices, optionFractions } from './choice';
export { gradeNumeric } from './numeric';
export { parseQuantity, convert, type Quantity, type Dimension } from './units';
export { gradeOpen, scoreRubric, looksStuffed, maxOfRubric, SHARED_OPEN_SYNONYMS, type RubricScore } from './open/grade-open';
export { normalizeAnswer, foldUnicode, MAX_ANSWER_CHARS } from './normalize';
export { SHARED_SYNONYMS, canonicalCommand, canonicalPhrase } from './synonyms';
export { allowedEdits, editDistance, isSlip, isLiteralWord, isCommandLine } from './typo';
// Labs and Dockerfile tasks: checks against the engine, the history and the workspace.
export type * from './checks/types';
export { CHECK_KINDS, evaluateCheck, gradeLab } from './checks/evaluate';
export { splitCommands, commandMatches } from './checks/history-checks';
export { historyFromSnapshot } from './checks/history-file';
// Agreement of the keyword check with instructor labels (rubrics live in the exercise YAML).
export { measureAgreement, pearson, type Agreement } from './rubrics/accuracy';
// Lab exercises (lib/content's LabExercise): check parameters, grading a student's state, playing a lab headless.
export { toLabDefinition, gradeLabAttempt } from './labs/to-lab-definition';
export { validateLabCheck, LAB_CHECK_KINDS } from './labs/validate-check';
export { runLabScenario, writeLabFiles, gradingFsOf, LAB_WORKSPACE, LAB_EPOCH, type LabScenarioOptions } from './labs/lab-scenario';
export { buildLabImage, type LabBuildIo } from './labs/build-lab';
