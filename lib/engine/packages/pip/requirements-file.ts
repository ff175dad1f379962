import { dirName, resolvePath, type ShellFs } from '@/lib/shell';
import { parseRequirement, type Requirement } from './versions';

/**
 * requirements.txt as pip reads it: `#` comments (at line start or after whitespace), blank
 * lines, `\` continuations, `-r`/`--requirement` includes relative to the including file, and
 * options pip accepts there but that change nothing in the model (`--index-url`, `-i`,
 * `--extra-index-url`, `--no-binary`, `-c` constraints...).
 */

export type RequirementsResult = { ok: true; requirements: Requirement[] } | { ok: false; error: string };

const IGNORED_WITH_VALUE = /^(-i|--index-url|--extra-index-url|-f|--find-links|-c|--constraint|--no-binary|--only-binary|--trusted-host)(=|\s|$)/;

export async function readRequirementsFile(fs: ShellFs, path: string, shownAs: string, depth = 0): Promise<RequirementsResult> {
  if (depth > 10) return { ok: false, error: `ERROR: Too many nested requirement files (at ${shownAs})` };
  let text: string;
  try {
    text = new TextDecoder().decode(await fs.readFile(path));
  } catch {
    return { ok: false, error: `ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${shownAs}'` };
  }
  const lines = text.replace(/\\\r?\n/g, '').split(/\r?\n/);
  const out: Requirement[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const include = /^(?:-r|--requirement)(?:\s+|=)?(.+)$/.exec(line);
    if (include !== null) {
      const rel = (include[1] ?? '').trim();
      const nested = await readRequirementsFile(fs, resolvePath(dirName(path), rel), rel, depth + 1);
      if (!nested.ok) return nested;
      out.push(...nested.requirements);
      continue;
    }
    if (IGNORED_WITH_VALUE.test(line) || /^--?[a-z]/.test(line)) continue;
    const req = parseRequirement(line);
    if (req === undefined) return { ok: false, error: `ERROR: Invalid requirement: '${line}' (from line ${i + 1} of ${shownAs})` };
    out.push(req);
  }
  return { ok: true, requirements: out };
}
