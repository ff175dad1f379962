import { DockerfileError } from '../errors';
import { trimPrefix, trimSuffix } from './shell-pattern';

/**
 * What `${name<op>word}` evaluates to once `word` has been expanded and the
 * variable looked up: the second half of BuildKit's `processDollar` for the
 * `-`, `+`, `?`, `#`, `%` operators, with or without a leading `:`.
 */

const PLUS = 0x2b;
const MINUS = 0x2d;
const QUESTION = 0x3f;
const HASH = 0x23;
const PERCENT = 0x25;

export interface Modifier {
  /** The variable name (may be a special parameter such as `1` or `@`). */
  readonly name: string;
  /** The operator character after the optional `:` (a code point, or -1 at EOF). */
  readonly op: number;
  /** The operator as written, e.g. `:-` or `#`; used in error texts. */
  readonly text: string;
  /** With `:`, an empty value counts as unset. */
  readonly nullIsUnset: boolean;
}

export function expansionError(message: string): DockerfileError {
  return new DockerfileError('expansion', message);
}

export function unsupportedModifier(text: string): DockerfileError {
  return expansionError(`unsupported modifier (${text}) in substitution`);
}

/** True for the operators whose word is a pattern (read with raw escapes). */
export function isPatternOperator(op: number): boolean {
  return op === HASH || op === PERCENT;
}

/**
 * Applies the operator. `value` is undefined when the variable is unset.
 * Throws BuildKit's texts: `NAME: message`, `NAME: is not allowed to be unset`,
 * `NAME: is not allowed to be empty`, `unsupported modifier (:=) in substitution`.
 */
export function applyModifier(modifier: Modifier, word: string, value: string | undefined): string {
  const { name, op, nullIsUnset } = modifier;
  const missing = value === undefined || (nullIsUnset && value === '');
  switch (op) {
    case MINUS:
      return missing ? word : (value ?? '');
    case PLUS:
      return missing ? '' : word;
    case QUESTION:
      if (value === undefined) throw expansionError(`${name}: ${word !== '' ? word : 'is not allowed to be unset'}`);
      if (missing) throw expansionError(`${name}: ${word !== '' ? word : 'is not allowed to be empty'}`);
      return value;
    case HASH:
    case PERCENT: {
      // `##` / `%%` (the operator doubled as the word's first byte) match the longest.
      const greedy = word.charCodeAt(0) === op;
      const pattern = greedy ? word.slice(1) : word;
      return op === PERCENT ? trimSuffix(pattern, value ?? '', greedy) : trimPrefix(pattern, value ?? '', greedy);
    }
    default:
      throw unsupportedModifier(modifier.text);
  }
}
