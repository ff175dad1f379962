// lib/shell — the sh language (parse, expand, run) over a ShellFs, and the coreutils shared by
// RUN and the terminal. Imports lib/util only (DESIGN.md §2).
export { ShellError, isShellError, type ShellErrorCode } from './errors';
export { FsError, isFsError, errorText, type FileStat, type FileType, type FsErrorCode, type ShellFs, type WriteOptions } from './fs/shell-fs';
export { createMemoryFs, type MemoryFsOptions, type MemoryFsSeed } from './fs/memory-fs';
export { baseName, dirName, joinPath, normalizePath, resolvePath } from './fs/paths';
export { readGroups, readPasswd, type GroupEntry, type PasswdEntry } from './fs/passwd';
export type { AndOr, Command as AstCommand, Pipeline, Redirect, Script, Word, WordPart } from './parse/ast';
export { parseScript } from './parse/parser';
export { matchPattern } from './expand/pattern';
export { runShell, ROOT_USER, type RunShellOptions, type RunShellResult } from './run/run-shell';
export { DEFAULT_LIMITS, type ShellLimits } from './run/runtime';
export type { Command, CommandContext, CommandTable, ExecOptions, ResolveCommand, ScriptOptions, ShellDialect, ShellUser } from './run/command-types';
export { DEFAULT_PATH, pathResolver, tableResolver } from './run/resolve-command';
export { InputStream, BufferOutput, type OutputStream } from './run/streams';
export { createCoreutils } from './commands/coreutils';
export { getopt, options as parseCommandOptions, readText, complain } from './commands/support';
export { gzipBytes, gunzipBytes } from './commands/gzip';
export { humanSize } from './commands/ls';
export { createInteractiveShell, type InteractiveIo, type InteractiveOptions, type InteractiveResult, type InteractiveShell, type InteractiveSnapshot } from './run/interactive';
export { tree } from './commands/tree';
