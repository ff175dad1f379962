/**
 * Hovers as plain data: the rule behind a lint marker (id, name, explanation, its quick fix),
 * docs for the instruction or flag under the cursor, the hub image a FROM names, and where a
 * `$VARIABLE` was declared.
 */
import type { Finding, Position, Range } from '@/lib/dockerfile';
import type { DockerfileAnalysis } from './analyze';
import { findImage, findTag, splitImageRef, type ImageCatalog } from './image-catalog';
import { flagMarkdown, instructionMarkdown } from './instruction-docs';
import { cursorContext } from './line-context';
import { ruleInfo } from './markers';
import { declaredNames } from './symbols';

export interface HoverResult {
  range: Range;
  /** Markdown paragraphs, one per hover section. */
  contents: string[];
}

export interface HoverOptions {
  images?: ImageCatalog;
  ruleHref?: (ruleId: string) => string | null;
}

export function contains(range: Range, p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.column >= range.start.column);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.column <= range.end.column);
  return afterStart && beforeEnd;
}

/** Markdown explaining a finding's rule: what students read when they hover a squiggle. */
export function findingMarkdown(finding: Finding, options: HoverOptions = {}): string {
  const info = ruleInfo(finding.rule);
  const href = options.ruleHref?.(finding.rule) ?? null;
  const id = href === null ? `**${finding.rule}**` : `[**${finding.rule}**](${href})`;
  const parts = [`${id} ${info?.name ?? finding.name} · ${finding.severity}`];
  if (info) parts.push(info.explanation);
  if (finding.fix) parts.push(`Quick fix: *${finding.fix.title}*`);
  return parts.join('\n\n');
}

export function hoverAt(analysis: DockerfileAnalysis, position: Position, options: HoverOptions = {}): HoverResult | null {
  const findings = analysis.findings.filter((f) => contains(f.range, position));
  if (findings.length > 0) {
    const range = findings.map((f) => f.range).reduce((a, b) => (size(b) < size(a) ? b : a));
    return { range, contents: findings.map((f) => findingMarkdown(f, options)) };
  }
  const ctx = cursorContext(analysis.text, position, analysis.dockerfile);
  if (ctx.kind !== 'instruction' || ctx.keyword === null || ctx.keywordWord === null) return null;
  if (ctx.index === -1) {
    const doc = instructionMarkdown(ctx.keyword);
    return doc === null ? null : { range: ctx.keywordWord.range, contents: [doc] };
  }
  const word = ctx.words[ctx.index];
  if (word === undefined) return null;
  const text = word.text;

  const variable = variableAt(text, position.column - word.range.start.column);
  if (variable !== null) {
    const declared = declaredNames(analysis.text, position).find((d) => d.name === variable.name);
    const range: Range = { start: { line: word.range.start.line, column: word.range.start.column + variable.start }, end: { line: word.range.start.line, column: word.range.start.column + variable.end } };
    const body = declared
      ? `\`${declared.kind} ${declared.name}${declared.value !== null ? `=${declared.value}` : ''}\` (line ${declared.line})`
      : `\`${variable.name}\` is not declared above in this stage: it expands to an empty string unless the base image sets it.`;
    return { range, contents: [body] };
  }

  const flag = /^--([a-z-]+)/.exec(text);
  if (flag && ctx.words.slice(0, ctx.index).every((w) => w.text.startsWith('--'))) {
    const doc = flagMarkdown(ctx.keyword, flag[1] ?? '');
    return doc === null ? null : { range: word.range, contents: [doc] };
  }

  const args = ctx.words.slice(0, ctx.index).filter((w) => !w.text.startsWith('--'));
  if (ctx.keyword === 'FROM' && args.length === 0) {
    const doc = imageMarkdown(options.images, text);
    return doc === null ? null : { range: word.range, contents: [doc] };
  }
  return null;
}

function size(r: Range): number {
  return (r.end.line - r.start.line) * 10_000 + (r.end.column - r.start.column);
}

/** The `$NAME` / `${NAME...}` around an offset of a word. */
function variableAt(text: string, offset: number): { name: string; start: number; end: number } | null {
  const re = /\$\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}?|\$([A-Za-z_][A-Za-z0-9_]*)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.index <= offset && offset <= m.index + m[0].length) return { name: m[1] ?? m[2] ?? '', start: m.index, end: m.index + m[0].length };
  }
  return null;
}

function imageMarkdown(catalog: ImageCatalog | undefined, ref: string): string | null {
  const { name, tag } = splitImageRef(ref);
  const image = findImage(catalog, name);
  if (image === undefined) return null;
  const lines = [`**${image.name}** · ${image.description}`];
  const entry = findTag(image, tag ?? 'latest');
  if (entry) {
    const names = [entry.name, ...entry.aliases].map((n) => `\`${n}\``).join(', ');
    lines.push(`\`${image.name}:${tag ?? 'latest'}\` is ${entry.size ?? 'an image'} in the built-in hub; same image as ${names}.`);
  } else {
    lines.push(`Tags in the built-in hub: ${image.tags.map((t) => `\`${t.name}\``).join(', ')}.`);
  }
  return lines.join('\n\n');
}
