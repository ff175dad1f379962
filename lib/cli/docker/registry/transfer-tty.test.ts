import { describe, expect, it } from 'vitest';
import { createDockerTestbed } from '../testbed';
import { humanSize4 } from '@/lib/util';
import { createTransferTtyRenderer, progressText } from './transfer-tty';

const ESC = '\x1b';

describe("docker's progress on a terminal", () => {
  it('sizes like go-units HumanSize (4 significant digits)', () => {
    expect([humanSize4(0), humanSize4(999), humanSize4(1500), humanSize4(12_345_678), humanSize4(45_600_000), humanSize4(2_000_000_000)]).toEqual(['0B', '999B', '1.5kB', '12.35MB', '45.6MB', '2GB']);
  });

  it('draws the bar only on a terminal wider than 110 columns, as JSONProgress.String does', () => {
    const progress = { current: 12_345_678, total: 45_600_000 };
    expect(progressText(progress, 200)).toBe(`[=============>                                     ]  12.35MB/45.6MB`);
    expect(progressText(progress, 80)).toBe(' 12.35MB/45.6MB');
    expect(progressText({ current: 45_600_000, total: 45_600_000 }, 120)).toBe(`[${'='.repeat(50)}>]   45.6MB/45.6MB`);
    expect(progressText(undefined, 200)).toBe('');
    expect(progressText({ current: 500, total: 0 }, 200)).toBe('    500B');
  });

  it('keeps one line per layer and redraws it in place with cursor movement', () => {
    let out = '';
    const draw = createTransferTtyRenderer((t) => (out += t), 120);
    draw({ id: 'latest', status: 'Pulling from library/alpine', final: true });
    draw({ id: 'aaaaaaaaaaaa', status: 'Pulling fs layer', final: false });
    draw({ id: 'bbbbbbbbbbbb', status: 'Pulling fs layer', final: false });
    draw({ id: 'aaaaaaaaaaaa', status: 'Downloading', progress: { current: 1_000_000, total: 2_000_000 }, final: false });
    draw({ id: 'aaaaaaaaaaaa', status: 'Pull complete', final: true });
    draw({ status: 'Digest: sha256:abc', final: true });
    expect(out).toBe(
      'latest: Pulling from library/alpine\n' +
        `\n${ESC}[1A${ESC}[2K\raaaaaaaaaaaa: Pulling fs layer \r${ESC}[1B` +
        `\n${ESC}[1A${ESC}[2K\rbbbbbbbbbbbb: Pulling fs layer \r${ESC}[1B` +
        `${ESC}[2A${ESC}[2K\raaaaaaaaaaaa: Downloading [=========================>                         ]      1MB/2MB\r${ESC}[2B` +
        `${ESC}[2A${ESC}[2K\raaaaaaaaaaaa: Pull complete \r${ESC}[2B` +
        'Digest: sha256:abc\n',
    );
  });

  it('docker pull in the terminal redraws; without a terminal it prints the plain lines', async () => {
    const bed = await createDockerTestbed();
    const tty = await bed.run('COLUMNS=120 docker pull alpine:3.19', { terminal: true });
    expect(tty.exitCode).toBe(0);
    expect(tty.stdout.startsWith('3.19: Pulling from library/alpine\n')).toBe(true);
    expect(tty.stdout).toMatch(/\x1b\[2K\r[0-9a-f]{12}: Downloading \[=*>\s*\] +[\d.]+[kMG]?B\/[\d.]+[kMG]?B\r/);
    expect(tty.stdout).toMatch(/\x1b\[\d+A\x1b\[2K\r[0-9a-f]{12}: Pull complete \r\x1b\[\d+B/);
    // The cursor is on the line below the layers (moved down, at column 0): Digest is written there.
    expect(tty.stdout).toMatch(/\r\x1b\[\d+BDigest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for alpine:3\.19\ndocker\.io\/library\/alpine:3\.19\n$/);
    const plain = await (await createDockerTestbed()).run('docker pull alpine:3.19');
    expect(plain.stdout).not.toContain(ESC);
    expect(plain.stdout).toMatch(/^3\.19: Pulling from library\/alpine\n([0-9a-f]{12}: Pull complete\n)+Digest: /);
  });
});
