import { UsageError } from './args';
import type { CliIO } from './io';
import { lintCommand } from './lint-command';
import { parseCommand } from './parse-command';

export const USAGE = `Usage:  layerlab COMMAND [OPTIONS]

Layerlab's headless tools: the same code the browser runs, in Node.

Commands:
  parse   Parse a Dockerfile (--dump for BuildKit's tree, --json for typed instructions)
  lint    Lint a Dockerfile (hadolint rules, BuildKit checks, Layerlab's best practices)

Run 'layerlab COMMAND --help' for more information on a command.
`;

const COMMANDS: Readonly<Record<string, (argv: readonly string[], io: CliIO) => Promise<number>>> = {
  parse: parseCommand,
  lint: lintCommand,
};

/** Runs one `layerlab` invocation and returns its exit code; never throws for user input. */
export async function runLayerlab(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(USAGE);
    return name === undefined ? 1 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`layerlab: '${name}' is not a layerlab command.\nSee 'layerlab --help'\n`);
    return 1;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\nSee 'layerlab ${name} --help'.\n`);
      return 1;
    }
    throw error;
  }
}
