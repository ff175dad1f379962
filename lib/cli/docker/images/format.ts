import { executeTemplate, renderFormat, TemplateError } from '../../go-template';
import { tabulate } from '../../common/human-units';
import { CliError } from '../command';

/**
 * `--format` for the image commands. The default table is written directly (the hot path of
 * `docker images` with hundreds of rows); anything else goes through the Go-template engine.
 * Template errors print as docker/cli's formatter prints them: `template parsing error: …`,
 * exit 1 (`formatter.Context.parseFormat` / `contextFormat`).
 */
export interface FormatSpec {
  /** docker/cli's default table template, e.g. `table {{.Repository}}\t{{.Tag}}…`. */
  readonly defaultFormat: string;
  /** Field name → header text (`ID` → `IMAGE ID`). */
  readonly headers: Readonly<Record<string, string>>;
  /** The Go type in error messages (`*formatter.imageContext`). */
  readonly typeName: string;
}

export function formatRows(format: string | undefined, rows: readonly object[], spec: FormatSpec, defaultTable: () => (readonly string[])[]): string {
  if (format === undefined || format === '' || format === 'table') return tabulate(defaultTable());
  try {
    return renderFormat(format, rows, spec);
  } catch (error) {
    if (error instanceof TemplateError) throw new CliError(`template parsing error: ${error.message}`);
    throw error;
  }
}

/**
 * One inspect object through `-f/--format` (docker/cli `TemplateInspector`): the template's
 * output plus a newline (a failed run retried on the raw JSON, as docker does). A template that
 * fails to parse or run is docker's `template parsing error: …`.
 */
export function formatInspect(template: string, data: object, typeName: string): string {
  try {
    return executeTemplate(template, data, typeName);
  } catch (error) {
    if (error instanceof TemplateError) throw new CliError(`template parsing error: ${error.message}`);
    throw error;
  }
}

export { TemplateError };
