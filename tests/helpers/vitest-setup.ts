import fc from 'fast-check';

/**
 * Property tests explore new random inputs on every local run, which is how they find bugs. In CI
 * they run with a fixed seed so a submission's result is reproducible; FC_SEED overrides either
 * (fast-check prints the seed and path of any counterexample it finds).
 */
const seed = process.env.FC_SEED ?? (process.env.CI ? '20261128' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });

// lightning-fs (lib/workspace/lightning-fs.ts) reads `navigator.locks` when a file system opens;
// Node 20 has no `navigator`, and with an empty one lightning-fs uses its IndexedDB mutex instead.
(globalThis as { navigator?: object }).navigator ??= {};
