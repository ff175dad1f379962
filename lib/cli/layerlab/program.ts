import { UsageError } from '../common/options';
import type { CliIO } from './io';
import { analyzeCommand } from './analyze-command';
import { buildCommand } from './build-command';
import { contentCommand } from './content-command';
import { gradeCommand } from './grade-command';
import { imagesCommand } from './images-command';
import { inspectCommand } from './inspect-command';
import { lintCommand } from './lint-command';
import { loadCommand } from './load-command';
import { parseCommand } from './parse-command';
import { saveCommand } from './save-command';
import { shCommand } from './sh-command';

export const USAGE = `Usage:  layerlab COMMAND [OPTIONS]

Layerlab's headless tools: the same code the browser runs, in Node.

Commands:
  parse   Parse a Dockerfile (--dump for BuildKit's tree, --json for typed instructions)
  lint    Lint a Dockerfile (hadolint rules, BuildKit checks, Layerlab's best practices)
  build   Build an image from a Dockerfile (docker build)
  save    Save images to a tar archive (docker save)
  load    Load images from a tar archive (docker load)
  inspect Display detailed information on images (docker image inspect)
  images  List images (docker images)
  analyze Explore an image like dive: layers, efficiency, wasted bytes and why (--ci, --layer N, --json)
  sh      Run commands in the terminal's shell (docker, ssh, jq, tar, …), headless
  grade   Grade an answer or a lab (exit 0 passed, 1 not passed, 2 usage or content error)
  content Check a course folder: schemas, labs' solutions and starters, examples (content check)

Global options:
  --state DIR   Where images live (default $LAYERLAB_STATE, else ./.layerlab)

Run 'layerlab COMMAND --help' for more information on a command.
`;

const COMMANDS: Readonly<Record<string, (argv: readonly string[], io: CliIO) => Promise<number>>> = {
  parse: parseCommand,
  lint: lintCommand,
  build: buildCommand,
  save: saveCommand,
  load: loadCommand,
  inspect: inspectCommand,
  images: imagesCommand,
  analyze: analyzeCommand,
  sh: shCommand,
  grade: gradeCommand,
  content: contentCommand,
};

/** Runs one `layerlab` invocation and returns its exit code; never throws for user input. */
export async function runLayerlab(argv: readonly string[], io: CliIO): Promise<number> {
  // `layerlab --state DIR COMMAND ...`: the one global option, given before the command.
  while (argv[0] === '--state' || argv[0]?.startsWith('--state=')) {
    const inline = argv[0].startsWith('--state=');
    const dir = inline ? argv[0].slice('--state='.length) : argv[1];
    if (dir === undefined) {
      io.stderr('flag needs an argument: --state\n');
      return 1;
    }
    io = { ...io, stateDir: dir };
    argv = argv.slice(inline ? 1 : 2);
  }
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
