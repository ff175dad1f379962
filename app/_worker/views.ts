import type { HistoryRow, ImageSummary } from '@/app/_lib/engine/api';
import {
  analyzeImage,
  createFileExplorer,
  createTreeCache,
  diffImages,
  familiarRef,
  loadAnalysisImage,
  parseImageConfig,
  resolveImage,
  storageSharing,
  type DirPage,
  type FileExplorer,
  type ImageAnalysis,
  type ImageDiff,
  type SharingReport,
  type Store,
  type TreeCache,
} from '@/lib/engine';
import type { Sha256Factory } from '@/lib/util';

/**
 * The views' data, read from the workstation's store. Analyses and file explorers are cached per
 * image ID (an ID names immutable content, so a cached analysis is never wrong, only possibly
 * unused); `invalidate()` drops them all whenever this or another tab changes the store, to keep
 * memory bounded by what the views look at now.
 */
export interface Views {
  listImages(): Promise<ImageSummary[]>;
  analyzeImage(ref: string): Promise<ImageAnalysis>;
  listLayerFiles(ref: string, layer: number, dir: string, page?: { offset: number; limit: number }): Promise<DirPage>;
  listImageFiles(ref: string, dir: string, page?: { offset: number; limit: number }): Promise<DirPage>;
  storageSharing(): Promise<SharingReport>;
  diffImages(a: string, b: string): Promise<ImageDiff>;
  history(ref: string): Promise<HistoryRow[]>;
  invalidate(): void;
}

export function createViews(store: () => Promise<Store>, sha256: Sha256Factory): Views {
  let analyses = new Map<string, Promise<ImageAnalysis>>();
  let explorers = new Map<string, Promise<FileExplorer>>();
  let trees: TreeCache = createTreeCache();

  const idOf = async (ref: string): Promise<string> => (await store()).read((tx) => resolveImage(tx, ref));
  /** A cached promise, forgotten again if it fails (a failure is not worth keeping). */
  const cached = <T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> => {
    let value = map.get(key);
    if (value === undefined) {
      value = make();
      map.set(key, value);
      value.catch(() => map.delete(key));
    }
    return value;
  };
  const explorer = async (ref: string): Promise<FileExplorer> => {
    const id = await idOf(ref);
    const cache = trees;
    return cached(explorers, id, async () => createFileExplorer(await loadAnalysisImage(await store(), id), cache));
  };

  return {
    async listImages() {
      const s = await store();
      const [images, refs] = await s.read((tx) => Promise.all([tx.list('images'), tx.list('refs')]));
      const tags = new Map<string, string[]>();
      for (const [key, ref] of refs) {
        if (key.includes('@')) continue;
        tags.set(ref.imageId, [...(tags.get(ref.imageId) ?? []), familiarRef(key)]);
      }
      return images
        .map(([id, record]) => ({ id, tags: (tags.get(id) ?? []).sort(), size: record.size, created: record.created, layers: record.diffIds.length }))
        .sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : a.id < b.id ? -1 : 1));
    },
    async analyzeImage(ref) {
      const id = await idOf(ref);
      const cache = trees;
      return cached(analyses, id, async () => analyzeImage(await store(), id, { sha256, cache, ci: {} }));
    },
    async listLayerFiles(ref, layer, dir, page) {
      return (await explorer(ref)).listLayer(layer, dir, page);
    },
    async listImageFiles(ref, dir, page) {
      return (await explorer(ref)).listImage(dir, page);
    },
    async storageSharing() {
      return storageSharing(await store());
    },
    async diffImages(a, b) {
      return diffImages(await store(), a, b, trees);
    },
    async history(ref) {
      return (await store()).read(async (tx) => {
        const id = await resolveImage(tx, ref);
        const record = await tx.get('images', id);
        const bytes = record && (await tx.get('blobs', record.configDigest));
        if (record === undefined || bytes === undefined) throw new Error(`image ${id} is incomplete in the store`);
        const config = parseImageConfig(bytes);
        const rows: HistoryRow[] = [];
        let layer = 0;
        // moby's ImageHistory: newest first; the top row carries the image ID, the others `<missing>`.
        for (const entry of config.history ?? []) {
          const emptyLayer = entry.empty_layer === true;
          let size = 0;
          if (!emptyLayer) {
            const diffId = config.rootfs.diff_ids[layer++];
            size = diffId === undefined ? 0 : ((await tx.get('layers', diffId))?.size ?? 0);
          }
          rows.unshift({ id: '<missing>', created: entry.created ?? '', createdBy: entry.created_by ?? '', size, comment: entry.comment ?? '', emptyLayer });
        }
        if (rows[0] !== undefined) rows[0] = { ...rows[0], id };
        return rows;
      });
    },
    invalidate() {
      analyses = new Map();
      explorers = new Map();
      trees = createTreeCache();
    },
  };
}
