import { describe, expect, it } from 'vitest';
import { createDockerTestbed, TESTBED_START } from '../testbed';
import { seedContainer, seedImage } from './test-support';

const hoursAgo = (h: number) => new Date(TESTBED_START - h * 3_600_000).toISOString();

async function bed() {
  const b = await createDockerTestbed();
  const tagged = await seedImage(b.store, { files: { a: 'a'.repeat(5000) }, tags: ['app:1'], created: hoursAgo(48) });
  const dangling = await seedImage(b.store, { files: { d: 'd'.repeat(12_345) }, created: hoursAgo(30) });
  const recent = await seedImage(b.store, { files: { r: 'r'.repeat(100) }, tags: ['recent:1'], created: hoursAgo(1), labels: { keep: 'yes' } });
  return { b, tagged, dangling, recent };
}

describe('docker image prune', () => {
  it('asks first, then removes dangling images and reports the space', async () => {
    const { b, dangling } = await bed();
    const layer = (await b.store.get('images', dangling))!.diffIds[0];
    const r = await b.run('docker image prune', { answer: 'y' });
    expect(r).toEqual({ exitCode: 0, stdout: `Deleted Images:\ndeleted: ${dangling}\ndeleted: ${layer}\n\nTotal reclaimed space: 12.35kB\n`, stderr: '' });
    expect((await b.run('docker images -q | wc -l')).stdout.trim()).toBe('2');
    expect((await b.run('docker image prune -f')).stdout).toBe('Total reclaimed space: 0B\n');
  });

  it('reads the answer from stdin without a terminal; anything but y cancels', async () => {
    const { b } = await bed();
    expect(await b.run('docker image prune', { stdin: 'n\n' })).toEqual({
      exitCode: 0,
      stdout: 'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ',
      stderr: '',
    });
    expect((await b.run('docker images -q | wc -l')).stdout.trim()).toBe('3');
    const all = await b.run('echo y | docker image prune -a');
    expect(all.stdout.startsWith('WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue? [y/N] Deleted Images:\n')).toBe(true);
    expect((await b.run('docker images -q | wc -l')).stdout.trim()).toBe('0');
  });

  it('-a removes unused tagged images, keeps those containers use, and honours until= and label filters', async () => {
    const { b, tagged, recent } = await bed();
    await seedContainer(b.store, recent, { status: 'exited' });
    const old = await b.run('docker image prune -a -f --filter "until=24h"');
    expect(old.stdout).toContain(`untagged: app:1\ndeleted: ${tagged}\n`);
    expect((await b.run('docker images --format "{{.Repository}}:{{.Tag}}"')).stdout).toBe('recent:1\n');
    expect((await b.run('docker image prune -a -f')).stdout).toBe('Total reclaimed space: 0B\n');
    const b2 = (await bed()).b;
    expect((await b2.run('docker image prune -a -f --filter label!=keep')).stdout).not.toContain('recent:1');
    expect((await b2.run('docker images --format "{{.Repository}}"')).stdout).toBe('recent\n');
  });

  it("answers bad filters in the daemon's words", async () => {
    const { b } = await bed();
    expect(await b.run('docker image prune -f --filter foo=1')).toMatchObject({ exitCode: 1, stderr: "Error response from daemon: invalid filter 'foo'\n" });
    expect((await b.run('docker image prune -f --filter until=1h --filter until=2h')).stderr).toBe('Error response from daemon: more than one until filter specified\n');
    expect((await b.run('docker image prune extra')).stderr).toContain('"docker image prune" accepts no arguments.');
  });
});
