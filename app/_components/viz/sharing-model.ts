/**
 * Storage sharing in the material's own arithmetic (3.1 "Why Layers Matter"): "Without sharing:
 * 50+30+1 + 5+30+1 = 117 MB / With sharing: 50+30+1+5 = 86 MB" — every image's size added up,
 * against every distinct layer counted once.
 */
import type { SharingReport } from '@/lib/engine';
import { formatSize, shortDigest } from './format';

/** At most this many terms are written out; the rest is "+ … (n more)". */
const MAX_TERMS = 8;

function sum(terms: readonly number[], total: number): string {
  const shown = terms.slice(0, MAX_TERMS).map(formatSize);
  const rest = terms.length - shown.length;
  const expression = `${shown.join(' + ')}${rest > 0 ? ` + … (${rest} more)` : ''}`;
  return terms.length <= 1 ? formatSize(total) : `${expression} = ${formatSize(total)}`;
}

export function sharingFormulas(report: SharingReport): { without: string; with: string } {
  return {
    without: sum(report.images.map((i) => i.size), report.withoutSharing),
    with: sum(report.layers.map((l) => l.size), report.withSharing),
  };
}

/** `app:1` or the short ID of an untagged image. */
export function imageName(image: { id: string; tags: readonly string[] }): string {
  return image.tags[0] ?? shortDigest(image.id);
}

/** The matrix's rows: layers used by several images first (the report's order), capped. */
export function matrixLayers(report: SharingReport, limit: number): { rows: SharingReport['layers']; hidden: number } {
  return { rows: report.layers.slice(0, limit), hidden: Math.max(0, report.layers.length - limit) };
}
