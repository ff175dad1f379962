/**
 * Go's `path/filepath.Match` (Linux: `/` separator, `\` escapes), written over code points.
 *
 * moby's `patternmatcher.New` calls `filepath.Match(pattern, ".")` only for its error: that is
 * the whole "is this pattern well formed" check. The check is partial on purpose-by-accident:
 * `Match` stops at the first chunk that cannot match `.` (before Go validated the rest), so
 * `x*[` passes `New` while `[` fails. Porting the algorithm, not a grammar, keeps that.
 * Go walks bytes where this walks code points; for validation (and for any valid UTF-8 name)
 * the two agree.
 */

/** `filepath.ErrBadPattern`'s text, which is also what Docker prints. */
export const BAD_PATTERN = 'syntax error in pattern';

const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const STAR = 0x2a;
const QUESTION = 0x3f;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const CARET = 0x5e;
const DASH = 0x2d;

type Chunk = readonly number[];

/** `filepath.Match(pattern, name)`: true/false, or `'bad-pattern'` for `ErrBadPattern`. */
export function goGlobMatch(pattern: string, name: string): boolean | 'bad-pattern' {
  let rest: Chunk = Array.from(pattern, (c) => c.codePointAt(0) ?? 0);
  let s: Chunk = Array.from(name, (c) => c.codePointAt(0) ?? 0);
  patternLoop: while (rest.length > 0) {
    const { star, chunk, after } = scanChunk(rest);
    rest = after;
    if (star && chunk.length === 0) {
      // Trailing * matches the rest of the name unless it has a /.
      return !s.includes(SLASH);
    }
    const here = matchChunk(chunk, s);
    if (here === 'bad-pattern') return here;
    if (here !== null && (here.length === 0 || rest.length > 0)) {
      s = here;
      continue;
    }
    if (star) {
      // Let the star swallow i+1 characters, never a /.
      for (let i = 0; i < s.length && s[i] !== SLASH; i++) {
        const t = matchChunk(chunk, s.slice(i + 1));
        if (t === 'bad-pattern') return t;
        if (t !== null) {
          if (rest.length === 0 && t.length > 0) continue;
          s = t;
          continue patternLoop;
        }
      }
    }
    // Go returns here without looking at the remaining chunks: they stay unvalidated.
    return false;
  }
  return s.length === 0;
}

/** `scanChunk`: leading stars, then everything up to the next star outside `[...]`. */
function scanChunk(pattern: Chunk): { star: boolean; chunk: Chunk; after: Chunk } {
  let start = 0;
  while (start < pattern.length && pattern[start] === STAR) start++;
  let inRange = false;
  for (let i = start; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === BACKSLASH) {
      // The error for a trailing backslash is matchChunk's to report.
      if (i + 1 < pattern.length) i++;
    } else if (c === OPEN) inRange = true;
    else if (c === CLOSE) inRange = false;
    else if (c === STAR && !inRange) {
      return { star: start > 0, chunk: pattern.slice(start, i), after: pattern.slice(i) };
    }
  }
  return { star: start > 0, chunk: pattern.slice(start), after: [] };
}

/**
 * `matchChunk`: does the star-free chunk match the start of `s`? Returns the rest of `s`,
 * null for no match, or `'bad-pattern'`. After a mismatch it keeps reading the chunk (as Go
 * does with its `failed` flag) so a malformed chunk is reported whatever the name.
 */
function matchChunk(chunk: Chunk, s: Chunk): Chunk | null | 'bad-pattern' {
  let failed = false;
  let si = 0;
  let ci = 0;
  while (ci < chunk.length) {
    failed = failed || si >= s.length;
    const c = chunk[ci];
    if (c === OPEN) {
      const r: number = failed ? -1 : (s[si++] ?? -1);
      ci++;
      let negated = false;
      if (chunk[ci] === CARET) {
        negated = true;
        ci++;
      }
      let match = false;
      let ranges = 0;
      for (;;) {
        if (chunk[ci] === CLOSE && ranges > 0) {
          ci++;
          break;
        }
        const lo = getEsc(chunk, ci);
        if (lo === null) return 'bad-pattern';
        let hi = lo.rune;
        ci = lo.next;
        if (chunk[ci] === DASH) {
          const high = getEsc(chunk, ci + 1);
          if (high === null) return 'bad-pattern';
          hi = high.rune;
          ci = high.next;
        }
        match = match || (lo.rune <= r && r <= hi);
        ranges++;
      }
      failed = failed || match === negated;
    } else if (c === QUESTION) {
      if (!failed) failed = s[si++] === SLASH;
      ci++;
    } else {
      if (c === BACKSLASH) {
        ci++;
        if (ci >= chunk.length) return 'bad-pattern';
      }
      if (!failed) failed = chunk[ci] !== s[si++];
      ci++;
    }
  }
  return failed ? null : s.slice(si);
}

/** `getEsc`: one possibly escaped class character; a class must not end right after it. */
function getEsc(chunk: Chunk, at: number): { rune: number; next: number } | null {
  let i = at;
  const first = chunk[i];
  if (first === undefined || first === DASH || first === CLOSE) return null;
  if (first === BACKSLASH) {
    i++;
    if (i >= chunk.length) return null;
  }
  const rune = chunk[i];
  if (rune === undefined || i + 1 >= chunk.length) return null;
  return { rune, next: i + 1 };
}
