import { isEngineError } from '@/lib/engine';
import { UsageError } from '../common/options';
import { CliError, DaemonError, DockerUsageError, type DockerCommand } from './command';
import type { DockerContext } from './context';
import { DOCKER_COMMANDS } from './commands';

/**
 * `docker ARGS…`: finds the subcommand by its path (`images`, `image ls`, `buildx build`), runs
 * it, and prints errors the way the docker CLI does — flag errors with `See 'docker X --help'.`
 * (exit 125), daemon errors as `Error response from daemon: …` (exit 1), unknown commands as
 * `docker: 'foo' is not a docker command.` Returns the exit code; never throws for user input.
 */
export async function runDocker(argv: readonly string[], ctx: DockerContext, commands: readonly DockerCommand[] = DOCKER_COMMANDS): Promise<number> {
  const out = ctx.shell.stdout;
  const err = ctx.shell.stderr;
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    out.write(topUsage(commands));
    return 0;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    out.write('Docker version 27.5.1, build 9f9e405\n');
    return 0;
  }
  if (argv[0]?.startsWith('-')) {
    err.write(`unknown flag: ${argv[0]}\nSee 'docker --help'.\n`);
    return 125;
  }
  const found = findCommand(argv, commands);
  if (found === undefined) {
    const group = groupOf(argv[0] as string, commands);
    if (group !== undefined && (argv.length === 1 || argv[1] === '--help' || argv[1] === '-h')) {
      out.write(groupUsage(argv[0] as string, group));
      return 0;
    }
    const typed = group !== undefined ? `${argv[0]} ${argv[1]}` : argv[0];
    err.write(`docker: '${typed}' is not a docker command.\nSee 'docker --help'\n`);
    return 1;
  }
  const { command, path, rest } = found;
  try {
    return await command.run(rest, ctx);
  } catch (error) {
    return report(error, path, command, ctx);
  }
}

function report(error: unknown, path: readonly string[], command: DockerCommand, ctx: DockerContext): number {
  const err = ctx.shell.stderr;
  const see = `See 'docker ${path.join(' ')} --help'.`;
  if (error instanceof DockerUsageError) {
    // Cobra names the command as it was reached: `"docker history" requires…` and
    // `Usage:  docker history …` when typed as `docker history`, `docker image history` else.
    const canonical = `docker ${command.path.join(' ')}`;
    const typed = `docker ${path.join(' ')}`;
    err.write(`${error.message.replace(`"${canonical}"`, `"${typed}"`)}\n${see}\n`);
    if (error.withUsage) err.write(`\n${usageHead(command.usage).replace(`Usage:  ${canonical} `, `Usage:  ${typed} `)}`);
    return error.status;
  }
  if (error instanceof UsageError) {
    err.write(`${error.message}\n${see}\n`);
    return 125;
  }
  if (error instanceof DaemonError || isEngineError(error)) {
    err.write(`Error response from daemon: ${error.message}\n`);
    return 1;
  }
  if (error instanceof CliError) {
    if (error.message !== '') err.write(`${error.message}\n`);
    return error.status;
  }
  throw error;
}

/** The `Usage:` line and the description below it, as cobra prints them after an argument error. */
function usageHead(usage: string): string {
  const lines = usage.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Usage:'));
  const head: string[] = [];
  for (const line of lines.slice(Math.max(0, start))) {
    if (/^(Options|Aliases|Commands|Examples):/.test(line)) break;
    head.push(line);
  }
  return `${head.join('\n').trimEnd()}\n`;
}

interface Found {
  command: DockerCommand;
  path: readonly string[];
  rest: readonly string[];
}

/** The longest path or alias that prefixes argv (`image ls` before `image`). */
export function findCommand(argv: readonly string[], commands: readonly DockerCommand[]): Found | undefined {
  let best: Found | undefined;
  for (const command of commands) {
    for (const path of [command.path, ...(command.aliases ?? [])]) {
      if (path.length > argv.length || !path.every((word, i) => argv[i] === word)) continue;
      // The path as typed: `docker images --x` says `See 'docker images --help'.`
      if (best === undefined || path.length > best.path.length) best = { command, path, rest: argv.slice(path.length) };
    }
  }
  return best;
}

function groupOf(name: string, commands: readonly DockerCommand[]): DockerCommand[] | undefined {
  const members = commands.filter((c) => c.path.length > 1 && c.path[0] === name);
  return members.length > 0 ? members : undefined;
}

function topUsage(commands: readonly DockerCommand[]): string {
  // Top-level names: one-word paths and one-word aliases (`images` for `image ls`, `rmi`, `ps`).
  const top = commands.flatMap((c) => [c.path, ...(c.aliases ?? [])].filter((p) => p.length === 1).map((p) => ({ path: p, summary: c.summary })));
  const groups = [...new Set(commands.filter((c) => c.path.length > 1).map((c) => c.path[0] as string))].sort();
  const width = Math.max(...top.map((c) => c.path[0]!.length), ...groups.map((g) => g.length)) + 2;
  const row = (name: string, text: string) => `  ${name.padEnd(width)}${text}\n`;
  return (
    'Usage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers (modeled by Layerlab)\n\n' +
    'Management Commands:\n' +
    groups.map((g) => row(g, GROUP_SUMMARIES[g] ?? `Manage ${g}`)).join('') +
    '\nCommands:\n' +
    [...top]
      .sort((a, b) => (a.path[0]! < b.path[0]! ? -1 : 1))
      .map((c) => row(c.path[0]!, c.summary))
      .join('') +
    "\nRun 'docker COMMAND --help' for more information on a command.\n"
  );
}

const GROUP_SUMMARIES: Readonly<Record<string, string>> = {
  buildx: 'Docker Buildx',
  container: 'Manage containers',
  image: 'Manage images',
  system: 'Manage Docker',
};

function groupUsage(name: string, members: readonly DockerCommand[]): string {
  const width = Math.max(...members.map((c) => c.path[1]!.length)) + 2;
  return (
    `Usage:  docker ${name} COMMAND\n\n${GROUP_SUMMARIES[name] ?? `Manage ${name}`}\n\nCommands:\n` +
    [...members]
      .sort((a, b) => (a.path[1]! < b.path[1]! ? -1 : 1))
      .map((c) => `  ${c.path[1]!.padEnd(width)}${c.summary}\n`)
      .join('') +
    `\nRun 'docker ${name} COMMAND --help' for more information on a command.\n`
  );
}
