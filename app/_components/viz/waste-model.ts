/**
 * Why bytes are wasted, in words a student can act on: each wasted path's story (written where,
 * deleted or overwritten where), the reclaimable bytes per cause, and the caches the final image
 * still carries with the fix.
 */
import type { CacheFinding, WasteCause, WastedPath } from '@/lib/engine';
import { formatSize, layerList, layerName } from './format';

export function wasteReason(path: WastedPath): string {
  const { reason } = path;
  if (reason.kind === 'deleted') {
    const written = reason.writtenIn.length === 0 ? 'deleted' : `written in ${layerList(reason.writtenIn)}, deleted in ${layerName(reason.deletedIn)}`;
    return `${written}: the earlier ${reason.writtenIn.length > 1 ? 'copies still ship' : 'copy still ships'} in the image`;
  }
  const earlier = reason.writtenIn.filter((l) => l !== reason.finalLayer);
  const where = earlier.length === 0 ? '' : ` (earlier in ${layerList(earlier)})`;
  const deleted = reason.deletedIn.length === 0 ? '' : `, deleted in ${layerList(reason.deletedIn)} and written again`;
  return `overwritten in ${layerName(reason.finalLayer)}${where}${deleted}: only the last copy is used`;
}

/** A cache directory the path lies in, as its label says (`pip cache`). */
export function cacheNote(path: WastedPath, findings: readonly CacheFinding[]): string | null {
  if (path.cache === undefined) return null;
  const finding = findings.find((f) => f.id === path.cache);
  return `cache left behind: ${finding?.label ?? path.cache.replace(/-/g, ' ')}`;
}

export function causeText(cause: WasteCause): string {
  const paths = `${cause.paths} ${cause.paths === 1 ? 'path' : 'paths'}`;
  return cause.kind === 'deleted'
    ? `${layerName(cause.layer)} deleted ${paths} that earlier layers added: ${formatSize(cause.bytes)} still shipped`
    : `${layerName(cause.layer)} overwrote ${paths}: ${formatSize(cause.bytes)} of earlier copies shipped`;
}

export function cacheFindingText(finding: CacheFinding): string {
  const by = finding.writtenBy.length === 0 ? '' : ` written by ${layerList(finding.writtenBy.map((w) => w.layer))}`;
  const files = `${finding.files} ${finding.files === 1 ? 'file' : 'files'}`;
  return `${finding.label} in ${finding.dir}: ${formatSize(finding.bytes)} (${files})${by}`;
}
