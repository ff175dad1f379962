/**
 * Quick fixes as plain data. Most come straight from the linter: a Finding carries a mechanical
 * `fix` (add `--no-cache-dir`, `rm -rf /var/lib/apt/lists/*`, `-y`, JSON form, ...). Pinning a
 * tag (DL3006, DL3007) needs to know which release `latest` is today, which only the hub knows,
 * so the editor adds it here from the image catalog: `node:latest` → `node:18.19.0`, the same image.
 */
import type { Finding, Range } from '@/lib/dockerfile';
import type { DockerfileAnalysis } from './analyze';
import { contains } from './hover';
import { findImage, pinnedTag, splitImageRef, type ImageCatalog } from './image-catalog';

export interface TextEdit {
  range: Range;
  text: string;
}

export interface QuickFix {
  title: string;
  /** The finding it fixes (its marker is the action's diagnostic). */
  finding: Finding;
  edit: TextEdit;
  /** The one fix to apply with the "auto fix" key. */
  preferred: boolean;
}

export interface CodeActionOptions {
  images?: ImageCatalog;
}

function overlaps(a: Range, b: Range): boolean {
  return contains(a, b.start) || contains(a, b.end) || contains(b, a.start);
}

export function quickFixesAt(analysis: DockerfileAnalysis, range: Range, options: CodeActionOptions = {}): QuickFix[] {
  const fixes: QuickFix[] = [];
  for (const finding of analysis.findings) {
    if (!overlaps(finding.range, range)) continue;
    if (finding.fix) {
      fixes.push({ title: finding.fix.title, finding, edit: { range: finding.fix.range, text: finding.fix.text }, preferred: true });
      continue;
    }
    const pin = pinFix(analysis.text, finding, options.images);
    if (pin) fixes.push(pin);
  }
  return fixes;
}

/** DL3006 (no tag) and DL3007 (`latest`): pin to the release tag naming the same hub image. */
function pinFix(text: string, finding: Finding, images: ImageCatalog | undefined): QuickFix | null {
  if (finding.rule !== 'DL3006' && finding.rule !== 'DL3007') return null;
  const { range } = finding;
  if (range.start.line !== range.end.line) return null;
  const line = text.split(/\r\n|\r|\n/)[range.start.line - 1] ?? '';
  const ref = line.slice(range.start.column - 1, range.end.column - 1);
  const { name, tag, digest } = splitImageRef(ref);
  if (digest !== null || name.includes('$')) return null;
  const image = findImage(images, name);
  const pinned = image && pinnedTag(image, tag ?? 'latest');
  if (!pinned) return null;
  return {
    title: `Pin ${name}:${pinned} (what ${name}:${tag ?? 'latest'} is today)`,
    finding,
    edit: { range, text: `${name}:${pinned}` },
    preferred: true,
  };
}

/** Applies edits to a text (ranges of the original text; they must not overlap). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: Range['start']) => (starts[p.line - 1] ?? text.length) + p.column - 1;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.text + out.slice(offset(e.range.end));
  return out;
}
