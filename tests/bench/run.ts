/**
 * Benchmarks (not tests: they print figures and never fail on a slow machine).
 * `npm run -s bench` runs all; `npm run -s bench -- NAME` runs one.
 */
import { runAnalysisBench } from './analysis.bench';
import { runBrowserBuildBench } from './browser-build.bench';
import { runBuildMemoryBench } from './build-memory.bench';
import { runCachedRebuildBench } from './cached-rebuild.bench';
import { runBuildContextBench } from './build-context.bench';
import { runDockerfileBench } from './dockerfile-frontend.bench';
import { runDockerImagesBench } from './docker-images.bench';
import { runLayerHashBench } from './layer-hash.bench';
import { runMaterialBuildsBench } from './material-builds.bench';
import { runRegistryBench } from './registry.bench';

const BENCHES: Readonly<Record<string, () => void | Promise<void>>> = {
  dockerfile: runDockerfileBench,
  'layer-hash': runLayerHashBench,
  'build-context': runBuildContextBench,
  'cached-rebuild': runCachedRebuildBench,
  'build-memory': runBuildMemoryBench,
  'material-builds': runMaterialBuildsBench,
  'docker-images': runDockerImagesBench,
  registry: runRegistryBench,
  analysis: runAnalysisBench,
  'browser-build': runBrowserBuildBench,
};

const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!Object.hasOwn(BENCHES, name)) {
    console.error(`unknown benchmark: ${name} (have: ${Object.keys(BENCHES).join(', ')})`);
    process.exit(1);
  }
}
for (const [name, bench] of Object.entries(BENCHES)) {
  if (wanted.length === 0 || wanted.includes(name)) await bench();
}
