/**
 * Completions as plain data: instructions, flags per instruction and their values, base images
 * and tags from the hub, stage names after `--from=` (and in FROM), variables after `$`.
 */
import { INSTRUCTION_NAMES, PLATFORM_ARG_NAMES, type Position, type Range } from '@/lib/dockerfile';
import type { DockerfileAnalysis } from './analyze';
import { findImage, type ImageCatalog } from './image-catalog';
import { flagDoc, flagMarkdown, INSTRUCTION_DOCS, instructionMarkdown } from './instruction-docs';
import { cursorContext, type Word } from './line-context';
import { declaredNames } from './symbols';

export type CompletionKind = 'keyword' | 'flag' | 'value' | 'image' | 'tag' | 'stage' | 'variable';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  insertText: string;
  /** The text the entry replaces. */
  range: Range;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  sortText?: string;
  /** Ask for completions again after inserting (e.g. `FROM ` → images, `--from=` → stages). */
  retrigger?: boolean;
}

export interface CompletionOptions {
  images?: ImageCatalog;
}

/** Characters after which Monaco should ask for completions without Ctrl+Space. */
export const COMPLETION_TRIGGERS: readonly string[] = ['-', '=', ':', '$', '{', ' '];

const NOT_IN_ONBUILD = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export function completionsAt(analysis: DockerfileAnalysis, position: Position, options: CompletionOptions = {}): CompletionEntry[] {
  const ctx = cursorContext(analysis.text, position, analysis.dockerfile);
  if (ctx.kind !== 'instruction') return ctx.kind === 'heredoc' ? variableEntries(analysis, position, currentWordPrefix(analysis.text, position)) : [];
  const { keyword, words, index, prefix, wordRange } = ctx;

  // Variables anywhere in the arguments: `$NA`, `${NA`.
  const variable = /\$\{?([A-Za-z_][A-Za-z0-9_]*)?$/.exec(prefix);
  if (index >= 0 && variable) return variableEntries(analysis, position, prefix);

  if (keyword === null || index === -1) return instructionEntries(wordRange, null);
  if (keyword === 'ONBUILD' && index === 0) return instructionEntries(wordRange, NOT_IN_ONBUILD);

  const doc = INSTRUCTION_DOCS[keyword];
  if (doc === undefined) return [];
  const flagsBefore = words.slice(0, index).every((w) => w.text.startsWith('--'));

  // Flags come first: `--` words before any argument.
  if (flagsBefore && prefix.startsWith('-')) {
    const eq = prefix.indexOf('=');
    if (eq < 0) return flagEntries(keyword, words, index, wordRange);
    return flagValueEntries(analysis, keyword, prefix.slice(2, eq), prefix, wordRange);
  }

  const argIndex = words.slice(0, index).filter((w) => !w.text.startsWith('--')).length;
  if (keyword === 'FROM') return fromEntries(analysis, position, argIndex, prefix, wordRange, options);
  if (keyword === 'HEALTHCHECK' && argIndex === 0) {
    return ['CMD', 'NONE'].map((label) => ({ label, kind: 'keyword', insertText: `${label} `, range: wordRange, detail: 'HEALTHCHECK' }));
  }
  return [];
}

function instructionEntries(range: Range, exclude: ReadonlySet<string> | null): CompletionEntry[] {
  return INSTRUCTION_NAMES.filter((name) => !exclude?.has(name)).map((name, i) => ({
    label: name,
    kind: 'keyword',
    insertText: `${name} `,
    range,
    detail: INSTRUCTION_DOCS[name]?.syntax,
    documentation: instructionMarkdown(name) ?? undefined,
    // MAINTAINER is deprecated: list it last.
    sortText: name === 'MAINTAINER' ? `z${name}` : `a${String(i).padStart(2, '0')}`,
    retrigger: name === 'FROM' || name === 'ONBUILD',
  }));
}

function flagEntries(keyword: string, words: readonly Word[], index: number, range: Range): CompletionEntry[] {
  const doc = INSTRUCTION_DOCS[keyword];
  if (doc === undefined) return [];
  const used = new Set(words.filter((_, i) => i !== index).map((w) => /^--([^=]+)/.exec(w.text)?.[1]));
  return Object.entries(doc.flags)
    .filter(([name]) => !used.has(name) || name === 'mount' || name === 'exclude')
    .map(([name, flag]) => {
      const boolean = !flag.syntax.includes('=');
      return {
        label: `--${name}`,
        kind: 'flag',
        insertText: boolean ? `--${name} ` : `--${name}=`,
        range,
        detail: flag.syntax,
        documentation: flagMarkdown(keyword, name) ?? undefined,
        retrigger: !boolean,
      };
    });
}

function flagValueEntries(analysis: DockerfileAnalysis, keyword: string, flag: string, prefix: string, word: Range): CompletionEntry[] {
  const head = prefix.slice(0, prefix.indexOf('=') + 1);
  // Replace only what follows `=`.
  const range: Range = { start: { line: word.start.line, column: word.start.column + head.length }, end: word.end };
  if (keyword === 'COPY' && flag === 'from') {
    // The stage being built cannot copy from itself (DL3023).
    return stageNames(analysis, word.start).slice(0, -1).map((stage, i) => ({
      label: stage.name,
      kind: 'stage',
      insertText: `${stage.name} `,
      range,
      detail: `stage ${stage.index}: FROM ${stage.image}`,
      sortText: String(i).padStart(3, '0'),
    }));
  }
  const values = flagDoc(keyword, flag)?.values ?? [];
  return values.map((value) => ({ label: value, kind: 'value', insertText: value, range, detail: `--${flag}` }));
}

function fromEntries(
  analysis: DockerfileAnalysis,
  position: Position,
  argIndex: number,
  prefix: string,
  range: Range,
  options: CompletionOptions,
): CompletionEntry[] {
  if (argIndex === 1) return [{ label: 'AS', kind: 'keyword', insertText: 'AS ', range, detail: 'name this stage' }];
  if (argIndex !== 0) return [];
  const colon = prefix.lastIndexOf(':');
  if (colon > prefix.lastIndexOf('/')) return tagEntries(options.images, prefix.slice(0, colon), { start: { line: range.start.line, column: range.start.column + colon + 1 }, end: range.end });
  const entries: CompletionEntry[] = (options.images?.images ?? []).map((image) => ({
    label: image.name,
    kind: 'image',
    insertText: image.tags.length > 0 ? `${image.name}:` : image.name,
    range,
    detail: image.description,
    documentation: image.tags.length > 0 ? `Tags: ${image.tags.map((t) => `\`${t.name}\``).join(', ')}` : undefined,
    sortText: `b${image.name}`,
    retrigger: image.tags.length > 0,
  }));
  // `FROM builder` continues an earlier stage.
  for (const stage of stageNames(analysis, position)) {
    if (/^\d+$/.test(stage.name)) continue;
    entries.push({ label: stage.name, kind: 'stage', insertText: stage.name, range, detail: `continue stage ${stage.index} (FROM ${stage.image})`, sortText: `a${stage.name}` });
  }
  return entries;
}

function tagEntries(catalog: ImageCatalog | undefined, name: string, range: Range): CompletionEntry[] {
  const image = findImage(catalog, name);
  if (image === undefined) return [];
  return image.tags.flatMap((tag, i) =>
    [tag.name, ...tag.aliases].map((label, j) => ({
      label,
      kind: 'tag' as const,
      insertText: label,
      range,
      detail: `${image.name}:${tag.name}${tag.size ? ` · ${tag.size}` : ''}`,
      documentation: j === 0 && tag.aliases.length > 0 ? `Also tagged ${tag.aliases.map((a) => `\`${a}\``).join(', ')}` : undefined,
      // Canonical tags first, in catalog order; `latest` last (DL3007).
      sortText: `${label === 'latest' ? 'z' : j === 0 ? 'a' : 'b'}${String(i).padStart(3, '0')}${String(j).padStart(3, '0')}`,
    })),
  );
}

interface StageRef {
  name: string;
  index: number;
  image: string;
}

/** Stages defined before `position`: names, and indexes for unnamed ones. */
function stageNames(analysis: DockerfileAnalysis, position: Position): StageRef[] {
  const stages: StageRef[] = [];
  const lines = analysis.text.split(/\r\n|\r|\n/);
  let index = 0;
  for (let n = 1; n < position.line; n++) {
    const m = /^\s*FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?/i.exec(lines[n - 1] ?? '');
    if (!m) continue;
    stages.push({ name: m[2]?.toLowerCase() ?? String(index), index, image: m[1] ?? '' });
    index++;
  }
  return stages;
}

function currentWordPrefix(text: string, position: Position): string {
  const line = text.split(/\r\n|\r|\n/)[position.line - 1] ?? '';
  return /\S*$/.exec(line.slice(0, position.column - 1))?.[0] ?? '';
}

function variableEntries(analysis: DockerfileAnalysis, position: Position, prefix: string): CompletionEntry[] {
  const m = /\$(\{?)([A-Za-z_][A-Za-z0-9_]*)?$/.exec(prefix);
  if (!m) return [];
  const typed = m[2] ?? '';
  const range: Range = { start: { line: position.line, column: position.column - typed.length }, end: position };
  const braced = m[1] === '{';
  const names = declaredNames(analysis.text, position);
  const entries: CompletionEntry[] = names.map((v) => ({
    label: v.name,
    kind: 'variable',
    insertText: braced ? `${v.name}}` : v.name,
    range,
    detail: `${v.kind} on line ${v.line}${v.value !== null ? ` = ${v.value}` : ''}`,
    sortText: `a${v.name}`,
  }));
  const seen = new Set(names.map((v) => v.name));
  for (const name of PLATFORM_ARG_NAMES) {
    if (seen.has(name)) continue;
    entries.push({ label: name, kind: 'variable', insertText: braced ? `${name}}` : name, range, detail: 'predefined by BuildKit (declare it with ARG in a stage)', sortText: `b${name}` });
  }
  return entries;
}
