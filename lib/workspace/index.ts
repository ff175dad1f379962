// lib/workspace — the student's files as a git repository: isomorphic-git over a lib/shell
// ShellFs (the terminal's workspace). Imports lib/util and lib/shell only (DESIGN.md §2).
export { createGitFs, type GitFsClient, type GitPromiseFs, type GitStats } from './git-fs';
export {
  displayPath,
  findRepository,
  GitError,
  initRepository,
  isGitError,
  NOT_A_REPO,
  openRepository,
  repoPath,
  repositoryAt,
  type GitErrorCode,
  type GitRepository,
} from './repository';
export { compareCodeUnits, hasStagedChanges, readHead, readStatus, type ChangeKind, type GitStatus, type PathChange, type StatusEntry } from './status';
export { addPaths, pathspecMatcher, type AddResult } from './add';
export { cleanMessage, commitIndex, subjectOf, type CommitResult } from './commit';
export { countLineChanges, diffFiles, gitMode, type DiffSide, type FileDiff } from './diff';
export { DEFAULT_IDENTITY, formatGitDate, formatZone, parseGitDate, resolvePeople, type GitPerson } from './identity';
export {
  assertConfigKey,
  globalConfigPath,
  listConfigFile,
  lookupConfig,
  parseConfigKey,
  readConfigFile,
  readRepoConfig,
  writeConfigFile,
  writeRepoConfig,
  type ConfigScope,
} from './config';
export { abbreviate, requireRevision, resolveRevision, unknownRevision } from './revisions';
export { readDecorations, readLog, requireHeadCommit, type LogEntry } from './history';
export { branchExists, createBranch, deleteBranch, isValidBranchName, listBranches, localChanges, renameBranch, restoreFromIndex } from './branches';
export { switchTo } from './switch';
export { gitMarks, markOf, type GitMark } from './marks';
export { openLightningFs, type LightningFsOptions, type LightningShellFs } from './lightning-fs';
