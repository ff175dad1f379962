import type { Range } from '../ast';

/** An instruction-level error before the `dockerfile parse error on line N:` wrapper. */
export class InstructionError extends Error {
  constructor(
    message: string,
    readonly range?: Range,
  ) {
    super(message);
  }
}

export function atLeastOne(command: string): InstructionError {
  return new InstructionError(`${command} requires at least one argument`);
}

export function noDestination(command: string): InstructionError {
  return new InstructionError(`${command} requires at least two arguments, but only one was provided. Destination could not be determined`);
}
