// lib/cli/git — the terminal's `git` command (git's wording and exit codes) over lib/workspace.
export { createGitCommand, gitCommand, GIT_USAGE, GIT_VERSION, type GitCommandOptions } from './git-program';
export { formatDiffStat, formatShortStat, formatSummary } from './diffstat-format';
export { formatLongStatus, formatShortStatus } from './status-format';
