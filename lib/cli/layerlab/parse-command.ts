import {
  dumpDockerfile,
  formatErrorSnippet,
  isDockerfileError,
  parseDockerfile,
  toInstructions,
  type Dockerfile,
  type InstructionNode,
  type Instructions,
} from '@/lib/dockerfile';
import { parseOptions } from '../common/options';
import { decodeUtf8, describeReadError, type CliIO } from './io';

export const PARSE_USAGE = `Usage:  layerlab parse (--dump | --json) FILE

Parse a Dockerfile the way BuildKit does.

Options:
      --dump   Print BuildKit's syntax tree dump (the parser test "result" format)
      --json   Print the typed instructions, grouped in stages, with source ranges
`;

/** `layerlab parse --dump FILE` / `layerlab parse --json FILE`. Returns the exit code. */
export async function parseCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseOptions(argv, { dump: { type: 'bool' }, json: { type: 'bool' }, help: { type: 'bool', short: 'h' } });
  if (args.bools.has('help')) {
    io.stdout(PARSE_USAGE);
    return 0;
  }
  const file = args.positionals[0];
  if (args.positionals.length !== 1 || file === undefined || args.bools.has('dump') === args.bools.has('json')) {
    io.stderr(`"layerlab parse" requires exactly one of --dump or --json and exactly 1 file.\n\n${PARSE_USAGE}`);
    return 1;
  }
  const source = await readDockerfile(file, io);
  if (source === null) return 1;
  try {
    const dockerfile = parseDockerfile(source);
    if (args.bools.has('dump')) {
      io.stdout(dumpDockerfile(dockerfile));
    } else {
      io.stdout(`${JSON.stringify(toJson(dockerfile, toInstructions(dockerfile)), omitNodes, 2)}\n`);
    }
    return 0;
  } catch (error) {
    if (!isDockerfileError(error)) throw error;
    const snippet = error.range ? `${formatErrorSnippet(file, source, error.range)}\n` : '';
    io.stderr(`${snippet}ERROR: ${error.message}\n`);
    return 1;
  }
}

/** Reads a Dockerfile, printing Docker's error when it cannot; null means "already reported". */
export async function readDockerfile(file: string, io: CliIO): Promise<string | null> {
  try {
    return decodeUtf8(await io.readFile(file));
  } catch (error) {
    io.stderr(`ERROR: failed to read dockerfile: ${describeReadError(file, error)}\n`);
    return null;
  }
}

function toJson(dockerfile: Dockerfile, instructions: Instructions): object {
  return {
    directives: dockerfile.directives,
    escapeToken: dockerfile.escapeToken,
    warnings: dockerfile.warnings,
    metaArgs: instructions.metaArgs,
    stages: instructions.stages,
  };
}

/**
 * Typed instructions keep a link to their syntax node for tools; in JSON it would repeat every
 * instruction, so the node is replaced by its raw flags, which the typed form does not otherwise show.
 */
function isNode(value: unknown): value is InstructionNode {
  return value !== null && typeof value === 'object' && 'rawKeyword' in value && 'flags' in value;
}

function omitNodes(key: string, value: unknown): unknown {
  if (key === 'node' && isNode(value)) return { keyword: value.rawKeyword, flags: value.flags.map((f) => f.raw) };
  return value;
}
