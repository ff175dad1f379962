import type { BuildEvent } from '@/lib/engine';

/**
 * `--progress=rawjson`: BuildKit's `SolveStatus` updates, one JSON object per line (`vertexes`,
 * `statuses`, `logs` with base64 `data`), as buildx's rawjson printer writes them. Vertex digests
 * stand in for LLB digests (Layerlab has no LLB graph): derived from the vertex number and name,
 * stable across runs. Times come from the wall clock plus the simulated durations.
 */
export function createRawJsonRenderer(write: (text: string) => void, now: () => number): (event: BuildEvent) => void {
  const vertices = new Map<number, { digest: string; name: string; started: number; elapsed: number; cached?: boolean }>();
  const iso = (ms: number) => new Date(ms).toISOString();
  const emit = (value: unknown) => write(`${JSON.stringify(value)}\n`);
  const vertexJson = (v: { digest: string; name: string; started: number; elapsed: number; cached?: boolean }, extra: Record<string, unknown> = {}) => ({
    digest: v.digest,
    name: v.name,
    ...(v.cached === true ? { cached: true } : {}),
    started: iso(v.started),
    ...extra,
  });
  return (event) => {
    switch (event.type) {
      case 'vertex-start': {
        const v = { digest: fakeDigest(`${event.vertex}|${event.name}`), name: event.name, started: now(), elapsed: 0 };
        vertices.set(event.vertex, v);
        emit({ vertexes: [vertexJson(v)] });
        break;
      }
      case 'vertex-log': {
        const v = vertices.get(event.vertex);
        if (v === undefined) break;
        const data = base64(`${event.text.replace(/\n$/, '')}\n`);
        emit({ logs: [{ vertex: v.digest, stream: event.stream === 'stderr' ? 2 : 1, data, timestamp: iso(v.started + event.simulatedSeconds * 1000) }] });
        break;
      }
      case 'vertex-progress': {
        const v = vertices.get(event.vertex);
        if (v === undefined) break;
        v.elapsed += event.simulatedSeconds * 1000;
        const at = iso(v.started + v.elapsed);
        emit({ statuses: [{ id: event.id, vertex: v.digest, current: event.current, total: event.total, timestamp: at, started: iso(v.started), ...(event.current === event.total ? { completed: at } : {}) }] });
        break;
      }
      case 'vertex-cached': {
        const v = vertices.get(event.vertex);
        if (v !== undefined) v.cached = true;
        break;
      }
      case 'vertex-done': {
        const v = vertices.get(event.vertex);
        if (v === undefined) break;
        emit({ vertexes: [vertexJson(v, { completed: iso(v.started + Math.max(v.elapsed, event.simulatedSeconds * 1000)) })] });
        break;
      }
      case 'vertex-error': {
        const v = vertices.get(event.vertex);
        if (v === undefined) break;
        emit({ vertexes: [vertexJson(v, { completed: iso(v.started + v.elapsed), error: event.message })] });
        break;
      }
      case 'warning':
        emit({ warnings: [{ vertex: '', level: 1, short: btoa(event.message) }] });
        break;
      case 'stage-skipped':
      case 'context-sent':
      case 'build-done':
      case 'build-error':
        break;
    }
  };
}

/** 64 hex digits from a string (FNV-1a lanes): a stable stand-in for an LLB vertex digest. */
function fakeDigest(seed: string): string {
  let hex = '';
  for (let lane = 0; hex.length < 64; lane++) {
    let h = (0x811c9dc5 ^ lane) >>> 0;
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
    hex += h.toString(16).padStart(8, '0');
  }
  return `sha256:${hex.slice(0, 64)}`;
}

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
