/**
 * hadolint's `Hadolint.Shell` helpers over one simple command. Flags follow hadolint's
 * `getAllFlags`: `--name[=v]` is the flag `name`, `-abc` is the three flags `a`, `b`, `c`,
 * and a bare `-` or `--` is not a flag (so it counts as an ordinary argument).
 */
import type { ShellCommand, ShellWord } from './parse-shell';

export function flagNames(word: ShellWord): string[] {
  const v = word.value;
  if (v === '-' || v === '--' || !v.startsWith('-')) return [];
  if (v.startsWith('--')) return [v.slice(2).split('=')[0] as string];
  return [...v.slice(1)];
}

export function isFlag(word: ShellWord): boolean {
  return flagNames(word).length > 0;
}

export function hasFlag(cmd: ShellCommand, name: string): boolean {
  return cmd.args.some((w) => flagNames(w).includes(name));
}

export function hasAnyFlag(cmd: ShellCommand, names: readonly string[]): boolean {
  return names.some((n) => hasFlag(cmd, n));
}

/** hadolint `hasArg`: an argument exactly equal to `value`. */
export function hasArg(cmd: ShellCommand, value: string): boolean {
  return cmd.args.some((w) => w.value === value);
}

/** hadolint `cmdHasArgs`: the command is `name` and has any of `args` among its arguments. */
export function cmdHasArgs(cmd: ShellCommand, name: string, args: readonly string[]): boolean {
  return cmd.name.value === name && cmd.args.some((w) => args.includes(w.value));
}

/** hadolint `getArgsNoFlags`. */
export function argsNoFlags(args: readonly ShellWord[]): ShellWord[] {
  return args.filter((w) => !isFlag(w));
}

/**
 * hadolint `dropFlagArg`: removes the value that follows one of `flags` (`-t bookworm`,
 * `--index-url URL`). Unlike hadolint we keep the next word when the value is attached
 * (`--index-url=URL`, or `-tfoo` where the flag is not the last letter): it is a package then.
 */
export function dropFlagValues(args: readonly ShellWord[], flags: readonly string[]): ShellWord[] {
  const out: ShellWord[] = [];
  let skip = false;
  for (const word of args) {
    if (skip) {
      skip = false;
      continue;
    }
    out.push(word);
    const v = word.value;
    if (!isFlag(word)) continue;
    if (v.startsWith('--')) skip = !v.includes('=') && flags.includes(v.slice(2));
    else skip = flags.includes(v.slice(-1));
  }
  return out;
}

/** hadolint `stripInstallPrefix`: the words after the first `install` (and any repeats of it). */
export function afterSubcommand(args: readonly ShellWord[], subcommand: string): ShellWord[] {
  let i = args.findIndex((w) => w.value === subcommand);
  if (i < 0) return [];
  while (args[i]?.value === subcommand) i++;
  return args.slice(i);
}

/** The basename of a command name (`/usr/bin/bash` → `bash`). */
export function basename(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}
