// The engine worker (issue 6 item 1): all engine state lives here, the page talks to it through
// app/_lib/engine/client.ts. Created as a module worker:
//   new Worker(new URL('../../_worker/engine.worker.ts', import.meta.url), { type: 'module' })
import './buffer-polyfill';
import * as Comlink from 'comlink';
import { openIndexedDbStore, webCryptoSha256, withOneShotSha256 } from '@/lib/engine';
import { wasmSha256 } from '@/lib/util';
import { openLightningFs } from '@/lib/workspace';
import { createEngine } from './engine';
import { toWire } from './wire';

// hash-wasm streams; WebCrypto (native, SHA extensions) hashes layers up to a bound in one call, 2–3x faster.
const oneShot = webCryptoSha256();

const engine = createEngine({
  openStore: (name) => openIndexedDbStore({ workspace: name }),
  openFiles: (name, mount) => openLightningFs(name, { mount }),
  sha256: oneShot !== undefined ? withOneShotSha256(wasmSha256, oneShot) : wasmSha256,
  databases: indexedDB,
  fetch: globalThis.fetch.bind(globalThis),
  ...(navigator.locks !== undefined ? { locks: navigator.locks } : {}),
  channel: (name) => new BroadcastChannel(name),
  ...(navigator.storage !== undefined ? { storage: navigator.storage } : {}),
});

Comlink.expose(
  toWire(engine, (callback) => {
    (callback as { [Comlink.releaseProxy]?: () => void })[Comlink.releaseProxy]?.();
  }),
);
