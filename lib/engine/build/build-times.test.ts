import { describe, expect, it } from 'vitest';
import { parseImageConfig } from '../image';
import { fillHistoryTimes } from './history-times';
import { createHarness } from './test-helpers';

const DOCKERFILE = `FROM scratch
ENV MODE=dev
COPY a.txt /a.txt
COPY b.txt /b.txt
CMD ["/bin/app"]
`;
const FILES = { 'a.txt': 'a\n', 'b.txt': 'b\n' };

const T0 = Date.parse('2026-11-28T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

async function configOf(h: ReturnType<typeof createHarness>, imageId: string) {
  const bytes = await h.store.get('blobs', imageId);
  if (bytes === undefined) throw new Error(`no config ${imageId}`);
  return parseImageConfig(new TextDecoder().decode(bytes));
}

describe('image times (BuildKit: the time each layer was first built)', () => {
  it('a fully cached rebuild later gives the same image ID and keeps the first time', async () => {
    const h = createHarness();
    const clock = { now: T0 };
    const first = await h.run(DOCKERFILE, FILES, { now: () => clock.now });
    clock.now += 3_600_000;
    const second = await h.run(DOCKERFILE, FILES, { now: () => clock.now });
    expect(second.steps.every((s) => s.cached)).toBe(true);
    expect(second.imageId).toBe(first.imageId);
    const config = await configOf(h, second.imageId);
    expect(config.created).toBe(iso(T0));
    expect((await h.store.get('images', second.imageId))?.created).toBe(iso(T0));
  });

  it('a changed step gets the new time and a new image ID; steps before it keep theirs', async () => {
    const h = createHarness();
    const clock = { now: T0 };
    const first = await h.run(DOCKERFILE, FILES, { now: () => clock.now });
    clock.now += 120_000;
    const changed = await h.run(DOCKERFILE, { ...FILES, 'b.txt': 'changed\n' }, { now: () => clock.now });
    expect(changed.steps.map((s) => s.cached)).toEqual([true, false]);
    expect(changed.imageId).not.toBe(first.imageId);
    const config = await configOf(h, changed.imageId);
    expect(config.created).toBe(iso(T0 + 120_000));
    // ENV (before the first layer) takes the first layer's time; CMD the time of the layer before it.
    expect(config.history?.map((e) => e.created)).toEqual([iso(T0), iso(T0), iso(T0 + 120_000), iso(T0 + 120_000)]);
  });

  it('SOURCE_DATE_EPOCH overrides the clock everywhere', async () => {
    const h = createHarness();
    const r = await h.run(DOCKERFILE, FILES, { now: () => T0, buildArgs: { SOURCE_DATE_EPOCH: '1700000000' } });
    const config = await configOf(h, r.imageId);
    expect(config.created).toBe('2023-11-14T22:13:20Z');
    expect(new Set(config.history?.map((e) => e.created))).toEqual(new Set(['2023-11-14T22:13:20Z']));
  });

  it('without a clock every time is the Unix epoch (deterministic IDs for tests)', async () => {
    const h = createHarness();
    const r = await h.run(DOCKERFILE, FILES);
    const config = await configOf(h, r.imageId);
    expect(config.created).toBe('1970-01-01T00:00:00Z');
    expect(new Set(config.history?.map((e) => e.created))).toEqual(new Set(['1970-01-01T00:00:00Z']));
  });

  it('fills metadata entries as BuildKit normalizeLayersAndHistory does', () => {
    const base = { created: '2024-01-01T00:00:00Z', created_by: 'base' };
    expect(
      fillHistoryTimes([base, { created_by: 'ENV' }, { created: 't1', created_by: 'COPY' }, { created_by: 'LABEL' }, { created: 't2', created_by: 'RUN' }, { created_by: 'CMD' }]).map((e) => e.created),
    ).toEqual(['2024-01-01T00:00:00Z', 't1', 't1', 't1', 't2', 't2']);
    // Only metadata on top of a base: the base's last time.
    expect(fillHistoryTimes([base, { created_by: 'CMD' }]).map((e) => e.created)).toEqual(['2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z']);
  });
});
