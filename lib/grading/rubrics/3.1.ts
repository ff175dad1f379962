import type { OpenQuestion } from '../types';

/**
 * Rubrics of lesson 3.1's interview questions (material/3.1-working-with-images.md, "Interview
 * Questions"), as data. The lesson's exercise files (lib/content, content/lessons/3.1) refer to
 * them by id until rubrics live in YAML; `layerlab grade 3.1/interview-N` grades with them.
 * Phrase syntax: types.ts `RubricPhrase`. Each `max` is below the sum of the concepts' points,
 * so an answer can reach full marks without naming every idea the model answer lists.
 */

export const INTERVIEW_LAYERS: OpenQuestion = {
  id: '3.1/interview-1',
  kind: 'open',
  points: 10,
  modelAnswer:
    'Each Dockerfile instruction that changes files (RUN, COPY, ADD) creates a new read-only layer holding only that change; the image is the stack of its layers, and a container adds a thin writable layer on top. Layers are identified by a content hash, which makes them cacheable and shareable: a rebuild reuses every layer whose instruction and inputs did not change (a change rebuilds that layer and all after it, so rarely changing steps go first); images built on the same base store those layers once; and push/pull transfer only the layers the other side lacks.',
  rubric: {
    max: 12,
    words: { min: 25, max: 400 },
    concepts: [
      {
        id: 'instruction-layer',
        label: 'each Dockerfile instruction (RUN, COPY, ADD) creates a layer',
        points: 2,
        any: ['instruction * layer', 'step * layer', 'layer * instruction', 'layer * step', 'run|copy|add * layer', 'command * layer', 'dockerfile * layer'],
        feedbackMissed: 'Say where layers come from: each Dockerfile instruction that changes files adds one.',
      },
      {
        id: 'stacked',
        label: 'the image is a stack of layers (union filesystem, writable layer on top)',
        points: 1,
        any: ['stack*', 'on top', 'union', 'overlay*', 'writable layer', 'container layer'],
      },
      {
        id: 'read-only',
        label: 'layers are read-only and never change once built',
        points: 2,
        any: ['read-only', 'immutable', 'never change*', 'cannot * change*', 'not * chang* * once|after', 'not * modif*', 'never * modif*', 'unchangeable'],
        feedbackMissed: 'Mention that a layer is read-only: once built it never changes.',
      },
      {
        id: 'cache',
        label: 'the build cache reuses unchanged layers, so rebuilds are fast',
        points: 3,
        any: ['cache', 'cach*', 'reuse', 'reus*', 'skip* * step*'],
        feedbackMissed: 'Explain the build cache: unchanged steps are reused instead of run again.',
      },
      {
        id: 'invalidation',
        label: 'a change rebuilds that layer and every later one, so order steps by change frequency',
        points: 2,
        any: ['later layer*', 'later step*', 'all * after', 'ones after', 'after it', 'subsequent', 'following layer*', 'invalidat*', 'rarely chang*', 'order*', 'before copy*', 'first * requirements|package*'],
      },
      {
        id: 'sharing',
        label: 'images with common layers share them: stored once on disk',
        points: 3,
        any: ['stor* * once', 'only once', 'one copy', 'single copy', 'disk space', 'storage', 'not * twice', 'not * duplicat*'],
        all: [['shar*', 'same', 'common'], ['layer*', 'base']],
        feedbackMissed: 'Explain sharing: images on the same base keep those layers once, not once per image.',
      },
      {
        id: 'distribution',
        label: 'push and pull transfer only the layers the other side lacks',
        points: 2,
        any: ['not * download* * twice', 'download* * once', 'bandwidth'],
        all: [['pull*', 'push*', 'download*', 'transfer*', 'upload*', 'distribut*'], ['layer*', 'only', 'missing', 'new']],
        feedbackMissed: 'Mention distribution: a pull or push moves only the layers that are missing.',
      },
      {
        id: 'content-hash',
        label: 'layers are identified by a content hash (digest)',
        points: 1,
        any: ['hash*', 'digest*', 'sha256', 'content-address*', 'checksum*'],
      },
    ],
    misconceptions: [
      {
        id: 'writable-layers',
        label: 'image layers are writable',
        points: 3,
        any: ['layers are writable|mutable', 'image layer* * writable|mutable', 'layer * itself * modif*', 'modif* * image layer'],
        feedback: 'Image layers are read-only; a container writes to its own thin layer on top (copy-on-write).',
      },
      {
        id: 'own-copies',
        label: 'every image keeps its own copy of its layers',
        points: 3,
        any: ['own copy', 'separate copy', 'copy * every layer', 'not shar*', 'never shar*'],
        feedback: 'Identical layers are stored once and shared by every image that uses them.',
      },
      {
        id: 'full-copies',
        label: 'each layer is a full copy of the filesystem',
        points: 3,
        any: ['full copy', 'complete copy', 'whole filesystem', 'more layers * bigger|larger'],
        feedback: 'A layer holds only what its step added, changed or deleted, not a copy of the whole filesystem.',
      },
    ],
  },
};

