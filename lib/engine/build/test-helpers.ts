import { wasmSha256 } from '@/lib/util';
import { lookup, readContent, readFile, type FsNode, type FsTree } from '../fs';
import { createMemoryStore } from '../store';
import type { Store } from '../store';
import { build } from './build';
import { createMemoryContext } from './context';
import type { BuildEvent } from './events';
import { imageFromStore, imageTree } from './image-resolver';
import type { BuildIo, BuildRequest, BuildResult, ImageSource } from './types';

/** Shared set-up for the build tests: a memory store, hash-wasm, events collected. */
export interface Harness {
  store: Store;
  events: BuildEvent[];
  run(dockerfile: string, files?: Parameters<typeof createMemoryContext>[0], extra?: Partial<BuildRequest>, io?: Partial<BuildIo>): Promise<BuildResult>;
  fail(dockerfile: string, files?: Parameters<typeof createMemoryContext>[0], extra?: Partial<BuildRequest>): Promise<string>;
  tree(imageId: string): Promise<FsTree>;
}

export function createHarness(imageSource?: ImageSource): Harness {
  const store = createMemoryStore();
  const events: BuildEvent[] = [];
  const harness: Harness = {
    store,
    events,
    async run(dockerfile, files = {}, extra = {}, io = {}) {
      events.length = 0;
      return build(
        { dockerfile, context: createMemoryContext(files), tags: ['app'], ...extra },
        { store, sha256: wasmSha256, onEvent: (e) => events.push(e), ...(imageSource ? { imageSource } : {}), ...io },
      );
    },
    async fail(dockerfile, files = {}, extra = {}) {
      try {
        await harness.run(dockerfile, files, extra);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected the build to fail');
    },
    async tree(imageId) {
      const image = await imageFromStore(store, imageId, 'linux/amd64');
      if (image === null) throw new Error(`no image ${imageId}`);
      return imageTree(image);
    },
  };
  return harness;
}

export function text(tree: FsTree, path: string): string {
  return new TextDecoder().decode(readContent(readFile(tree, path)));
}

export function node(tree: FsTree, path: string): FsNode | undefined {
  return lookup(tree, path, { follow: false });
}
