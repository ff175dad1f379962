import type { GradingContext, Observation } from './types';

const decoder = new TextDecoder();

/**
 * `workspace-file`: a file the student wrote in the workspace (`docker inspect --format … >
 * arch.txt`) is there — or not — and holds a text. `equals` compares with surrounding
 * whitespace trimmed (a shell's `>` adds a newline); `contains` is a case-insensitive substring.
 */
export async function checkWorkspaceFile(ctx: GradingContext, path: string, spec: { present?: boolean; equals?: string; contains?: string }): Promise<Observation> {
  if (ctx.workspace === undefined) return { ok: false, error: true, detail: 'no workspace to read' };
  const bytes = await ctx.workspace.readFile(path.replace(/^\.?\/+/, ''));
  const present = spec.present ?? true;
  if (bytes === null) return { ok: !present, detail: `no ${path} in the workspace` };
  if (!present) return { ok: false, detail: `${path} is in the workspace` };
  const text = decoder.decode(bytes);
  const shown = text.trim().length > 80 ? `${text.trim().slice(0, 77)}…` : text.trim();
  let ok = true;
  if (spec.equals !== undefined) ok &&= text.trim() === spec.equals.trim();
  if (spec.contains !== undefined) ok &&= text.toLowerCase().includes(spec.contains.toLowerCase());
  return { ok, detail: `${path} holds ${JSON.stringify(shown)}` };
}
