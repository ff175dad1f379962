/**
 * Non-local control flow of the language, thrown and caught inside the interpreter only:
 * `exit`, `return`, `break`, `continue`. They are not errors and never leave `runShell`.
 */
export class ExitSignal {
  constructor(readonly status: number) {}
}

export class ReturnSignal {
  constructor(readonly status: number) {}
}

export class LoopSignal {
  constructor(
    readonly kind: 'break' | 'continue',
    /** How many enclosing loops still to leave (`break 2`). */
    readonly levels: number,
  ) {}
}