export const INTERVIEW_OPTIMIZE: OpenQuestion = {
  id: '3.1/interview-2',
  kind: 'open',
  points: 10,
  modelAnswer:
    'Measure first (docker history, dive) to find the big layers. Start from a smaller base (python:3.9-slim or -alpine, distroless, scratch for static binaries). Use a multi-stage build: install build tools, compile and run the tests in a builder stage, and copy only the application and its runtime dependencies into the final stage. Install only what runs the app (no vim/curl, --no-install-recommends, production dependencies only) and clean caches in the same RUN that creates them (rm -rf /var/lib/apt/lists/*, pip --no-cache-dir, apk --no-cache), since deleting in a later layer saves nothing. Add a .dockerignore so .git, tests and data stay out of the context.',
  rubric: {
    max: 12,
    words: { min: 20, max: 450 },
    concepts: [
      {
        id: 'small-base',
        label: 'a smaller base image (slim, alpine, distroless, scratch)',
        points: 3,
        any: ['alpine', 'slim', 'distroless', 'scratch', 'smaller base', 'small base', 'minimal base', 'lighter base', 'lightweight base'],
        feedbackMissed: 'Start with the base image: ubuntu plus Python is far bigger than python:3.9-slim or alpine.',
      },
      {
        id: 'multi-stage',
        label: 'a multi-stage build that copies only the artifacts into the final stage',
        points: 3,
        any: ['multi-stage', 'builder stage', 'build stage', 'final stage', 'first stage', 'runtime stage', 'second stage', 'separate stage', 'from=builder', 'copy * --from'],
        feedbackMissed: 'Use a multi-stage build so compilers and build dependencies stay out of the final image.',
      },
      {
        id: 'clean-caches',
        label: 'package caches removed in the same RUN (apt lists, --no-cache-dir, apk --no-cache)',
        points: 3,
        any: ['no-cache-dir', 'no-cache', 'no * cache', 'no apt list*', 'apt list*', 'lists', 'clean* * cache*', 'remov* * cache*', 'delet* * cache*', 'same run', 'same layer', 'apt-get clean', 'autoremove'],
        feedbackMissed: 'Clean package manager caches in the same RUN that creates them (rm -rf /var/lib/apt/lists/*, pip --no-cache-dir).',
      },
      {
        id: 'combine-runs',
        label: 'RUN commands combined so cleanup lands in the same layer',
        points: 1,
        any: ['combin* * run*', 'one run', 'single run', 'chain*', 'merg* * run*', 'fewer layer*'],
      },
      {
        id: 'only-runtime',
        label: 'only what the app needs at run time (no vim/curl, no dev dependencies, --no-install-recommends)',
        points: 2,
        any: ['no-install-recommends', 'unnecessary', 'not needed', 'not * need*', 'vim|nano|wget|curl', 'dev dependenc*', 'devdependencies', 'production', 'runtime', 'build tool*', 'compiler*', 'not * build tool*'],
      },
      {
        id: 'dockerignore',
        label: 'a .dockerignore keeps .git, tests and data out of the context',
        points: 2,
        any: ['dockerignore', 'build context', 'context'],
        feedbackMissed: 'Add a .dockerignore so .git, tests and local files are not copied in.',
      },
      {
        id: 'tests-out',
        label: 'tests run in the builder, not in the final image',
        points: 1,
        any: ['test* * builder|build stage', 'not * test*', 'pytest', 'test* * stay', 'test* * separate'],
      },
      {
        id: 'measure',
        label: 'measure the layers first (docker history, dive)',
        points: 1,
        any: ['history', 'dive', 'docker images', 'measur*', 'analy*', 'which layer*'],
      },
    ],
    misconceptions: [
      {
        id: 'delete-later',
        label: 'deleting files in a later layer shrinks the image',
        points: 3,
        any: ['new run', 'later run', 'separate run', 'another run', 'last run', 'run * at the end'],
        feedback: 'Files deleted in a later layer still take space in the layer that added them; delete in the same RUN.',
      },
      {
        id: 'compress',
        label: 'compressing or squashing is the fix',
        points: 2,
        any: ['compress*', 'gzip', 'zip'],
        feedback: 'Images are already compressed for transfer; the size Docker reports is what the layers hold.',
      },
    ],
  },
};

