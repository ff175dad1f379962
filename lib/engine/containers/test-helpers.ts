import { wasmSha256 } from '@/lib/util';
import { build, createHubImageSource, createMemoryContext } from '../build';
import { createHub, HUB_FILES, type Hub } from '../hub';
import { createMemoryStore, type Store } from '../store';
import { seededRandom } from './names';

let hub: Hub | undefined;

/** A memory store holding hub images (pulled the way a build's FROM pulls them) plus built ones. */
export async function storeWith(images: readonly string[], builds: Readonly<Record<string, { dockerfile: string; files?: Record<string, string> }>> = {}): Promise<Store> {
  hub ??= createHub({ files: HUB_FILES });
  const store = createMemoryStore();
  const imageSource = createHubImageSource(hub, wasmSha256);
  for (const ref of images) await build({ dockerfile: `FROM ${ref}\n`, context: createMemoryContext({}), tags: [] }, { store, sha256: wasmSha256, imageSource });
  for (const [tag, spec] of Object.entries(builds)) {
    await build({ dockerfile: spec.dockerfile, context: createMemoryContext(spec.files ?? {}), tags: [tag] }, { store, sha256: wasmSha256, imageSource });
  }
  return store;
}

export const T0 = Date.parse('2026-11-28T12:00:00Z');
export const random = () => seededRandom('containers-test');
