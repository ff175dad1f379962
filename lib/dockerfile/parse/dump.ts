/**
 * BuildKit's `Node.Dump()` (parser.go): the s-expression text the parser fixtures' `result`
 * files hold. Per instruction: the lower-cased keyword, ` %q` of the flag words when there are
 * any, then each argument as ` strconv.Quote(value)`; ONBUILD's child is nested in parentheses.
 */
import type { Dockerfile, InstructionNode } from '../ast';
import { goQuote, goQuoteList } from '@/lib/util';
import { goToLower, goTrimSpace } from '@/lib/util';

/** `Node.Dump()` of one instruction node (without the surrounding parentheses). */
export function dumpNode(node: InstructionNode): string {
  const parts: string[] = [goToLower(node.keyword)];
  if (node.flags.length > 0) parts.push(' ', goQuoteList(node.flags.map((f) => f.raw)));
  // The child hangs off a value-less `Next` node whose own Dump is `(child)\n`, trimmed.
  if (node.child !== null) parts.push(' (', dumpNode(node.child), ')');
  for (const arg of node.args) parts.push(' ', goQuote(arg.value));
  return goTrimSpace(parts.join(''));
}

/**
 * The root node's `Dump()` plus the trailing newline, i.e. exactly a fixture's `result`:
 * one `(instruction ...)` per line.
 */
export function dumpDockerfile(df: Dockerfile): string {
  const lines = df.instructions.map((node) => `(${dumpNode(node)})`);
  return `${goTrimSpace(lines.join('\n'))}\n`;
}
