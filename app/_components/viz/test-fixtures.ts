/** Data shaped as the engine returns it, for the views' tests (layer-concept example, rebuilt after editing app.py). */
import type { ImageAnalysis, LayerStack, StackEntry } from '@/lib/engine';
import type { Digest } from '@/lib/util';
import type { BuildOutcome, BuildStepSummary } from '../../_lib/engine/api';

export const digest = (n: number): Digest => `sha256:${n.toString(16).padStart(64, '0')}` as Digest;

const entry = (index: number, layer: number | null, createdBy: string, size: number, base: number | null): StackEntry => {
  const instruction = createdBy.replace(/^\/bin\/sh -c #\(nop\) /, '').replace(/^\/bin\/sh -c /, 'RUN ').replace(/ # buildkit$/, '');
  return {
    index,
    createdBy,
    instruction,
    keyword: instruction.split(' ')[0] ?? '',
    emptyLayer: layer === null,
    layer,
    diffId: layer === null ? null : digest(0x100 + layer),
    chainId: layer === null ? null : digest(0x200 + layer),
    size: layer === null ? 0 : size,
    base,
  };
};

export const IMAGE_ID = digest(0xabc);

export function layerConceptStack(): LayerStack {
  const entries = [
    entry(0, 0, '/bin/sh -c #(nop) ADD file:debian in / ', 124_000_000, 0),
    entry(1, null, '/bin/sh -c #(nop)  CMD ["bash"]', 0, 0),
    entry(2, 1, '/bin/sh -c apt-get update && apt-get install -y python3', 780_000_000, 0),
    entry(3, null, '/bin/sh -c #(nop)  ENV PYTHON_VERSION=3.9.18', 0, 0),
    entry(4, 2, 'COPY requirements.txt . # buildkit', 120, null),
    entry(5, 3, 'RUN /bin/sh -c pip install -r requirements.txt # buildkit', 31_400_000, null),
    entry(6, 4, 'COPY app.py . # buildkit', 412, null),
  ];
  const total = entries.reduce((n, e) => n + e.size, 0);
  return {
    imageId: IMAGE_ID,
    tags: ['myapp:latest'],
    entries,
    bases: [{ name: 'python:3.9', imageId: digest(0xbbb), layerCount: 2, historyCount: 4, size: 904_000_000 }],
    layerCount: 5,
    total,
    ownSize: total - 904_000_000,
    historyMatches: true,
  };
}

const step = (label: string, instruction: string, cached: boolean, simulatedSeconds: number, realMs: number, layer?: number, size = 0): BuildStepSummary => ({
  label: `${label} ${instruction}`,
  instruction,
  stage: null,
  cached,
  simulatedSeconds,
  realMs,
  ...(layer !== undefined ? { layer: { diffId: digest(0x100 + layer), size } } : {}),
});

/** The rebuild after editing app.py: everything cached but the last COPY. */
export function rebuildOutcome(): BuildOutcome {
  const first = [
    step('[1/4]', 'FROM docker.io/library/python:3.9', false, 41, 30),
    step('[2/4]', 'COPY requirements.txt .', false, 0.1, 4, 2, 120),
    step('[3/4]', 'RUN pip install -r requirements.txt', false, 258, 90, 3, 31_400_000),
    step('[4/4]', 'COPY app.py .', false, 0.1, 3, 4, 400),
  ];
  return {
    ok: true,
    imageId: IMAGE_ID,
    tags: ['myapp:latest'],
    size: layerConceptStack().total,
    steps: [
      step('[1/4]', 'FROM docker.io/library/python:3.9', true, 0, 2),
      step('[2/4]', 'COPY requirements.txt .', true, 0, 1, 2, 120),
      step('[3/4]', 'RUN pip install -r requirements.txt', true, 0, 1, 3, 31_400_000),
      step('[4/4]', 'COPY app.py .', false, 0.1, 3, 4, 412),
    ],
    simulatedSeconds: 5,
    realMs: 41,
    previous: { simulatedSeconds: 300, realMs: 127, steps: first },
  };
}

export function layerConceptAnalysis(): ImageAnalysis {
  const stack = layerConceptStack();
  return {
    image: { id: IMAGE_ID, tags: stack.tags, size: stack.total, os: 'linux', architecture: 'amd64' },
    stack,
    efficiency: {
      efficiency: 0.9712,
      wastedBytes: 2_400_000,
      userWastedPercent: 0.0027,
      inefficientPaths: 2,
      sizeBytes: stack.total,
      userSizeBytes: stack.total - 124_000_000,
      wasted: [
        { path: '/tmp/wheel.whl', count: 2, cumulativeBytes: 2_000_000, finalBytes: 0, reclaimableBytes: 2_000_000, reason: { kind: 'deleted', writtenIn: [3], deletedIn: 4 } },
        { path: '/etc/ld.so.cache', count: 2, cumulativeBytes: 400_000, finalBytes: 210_000, reclaimableBytes: 190_000, reason: { kind: 'overwritten', writtenIn: [1, 3], deletedIn: [], finalLayer: 3 } },
      ],
      causes: [{ kind: 'deleted', layer: 4, paths: 1, bytes: 2_000_000 }],
      dive: { efficiency: 0.9712, wastedBytes: 2_400_000, userWastedPercent: 0.0027, inefficientPaths: 2 },
      cacheLeftBehind: [
        { id: 'pip-cache', label: 'pip download cache', dir: '/root/.cache/pip', bytes: 9_100_000, files: 14, writtenBy: [{ layer: 3, bytes: 9_100_000 }], fix: 'use pip install --no-cache-dir' },
      ],
      cacheBytes: 9_100_000,
    },
  };
}
