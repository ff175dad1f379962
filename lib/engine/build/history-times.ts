import type { HistoryEntry, ImageConfig } from '../image';

/**
 * Image times as BuildKit's image exporter writes them (`exporter/containerimage/writer.go`,
 * `normalizeLayersAndHistory` and `patchImageConfig`): a layer's history entry carries the time
 * its layer was first created (kept in its cache record, so a cached step keeps its time); an
 * entry without a layer (ENV, CMD, …) gets the time of the layer before it — or, before the
 * build's first own layer, that layer's time; the config's `created` is the latest history time.
 * So a fully cached rebuild has the same config, hence the same image ID, while a step that ran
 * again moves the times and the ID. SOURCE_DATE_EPOCH replaces all of this with one time.
 */

/** Fills the `created` of history entries that have none (metadata steps of this build). */
export function fillHistoryTimes(history: readonly HistoryEntry[]): HistoryEntry[] {
  // The first time that follows an entry without one: what leading metadata entries get.
  let created: string | undefined;
  let seenMissing = false;
  for (const entry of history) {
    if (entry.created !== undefined) {
      created = entry.created;
      if (seenMissing) break;
    } else {
      seenMissing = true;
    }
  }
  seenMissing = false;
  return history.map((entry) => {
    if (entry.created !== undefined) {
      if (seenMissing) created = entry.created;
      return entry;
    }
    seenMissing = true;
    return created === undefined ? entry : { ...entry, created };
  });
}

/** The config the exporter writes: history times filled, `created` = SOURCE_DATE_EPOCH or the latest history time. */
export function withBuildTimes(config: ImageConfig, options: { sourceDateEpoch: string | null; fallback: string }): ImageConfig {
  const history = fillHistoryTimes(config.history ?? []);
  if (options.sourceDateEpoch !== null) return { ...config, history, created: options.sourceDateEpoch };
  let latest: string | undefined;
  for (const entry of history) if (entry.created !== undefined && (latest === undefined || Date.parse(entry.created) > Date.parse(latest))) latest = entry.created;
  return { ...config, history, created: latest ?? options.fallback };
}
