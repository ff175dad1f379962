import { describe, expect, it } from 'vitest';
import { createHarness, node, text } from './test-helpers';

const BASE = 'FROM scratch\nCOPY rootfs/ /\n';
const ROOTFS = {
  'rootfs/bin/sh': { data: 'ELF', mode: 0o755 },
  // pathResolver runs a command only where the image has its binary, as exec(2) would.
  'rootfs/bin/mkdir': { data: 'ELF', mode: 0o755 },
  'rootfs/bin/rm': { data: 'ELF', mode: 0o755 },
  'rootfs/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n',
  'rootfs/etc/group': 'root:x:0:\napp:x:1000:\n',
  'rootfs/tmp/cache/junk.bin': 'junk',
  'rootfs/etc/old.conf': 'old',
};

describe('build: RUN', () => {
  it('runs a shell script over the tree; deletions become whiteouts in the layer', async () => {
    const h = createHarness();
    const r = await h.run(`${BASE}WORKDIR /app\nRUN echo hello > greeting.txt && mkdir -p data && rm -rf /tmp/cache /etc/old.conf && echo done\n`, ROOTFS);
    const tree = await h.tree(r.imageId);
    expect(text(tree, '/app/greeting.txt')).toBe('hello\n');
    expect(node(tree, '/tmp/cache')).toBeUndefined();
    expect(node(tree, '/etc/old.conf')).toBeUndefined();
    const layer = await h.store.get('layers', r.layers[2]?.diffId ?? 'sha256:none');
    const kinds = layer?.recipe.entries.map((e) => `${e.kind}:${e.path}`) ?? [];
    expect(kinds).toContain('whiteout:etc/old.conf');
    expect(kinds).toContain('whiteout:tmp/cache');
    expect(kinds).toContain('file:app/greeting.txt');
    const logs = h.events.filter((e) => e.type === 'vertex-log').map((e) => (e.type === 'vertex-log' ? e.text : ''));
    expect(logs).toEqual(['done']);
    expect(r.layers[2]?.createdBy).toBe('RUN /bin/sh -c echo hello > greeting.txt && mkdir -p data && rm -rf /tmp/cache /etc/old.conf && echo done # buildkit');
  });

  it('an unchanged filesystem still makes an empty layer in BuildKit, none in classic', async () => {
    const h = createHarness();
    const r = await h.run(`${BASE}RUN true\n`, ROOTFS);
    expect(r.layers[1]).toMatchObject({ size: 0, diffId: 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef' });
    const classic = await h.run(`${BASE}RUN true\n`, ROOTFS, { builder: 'classic' });
    expect(classic.layers).toHaveLength(1);
  });

  it('runs as USER with its files owned by it, heredocs and exec form', async () => {
    const h = createHarness();
    const r = await h.run(`${BASE}USER app\nRUN mkdir -p /tmp/x && echo hi > /tmp/x/f\nRUN <<EOF\necho one > /tmp/one\necho two >> /tmp/one\nEOF\nRUN ["/bin/sh", "-c", "echo exec > /tmp/exec"]\n`, ROOTFS);
    const tree = await h.tree(r.imageId);
    expect(node(tree, '/tmp/x/f')).toMatchObject({ uid: 1000, gid: 1000 });
    expect(text(tree, '/tmp/one')).toBe('one\ntwo\n');
    expect(text(tree, '/tmp/exec')).toBe('exec\n');
  });

  it('a failing RUN writes no image and keeps the earlier steps cached', async () => {
    const h = createHarness();
    const message = await h.fail(`${BASE}RUN echo partial > /partial && exit 3\n`, ROOTFS);
    expect(message).toBe('process "/bin/sh -c echo partial > /partial && exit 3" did not complete successfully: exit code: 3');
    expect(await h.store.list('images')).toEqual([]);
    expect(await h.store.list('refs')).toEqual([]);
    expect(h.events.some((e) => e.type === 'vertex-error')).toBe(true);
    const ok = await h.run(`${BASE}RUN echo ok > /ok\n`, ROOTFS);
    expect(ok.steps.map((s) => s.cached)).toEqual([true, false]);
    expect(await h.fail(`${BASE}RUN exit 3\n`, ROOTFS, { builder: 'classic' })).toBe("The command '/bin/sh -c exit 3' returned a non-zero code: 3");
  });

  it('fails like runc when the image has no /bin/sh, and 127 for an unknown command', async () => {
    const h = createHarness();
    expect(await h.fail('FROM scratch\nRUN echo hi\n')).toBe(
      'process "/bin/sh -c echo hi" did not complete successfully: runc run failed: unable to start container process: error during container init: exec: "/bin/sh": stat /bin/sh: no such file or directory',
    );
    expect(await h.fail(`${BASE}RUN frobnicate\n`, ROOTFS)).toBe('process "/bin/sh -c frobnicate" did not complete successfully: exit code: 127');
  });
});
