/**
 * A Go template error. `message` is Go's text, e.g.
 * `template: :1:2: executing "" at <.Foo>: can't evaluate field Foo in type *formatter.imageContext`
 * (execution) or `template: :1: unexpected "}" in operand` (parsing). docker/cli wraps both as
 * `template parsing error: <message>`: that is `dockerMessage`.
 */
export class TemplateError extends Error {
  /** `parse`: the template text is malformed (docker inspect exits 64); `exec`: running it failed. */
  readonly phase: 'parse' | 'exec';
  /** The text docker prints: `template parsing error: <message>`. */
  readonly dockerMessage: string;
  constructor(message: string, phase: 'parse' | 'exec') {
    super(message);
    this.name = 'TemplateError';
    this.phase = phase;
    this.dockerMessage = `template parsing error: ${message}`;
  }
}
