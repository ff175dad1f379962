import type { FileEntry, ImageAnalysis, LayerStack, StackEntry, WastedPath } from '@/lib/engine';
import { humanizeBytes } from '@/lib/engine';
import { shortId } from '@/lib/util';
import { humanSize } from '../common/human-units';

/**
 * The text of `layerlab analyze`: dive's "Image Details" (total size, potential wasted space,
 * efficiency score, the Count / Total Space / Path table) with a layer table above it and the
 * reason for each wasted path beside it, then the caches the image still carries. Layers are
 * numbered from 1 here (as the material counts them); the JSON keeps 0-based indexes.
 */

const WASTED_ROWS = 20;

export function formatAnalysis(analysis: ImageAnalysis, options: { top?: number } = {}): string {
  const { stack, efficiency } = analysis;
  const out: string[] = [];
  out.push(`Image: ${analysis.image.tags[0] ?? '<none>'} (${shortId(analysis.image.id)})`, '');
  out.push(...layerTable(stack), '');
  out.push(`Total Image size: ${humanSize(stack.total)} in ${stack.layerCount} layer${stack.layerCount === 1 ? '' : 's'}`);
  out.push(`Potential wasted space: ${humanizeBytes(efficiency.wastedBytes)}`);
  out.push(`Image efficiency score: ${(efficiency.efficiency * 100).toFixed(2)} %`);
  if (efficiency.dive.efficiency !== efficiency.efficiency) {
    out.push(`  (dive itself would say ${(efficiency.dive.efficiency * 100).toFixed(2)} % and ${humanizeBytes(efficiency.dive.wastedBytes)}: it counts a deleted directory once, not per file)`);
  }
  out.push('');
  const top = options.top ?? WASTED_ROWS;
  const wasted = efficiency.wasted.filter((w) => w.cumulativeBytes > 0);
  if (wasted.length === 0) out.push('Wasted space: none (no file is written by one layer and deleted or rewritten by another)');
  else {
    out.push('Count  Total Space  Path  (why)');
    for (const w of wasted.slice(0, top)) out.push(`${String(w.count).padStart(5)}  ${humanizeBytes(w.cumulativeBytes).padStart(11)}  ${w.path}  (${why(w, stack)})`);
    if (wasted.length > top) out.push(`  … ${wasted.length - top} more (--json lists them all)`);
  }
  out.push('');
  if (efficiency.cacheLeftBehind.length === 0) out.push('Caches left behind: none');
  else {
    out.push(`Caches left behind (${humanSize(efficiency.cacheBytes)}, shipped with the image; dive does not count them):`);
    for (const c of efficiency.cacheLeftBehind) {
      const by = c.writtenBy.map((w) => `layer ${w.layer + 1} (${instructionOfLayer(stack, w.layer)})`).join(', ');
      out.push(`  ${humanSize(c.bytes).padStart(8)}  ${c.dir}  ${c.label}, written by ${by}`);
      out.push(`            fix: ${c.fix}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function layerTable(stack: LayerStack): string[] {
  const rows: string[] = ['Layers (base first):', `  ${'#'.padStart(3)}  ${'SIZE'.padStart(8)}  ${'DIFF ID'.padEnd(12)}  INSTRUCTION`];
  let group: number | null | undefined;
  for (const entry of stack.entries) {
    if (entry.base !== group) {
      group = entry.base;
      const base = group === null ? null : stack.bases[group];
      rows.push(base ? `  ── from ${base.name} (${humanSize(base.size)}) ──` : stack.bases.length > 0 ? '  ── this image ──' : '  ──');
    }
    rows.push(layerRow(entry));
  }
  return rows;
}

function layerRow(entry: StackEntry): string {
  const number = entry.layer === null ? '' : String(entry.layer + 1);
  const size = entry.layer === null ? '' : humanSize(entry.size);
  const diffId = entry.diffId === null ? '(no layer)' : shortId(entry.diffId);
  const text = entry.instruction === '' ? '<missing history>' : entry.instruction.replace(/\s+/g, ' ');
  return `  ${number.padStart(3)}  ${size.padStart(8)}  ${diffId.padEnd(12)}  ${text.length > 90 ? `${text.slice(0, 89)}…` : text}`;
}

function instructionOfLayer(stack: LayerStack, layer: number): string {
  const text = stack.entries.find((e) => e.layer === layer)?.instruction.replace(/\s+/g, ' ') ?? '';
  return text.length > 50 ? `${text.slice(0, 49)}…` : text;
}

function why(w: WastedPath, stack: LayerStack): string {
  const layers = (list: readonly number[]) => list.map((l) => l + 1).join(', ');
  const cache = w.cache === undefined ? '' : ', a cache';
  if (w.reason.kind === 'deleted') {
    return `added in layer ${layers(w.reason.writtenIn)}, deleted in layer ${w.reason.deletedIn + 1}: ${instructionOfLayer(stack, w.reason.deletedIn)}${cache}`;
  }
  const earlier = w.reason.writtenIn.slice(0, -1);
  return `written in layer ${layers(earlier)}, overwritten in layer ${w.reason.finalLayer + 1}: ${instructionOfLayer(stack, w.reason.finalLayer)}${cache}`;
}

const MARK: Readonly<Record<FileEntry['change'], string>> = { added: '+', modified: '~', removed: '-', unmodified: ' ' };

/** dive's layer pane as text: one row per changed path, a tree drawn with box characters. */
export function formatLayerTree(stack: LayerStack, layer: number, rows: Iterable<FileEntry & { depth: number }>): string {
  const entry = stack.entries.find((e) => e.layer === layer);
  const out = [
    `Layer ${layer + 1} of ${stack.layerCount}: ${entry?.instruction.replace(/\s+/g, ' ') ?? ''}`,
    `  size ${humanSize(entry?.size ?? 0)}, diff ID ${entry?.diffId ?? ''}`,
    '  + added   ~ modified   - removed',
    '',
    `   Permission     UID:GID       Size  Filetree`,
  ];
  const all = [...rows];
  // A row is the last of its siblings when no later row has its depth before a shallower one.
  const lastSibling: boolean[] = new Array<boolean>(all.length);
  const later: boolean[] = [];
  for (let i = all.length - 1; i >= 0; i--) {
    const depth = (all[i] as FileEntry & { depth: number }).depth;
    lastSibling[i] = later[depth] !== true;
    later[depth] = true;
    later.length = depth + 1;
  }
  // Whether each depth still has siblings below: draws `│` or blank in front of deeper rows.
  const open: boolean[] = [];
  for (let i = 0; i < all.length; i++) {
    const row = all[i] as FileEntry & { depth: number };
    const last = lastSibling[i] === true;
    open[row.depth] = !last;
    const prefix = open.slice(0, row.depth).map((o) => (o ? '│   ' : '    ')).join('') + (last ? '└── ' : '├── ');
    const name = row.target !== undefined && row.kind === 'symlink' ? `${row.name} → ${row.target}` : row.kind === 'hardlink' ? `${row.name} link to ${row.target ?? ''}` : row.name;
    out.push(`${MARK[row.change]}  ${row.permissions}  ${`${row.uid}:${row.gid}`.padStart(9)}  ${humanSize(row.size).padStart(9)}  ${prefix}${name}`);
  }
  if (all.length === 0) out.push('   (the layer changes no files)');
  return `${out.join('\n')}\n`;
}