export const INTERVIEW_SAVE_EXPORT: OpenQuestion = {
  id: '3.1/interview-3',
  kind: 'open',
  points: 10,
  modelAnswer:
    'docker save/load work on images: save writes one or more images with all their layers, config, history and tags to a tar archive, and load restores them unchanged (use it to move images without a registry, e.g. to an air-gapped host, or to back them up). docker export/import work on containers: export writes a container\'s filesystem as one flat tar, without layers, history or configuration; import creates a new single-layer image from it, which needs a name and loses CMD, ENV and the rest unless they are given again with --change.',
  rubric: {
    max: 10,
    words: { min: 15, max: 400 },
    concepts: [
      {
        id: 'save-image',
        label: 'save/load work on images',
        points: 2,
        any: ['save * image*', 'load * image*', 'image* * save'],
        feedbackMissed: 'Say what save/load work on: images.',
      },
      {
        id: 'save-keeps',
        label: 'save keeps every layer, the tags, the history and the config',
        points: 2,
        any: ['save * not * los*', 'save * layer*', 'save * tag*', 'save * histor*', 'save * metadata', 'save * config*', 'save * everything', 'keep* everything', 'load * restor*', 'load * same', 'preserv*', 'with all'],
        feedbackMissed: 'Say what save keeps: all layers, tags, history and configuration.',
      },
      {
        id: 'export-container',
        label: "export/import work on a container's filesystem",
        points: 2,
        all: [['export*'], ['container*', 'filesystem', 'rootfs']],
        feedbackMissed: "Say what export works on: a container's filesystem.",
      },
      {
        id: 'flatten',
        label: 'export flattens: one layer, no history',
        points: 2,
        any: ['flat*', 'single layer', 'single-layer', 'one layer', 'no layer*', 'not * layer*', 'merg*', 'squash*', 'no histor*', 'not * histor*', 'los* * histor*', 'without * histor*'],
        feedbackMissed: 'Say that export flattens everything into one layer and drops the history.',
      },
      {
        id: 'import-config',
        label: 'import creates a new image and loses CMD/ENV unless given with --change',
        points: 2,
        any: ['import * new image', 'import * creat*', 'import * image', 'no cmd', 'cmd * lost', 'los* * cmd', 'change', 'config* * lost', 'metadata * lost', 'not * config*', 'without * config*', 'no * metadata'],
        feedbackMissed: 'Say what import gives: a new image without CMD, ENV or history (restore them with --change).',
      },
      {
        id: 'use-cases',
        label: 'when to use which (offline transfer or backup vs flattening a container)',
        points: 1,
        any: ['air-gapped', 'airgap*', 'offline', 'without * registry', 'backup', 'back up', 'another machine|host|server', 'between * host*|machine*', 'base image'],
      },
    ],
    misconceptions: [
      {
        id: 'export-keeps',
        label: 'export keeps layers, history or tags',
        points: 3,
        any: ['export* * keep* * layer*|histor*|tag*', 'export* * preserv*', 'export * also keep*'],
        feedback: 'export keeps no layers, history or tags: it writes one flat filesystem.',
      },
      {
        id: 'save-container',
        label: 'save works on containers or flattens',
        points: 3,
        any: ['save * flatten*', 'save * container*'],
        feedback: 'save works on images and keeps their layers; it is export that takes a container and flattens it.',
      },
      {
        id: 'no-difference',
        label: 'there is no difference',
        points: 3,
        any: ['no * difference', 'same thing', 'both keep'],
        feedback: 'They differ in what they take (image vs container) and what they keep (layers, history, tags vs one flat filesystem).',
      },
    ],
  },
};

export const RUBRICS_3_1: readonly OpenQuestion[] = [INTERVIEW_LAYERS, INTERVIEW_OPTIMIZE, INTERVIEW_SAVE_EXPORT];
