import damerauLevenshtein from 'damerau-levenshtein';

/**
 * Spelling slips (grading-and-authoring §3.3): H5P's `areSimilar` rule on the Damerau–Levenshtein
 * distance (adjacent transpositions count as one edit), applied word by word, and never to words
 * whose exact spelling is the point: commands, flags, image references, tags, digests, numbers,
 * paths, Dockerfile keywords. `save` and `load` are two edits apart and opposite in meaning.
 */

/** Edits allowed for a word of this length: ≤3 letters none, 4–9 one, ≥10 two. */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  return length >= 10 ? 2 : 1;
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  return damerauLevenshtein(a, b).steps;
}

/** Within the word's allowance (measured on the shorter of the two, as H5P does). */
export function isSlip(expected: string, actual: string, minLength = 0): boolean {
  if (expected === actual) return true;
  const shorter = Math.min(expected.length, actual.length);
  if (shorter < minLength) return false;
  const allowed = allowedEdits(shorter);
  if (allowed === 0 || Math.abs(expected.length - actual.length) > allowed) return false;
  return editDistance(expected, actual) <= allowed;
}

/** Programs whose command lines are answers: a line starting with one is compared exactly. */
export const COMMAND_PROGRAMS: ReadonlySet<string> = new Set([
  'docker', 'podman', 'buildx', 'kubectl', 'nerdctl', 'apt-get', 'apt', 'apk', 'pip', 'pip3', 'npm', 'npx', 'yarn', 'go', 'git', 'tar', 'jq', 'curl', 'wget', 'dive', 'skopeo', 'crane',
]);

/** Docker subcommands and Dockerfile keywords: short words where one letter changes the meaning. */
export const LITERAL_WORDS: ReadonlySet<string> = new Set([
  'save', 'load', 'export', 'import', 'commit', 'build', 'buildx', 'push', 'pull', 'tag', 'run', 'exec', 'create', 'start', 'stop', 'rm', 'rmi', 'ps', 'prune', 'inspect', 'login', 'logout',
  'from', 'copy', 'add', 'cmd', 'entrypoint', 'env', 'arg', 'expose', 'workdir', 'healthcheck', 'onbuild', 'stopsignal', 'maintainer',
]);

/**
 * A word to compare exactly: a flag (`-a`, `--no-cache`), anything with a digit (tags, digests,
 * versions, sizes, ports), a reference or path (`/`, `:`, `@`, `.`, `=`, `$`, `_`), an all-caps
 * keyword as the author wrote it (`COPY`), or a Docker subcommand.
 */
export function isLiteralWord(word: string, asWritten = word): boolean {
  if (/^-/.test(word) || /\d/.test(word) || /[/:@.=$_~\\]/.test(word)) return true;
  if (/^[A-Z]{2,}$/.test(asWritten)) return true;
  return LITERAL_WORDS.has(word.toLowerCase());
}

/** Docker's commands and management commands: `docker` followed by one of them starts a command line. */
const DOCKER_COMMANDS: ReadonlySet<string> = new Set([
  'attach', 'build', 'builder', 'buildx', 'commit', 'container', 'context', 'cp', 'create', 'diff', 'events', 'exec', 'export', 'history', 'image', 'images', 'import', 'info',
  'inspect', 'kill', 'load', 'login', 'logout', 'logs', 'manifest', 'network', 'pause', 'port', 'ps', 'pull', 'push', 'rename', 'restart', 'rm', 'rmi', 'run', 'save', 'search',
  'start', 'stats', 'stop', 'system', 'tag', 'top', 'unpause', 'update', 'version', 'volume', 'wait', 'compose',
]);

/** An answer that is a command line (`docker image prune -a`): no typo tolerance anywhere in it. */
export function isCommandLine(text: string): boolean {
  const [first = '', second = ''] = text.trim().toLowerCase().split(/\s+/);
  if (first === 'docker') return DOCKER_COMMANDS.has(second) || second.startsWith('-');
  return COMMAND_PROGRAMS.has(first);
}
