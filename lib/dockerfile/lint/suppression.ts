/**
 * The comments that switch rules off: hadolint's `# hadolint ignore=DL3006,DL3008` (for the
 * instruction right below the comment block) and `# hadolint global ignore=...` (for the file),
 * and BuildKit's `# check=skip=Name1,Name2|all;error=true` parser directive.
 */
import type { Dockerfile, InstructionNode } from '../ast';
import type { LintRule } from './types';

export interface Suppressions {
  /** Is `rule` switched off for the finding that belongs to `node`? */
  ignores(rule: Pick<LintRule, 'id' | 'name' | 'source'>, node?: InstructionNode): boolean;
  /** `# check=error=true`: BuildKit checks fail the build, so they are errors. */
  buildkitAsErrors: boolean;
}

// hadolint's Pragma.hs grammar, widened from [DLSC0-9] to any letters so Layerlab ids and
// BuildKit check names can be listed too.
const RULE_LIST = '([A-Za-z0-9]+(?:[ \\t]*,[ \\t]*[A-Za-z0-9]+)*)';
const IGNORE = new RegExp(`^hadolint[ \\t]+ignore[ \\t]*=[ \\t]*${RULE_LIST}$`);
const GLOBAL_IGNORE = new RegExp(`^hadolint[ \\t]+global[ \\t]+ignore[ \\t]*=[ \\t]*${RULE_LIST}$`);

const splitList = (list: string): string[] => list.split(',').map((s) => s.trim());

/** Go's strconv.ParseBool. */
function parseBool(text: string): boolean | null {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return null;
}

export function readSuppressions(df: Dockerfile): Suppressions {
  const global = new Set<string>();
  const commentByLine = new Map<number, string>();
  for (const comment of df.comments) {
    const text = comment.text.trimEnd();
    commentByLine.set(comment.range.start.line, text);
    const g = GLOBAL_IGNORE.exec(text);
    if (g) for (const id of splitList(g[1] as string)) global.add(id);
  }

  // BuildKit `linter.ParseLintOptions`; a malformed directive fails the build there, here it is ignored.
  let skipAll = false;
  let asErrors = false;
  const skip = new Set<string>();
  const check = df.directives.find((d) => d.name === 'check');
  if (check) {
    for (const part of check.value.trim().split(/;(.*)/s, 2)) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      const key = part.slice(0, eq).trim();
      const value = part.slice(eq + 1).trim();
      if (key === 'skip' && value === 'all') skipAll = true;
      else if (key === 'skip') for (const name of splitList(value)) skip.add(name);
      else if (key === 'error') asErrors = parseBool(value) ?? false;
    }
  }

  // Pragmas in the comment block directly above an instruction apply to it.
  const local = new Map<InstructionNode, Set<string>>();
  const localFor = (node: InstructionNode): Set<string> => {
    let ids = local.get(node);
    if (!ids) {
      ids = new Set();
      for (let line = node.range.start.line - 1; commentByLine.has(line); line--) {
        const m = IGNORE.exec(commentByLine.get(line) as string);
        if (m) for (const id of splitList(m[1] as string)) ids.add(id);
      }
      local.set(node, ids);
    }
    return ids;
  };

  return {
    buildkitAsErrors: asErrors,
    ignores(rule, node) {
      if (global.has(rule.id) || global.has(rule.name)) return true;
      if (rule.source === 'buildkit' && (skipAll || skip.has(rule.name))) return true;
      if (!node) return false;
      const ids = localFor(node);
      return ids.has(rule.id) || ids.has(rule.name);
    },
  };
}
