import type { Dockerfile, InstructionNode } from '../ast';
import { DockerfileError } from '../errors';
import { FlagError } from './flags';
import { InstructionError } from './instruction-error';
import { parseInstruction } from './parse-instruction';
import type { ArgInstruction, Instruction, Instructions, Stage } from './types';

/**
 * BuildKit `instructions.Parse`: typed instructions grouped into stages. ARGs before the first
 * FROM are meta args; anything else before it is `no build stage in current context`.
 * Errors read `dockerfile parse error on line N: <message>` (N = the instruction's first line).
 */
export function toInstructions(dockerfile: Dockerfile): Instructions {
  const metaArgs: ArgInstruction[] = [];
  const stages: Stage[] = [];
  for (const node of dockerfile.instructions) {
    const instruction = parseNode(node);
    if (instruction.kind === 'from') {
      stages.push({ index: stages.length, name: instruction.stageName?.value ?? null, from: instruction, commands: [] });
      continue;
    }
    const stage = stages[stages.length - 1];
    if (stage) {
      stage.commands.push(instruction);
    } else if (instruction.kind === 'arg') {
      metaArgs.push(instruction);
    } else {
      // BuildKit reports this one with a location but without the "parse error on line" prefix.
      throw new DockerfileError('instruction', 'no build stage in current context', { range: node.range });
    }
  }
  return { metaArgs, stages };
}

function parseNode(node: InstructionNode): Instruction {
  try {
    return parseInstruction(node);
  } catch (error) {
    if (error instanceof InstructionError || error instanceof FlagError) {
      const range = error instanceof FlagError ? error.flag.range : (error.range ?? node.range);
      const line = node.range.start.line;
      throw new DockerfileError('instruction', `dockerfile parse error on line ${line}: ${error.message}`, { line, range }, { cause: error });
    }
    throw error;
  }
}
