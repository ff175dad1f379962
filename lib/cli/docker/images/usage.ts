/**
 * `--help` texts laid out the way cobra and pflag print them: `Options:` rows with the usage
 * column at the longest flag + 3, continuation lines indented to it (pflag `FlagUsages`).
 */
export type OptionRow = readonly [flags: string, text: string];

export function optionLines(rows: readonly OptionRow[]): string {
  const width = Math.max(...rows.map(([flags]) => flags.length)) + 3;
  return rows.map(([flags, text]) => `  ${flags.padEnd(width)}${text.split('\n').join(`\n${' '.repeat(width + 2)}`)}\n`).join('');
}

/** The `--format` flag text of commands that print tables (docker/cli `flagsHelper.FormatHelp`). */
export const FORMAT_TABLE_HELP = [
  'Format output using a custom template:',
  "'table':            Print output in table format with column headers (default)",
  "'table TEMPLATE':   Print output in table format using the given Go template",
  "'json':             Print in JSON format",
  "'TEMPLATE':         Print output using the given Go template.",
  'Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates',
].join('\n');

/** `--format` of inspect-like commands (`flagsHelper.InspectFormatHelp`). */
export const FORMAT_INSPECT_HELP = [
  'Format output using a custom template:',
  "'json':             Print in JSON format",
  "'TEMPLATE':         Print output using the given Go template.",
  'Refer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates',
].join('\n');

/** A whole usage text: `Usage:` line, description, aliases, options. */
export function usageText(parts: { usage: string; description: string; aliases?: string; options?: readonly OptionRow[]; extra?: string }): string {
  return (
    `Usage:  ${parts.usage}\n\n${parts.description}\n` +
    (parts.aliases !== undefined ? `\nAliases:\n  ${parts.aliases}\n` : '') +
    (parts.options !== undefined && parts.options.length > 0 ? `\nOptions:\n${optionLines(parts.options)}` : '') +
    (parts.extra ?? '')
  );
}
