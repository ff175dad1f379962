export { toInstructions } from './to-instructions';
export { INSTRUCTION_NAMES, INSTRUCTION_FLAGS } from './parse-instruction';
export { suggest, withSuggestion } from './suggest';
export { parseGoDuration } from './go-duration';
export { validateExposePort } from './expose';
export type * from './types';
