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

/** `flagNames(word).length > 0`, without building the list (rules ask this of every word). */
export function isFlag(word: ShellWord): boolean {
  const v = word.value;
  return v.length >= 2 && v.charCodeAt(0) === 0x2d && v !== '--';
}

/** `flagNames(word).includes(name)`, without building the list. */
function wordHasFlag(v: string, name: string): boolean {
  if (v.length < 2 || v.charCodeAt(0) !== 0x2d || v === '--') return false;
  if (v.charCodeAt(1) === 0x2d) {
    const eq = v.indexOf('=', 2);
    return (eq < 0 ? v.length : eq) - 2 === name.length && v.startsWith(name, 2);
  }
  // A cluster `-abc` is one flag per code point: a one-code-unit name (all of them in practice)
  // is found with indexOf; anything else takes the general path.
  const c = name.length === 1 ? name.charCodeAt(0) : 0xd800;
  if (c < 0xd800 || c > 0xdfff) return v.indexOf(name, 1) >= 0;
  return flagNames({ value: v, start: 0, end: 0, quoted: false }).includes(name);
}

export function hasFlag(cmd: ShellCommand, name: string): boolean {
  for (const w of cmd.args) if (wordHasFlag(w.value, name)) return true;
  return false;
}

export function hasAnyFlag(cmd: ShellCommand, names: readonly string[]): boolean {
  return names.some((n) => hasFlag(cmd, n));
}

// Loops rather than `some(callback)`/`filter(callback)`: these run for every command of every
// RUN in several rules, on every keystroke.

/** hadolint `hasArg`: an argument exactly equal to `value`. */
export function hasArg(cmd: ShellCommand, value: string): boolean {
  for (const w of cmd.args) if (w.value === value) return true;
  return false;
}

/** hadolint `cmdHasArgs`: the command is `name` and has any of `args` among its arguments. */
export function cmdHasArgs(cmd: ShellCommand, name: string, args: readonly string[]): boolean {
  if (cmd.name.value !== name) return false;
  for (const w of cmd.args) if (args.includes(w.value)) return true;
  return false;
}

/** hadolint `getArgsNoFlags`. */
export function argsNoFlags(args: readonly ShellWord[]): ShellWord[] {
  const out: ShellWord[] = [];
  for (const w of args) if (!isFlag(w)) out.push(w);
  return out;
}

/** `argsNoFlags(args)[0]`, without the list. */
export function firstNonFlag(args: readonly ShellWord[]): ShellWord | undefined {
  for (const w of args) if (!isFlag(w)) return w;
  return undefined;
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
