import { distance } from 'fastest-levenshtein';

/**
 * BuildKit's `util/suggest.WrapErrorMaybe`: the closest option within Levenshtein distance < 3,
 * or null. An exact match means the error is unrelated to the value, so nothing is suggested.
 * When not case-sensitive the suggestion follows the input's case (all lower or all upper).
 * Go iterates a map here, so ties are resolved arbitrarily upstream; we keep the options' order.
 */
export function suggest(value: string, options: readonly string[], caseSensitive: boolean): string | null {
  const needle = caseSensitive ? value : value.toLowerCase();
  let match: string | null = null;
  let minDistance = 3;
  for (const option of options) {
    const candidate = caseSensitive ? option : option.toLowerCase();
    if (candidate === needle) return null;
    const d = distance(needle, candidate);
    if (d < minDistance) {
      match = caseSensitive ? candidate : matchCase(candidate, value);
      minDistance = d;
    }
  }
  return match;
}

export function withSuggestion(message: string, value: string, options: readonly string[], caseSensitive: boolean): string {
  const match = suggest(value, options, caseSensitive);
  return match === null ? message : `${message} (did you mean ${match}?)`;
}

function matchCase(option: string, original: string): string {
  if (original === original.toLowerCase()) return option.toLowerCase();
  if (original === original.toUpperCase()) return option.toUpperCase();
  return option;
}
