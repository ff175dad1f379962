import { writeSized } from './package-files';
import { aptSize } from './format-size';
import { LISTS_DIR, needRoot, out, readingLists, type AptSession } from './apt-session';

/**
 * `apt-get update`: fetches each index the catalog lists into /var/lib/apt/lists at its real
 * size (Debian's images keep them lz4-compressed, ~19 MB for bookworm main+updates+security).
 * A second update finds the InRelease files current ("Hit:") and fetches nothing.
 */
export async function aptUpdate(session: AptSession): Promise<number> {
  const { ctx, catalog } = session;
  if (!needRoot(session, '/var/lib/apt/lists/lock')) return 100;
  await ctx.fs.mkdir(`${LISTS_DIR}/partial`, { recursive: true });
  let n = 0;
  let fetched = 0;
  for (const index of catalog.file.lists.indexes) {
    const path = `${LISTS_DIR}/${index.file}`;
    const present = await ctx.fs.exists(path);
    const label = `${index.uri} ${index.suite} ${index.name}`;
    if (present) {
      if (index.name === 'InRelease') out(session, `Hit:${++n} ${label}\n`);
      continue;
    }
    out(session, `Get:${++n} ${label} [${aptSize(index.downloadBytes)}B]\n`);
    await writeSized(ctx.fs, path, index.bytes, `apt-lists:${catalog.file.release}:${index.file}`);
    fetched += index.downloadBytes;
  }
  const seconds = fetched / catalog.file.bandwidthBytesPerSecond;
  if (fetched > 0) out(session, `Fetched ${aptSize(fetched)}B in ${Math.round(seconds)}s (${aptSize(fetched / Math.max(seconds, 0.001))}B/s)\n`);
  readingLists(session, false);
  // Parsing the Packages files costs about a second on top of the transfer.
  ctx.addSimulatedSeconds(seconds + (fetched > 0 ? 1.5 : 0.5));
  return 0;
}
