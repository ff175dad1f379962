import { describe, expect, it } from 'vitest';
import { createHistoryEntry, createdBy } from './created-by';
import { type HistoryStep, layerRule } from './history-step';

const HC = { Test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], Interval: 30e9, Timeout: 3e9, Retries: 3 };
const HASH = 'file:2a1d9c1e3b5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d';

// [step, BuildKit created_by, classic created_by] — docker-semantics §2a.1, checked against
// dockerfile2llb/convert.go and moby daemon/builder/dockerfile/dispatchers.go.
const CASES: Array<[string, HistoryStep, string | null, string]> = [
  ['RUN shell', { kind: 'run', command: { form: 'shell', text: 'apk add x' } }, 'RUN /bin/sh -c apk add x # buildkit', '/bin/sh -c apk add x'],
  [
    'RUN with ARGs',
    { kind: 'run', command: { form: 'shell', text: 'echo $A' }, buildArgs: [{ key: 'B', value: '2' }, { key: 'A', value: '1' }] },
    'RUN |2 B=2 A=1 /bin/sh -c echo $A # buildkit',
    '|2 A=1 B=2 /bin/sh -c echo $A',
  ],
  [
    'RUN with a redeclared ARG',
    { kind: 'run', command: { form: 'exec', args: ['env'] }, buildArgs: [{ key: 'A', value: '1' }, { key: 'B', value: '2' }, { key: 'A', value: '3' }] },
    'RUN |2 A=3 B=2 env # buildkit',
    '|3 A=1 A=3 B=2 env',
  ],
  ['RUN exec', { kind: 'run', command: { form: 'exec', args: ['echo', 'hi'] } }, 'RUN echo hi # buildkit', 'echo hi'],
  ['COPY', { kind: 'copy', sources: ['app.py'], destination: '/app/', sourceHash: HASH }, 'COPY app.py /app/ # buildkit', `/bin/sh -c #(nop) COPY ${HASH} in /app/ `],
  [
    'COPY with flags',
    { kind: 'copy', sources: ['a', 'b'], destination: '.', chown: 'app:app', chmod: '755', parents: true, sourceHash: 'multi:abc' },
    'COPY --parents --chown=app:app --chmod=755 a b . # buildkit',
    '/bin/sh -c #(nop) COPY --chown=app:appmulti:abc in . ',
  ],
  ['COPY heredoc', { kind: 'copy', sources: [], heredocs: ['EOF'], destination: '/x', sourceHash: 'file:1' }, 'COPY <<EOF /x # buildkit', '/bin/sh -c #(nop) COPY file:1 in /x '],
  ['ADD', { kind: 'add', sources: ['site.tar'], destination: '/srv', sourceHash: 'file:9' }, 'ADD site.tar /srv # buildkit', '/bin/sh -c #(nop) ADD file:9 in /srv '],
  ['WORKDIR', { kind: 'workdir', path: '/app' }, 'WORKDIR /app', '/bin/sh -c #(nop) WORKDIR /app'],
  ['ENV', { kind: 'env', pairs: [['K', 'V'], ['K2', 'V 2']] }, 'ENV K=V K2=V 2', '/bin/sh -c #(nop)  ENV K=V K2=V 2'],
  ['LABEL', { kind: 'label', pairs: [['maintainer', 'me']] }, 'LABEL maintainer=me', '/bin/sh -c #(nop)  LABEL maintainer=me'],
  ['ARG', { kind: 'arg', args: [{ key: 'NAME', value: 'value' }, { key: 'EMPTY', value: null }] }, 'ARG NAME=value EMPTY', '/bin/sh -c #(nop)  ARG NAME=value EMPTY'],
  ['CMD exec', { kind: 'cmd', command: { form: 'exec', args: ['python', 'app.py'] } }, 'CMD ["python" "app.py"]', '/bin/sh -c #(nop)  CMD ["python" "app.py"]'],
  ['CMD shell', { kind: 'cmd', command: { form: 'shell', text: 'echo "hi"' } }, 'CMD ["/bin/sh" "-c" "echo \\"hi\\""]', '/bin/sh -c #(nop)  CMD ["/bin/sh" "-c" "echo \\"hi\\""]'],
  ['CMD empty', { kind: 'cmd', command: { form: 'exec', args: [] } }, 'CMD []', '/bin/sh -c #(nop)  CMD []'],
  ['ENTRYPOINT', { kind: 'entrypoint', command: { form: 'exec', args: ['/docker-entrypoint.sh'] } }, 'ENTRYPOINT ["/docker-entrypoint.sh"]', '/bin/sh -c #(nop)  ENTRYPOINT ["/docker-entrypoint.sh"]'],
  ['EXPOSE', { kind: 'expose', ports: ['80', '443/tcp'] }, 'EXPOSE [80/tcp 443/tcp]', '/bin/sh -c #(nop)  EXPOSE 80 443/tcp'],
  ['EXPOSE range', { kind: 'expose', ports: ['8000-8001/UDP'] }, 'EXPOSE [8000/udp 8001/udp]', '/bin/sh -c #(nop)  EXPOSE 8000-8001/UDP'],
  ['VOLUME', { kind: 'volume', volumes: ['/data', '/logs'] }, 'VOLUME [/data /logs]', '/bin/sh -c #(nop)  VOLUME [/data /logs]'],
  ['USER', { kind: 'user', user: 'app' }, 'USER app', '/bin/sh -c #(nop)  USER app'],
  ['STOPSIGNAL', { kind: 'stopsignal', signal: 'SIGTERM' }, 'STOPSIGNAL SIGTERM', '/bin/sh -c #(nop)  STOPSIGNAL SIGTERM'],
  ['SHELL', { kind: 'shell', shell: ['/bin/bash', '-c'] }, 'SHELL [/bin/bash -c]', '/bin/bash -c #(nop)  SHELL [/bin/bash -c]'],
  [
    'HEALTHCHECK',
    { kind: 'healthcheck', healthcheck: HC },
    `HEALTHCHECK &{["CMD-SHELL" "curl -f http://localhost/ || exit 1"] "30s" "3s" "0s" "0s" '\\x03'}`,
    `/bin/sh -c #(nop)  HEALTHCHECK &{["CMD-SHELL" "curl -f http://localhost/ || exit 1"] "30s" "3s" "0s" "0s" '\\x03'}`,
  ],
  ['HEALTHCHECK NONE', { kind: 'healthcheck', healthcheck: { Test: ['NONE'] } }, `HEALTHCHECK &{["NONE"] "0s" "0s" "0s" "0s" '\\x00'}`, `/bin/sh -c #(nop)  HEALTHCHECK &{["NONE"] "0s" "0s" "0s" "0s" '\\x00'}`],
  ['MAINTAINER', { kind: 'maintainer', maintainer: 'Ann <ann@example.com>' }, 'MAINTAINER Ann <ann@example.com>', '/bin/sh -c #(nop)  MAINTAINER Ann <ann@example.com>'],
  ['ONBUILD', { kind: 'onbuild', expression: 'RUN make' }, null, '/bin/sh -c #(nop)  ONBUILD RUN make'],
];

describe('createdBy', () => {
  it.each(CASES)('%s', (_name, step, buildkit, classic) => {
    expect(createdBy(step, 'buildkit')).toBe(buildkit);
    expect(createdBy(step, 'classic')).toBe(classic);
  });

  it('runs shell forms and the classic no-op through the current SHELL', () => {
    const shell = ['/bin/bash', '-o', 'pipefail', '-c'];
    const run: HistoryStep = { kind: 'run', command: { form: 'shell', text: 'ls | wc -l' } };
    expect(createdBy(run, 'buildkit', { shell })).toBe('RUN /bin/bash -o pipefail -c ls | wc -l # buildkit');
    expect(createdBy({ kind: 'env', pairs: [['A', 'b']] }, 'classic', { shell })).toBe('/bin/bash -o pipefail -c #(nop)  ENV A=b');
    expect(createdBy({ kind: 'cmd', command: { form: 'shell', text: 'x' } }, 'buildkit', { shell: [] })).toBe('CMD ["/bin/sh" "-c" "x"]');
  });

  it('needs the content hash for classic COPY', () => {
    expect(() => createdBy({ kind: 'copy', sources: ['a'], destination: '/' }, 'classic')).toThrow(RangeError);
  });
});

describe('layers and history entries', () => {
  it.each([
    ['run', { kind: 'run', command: { form: 'exec', args: ['true'] } }, 'always', 'if-changed'],
    ['copy', { kind: 'copy', sources: ['a'], destination: '/' }, 'always', 'if-changed'],
    ['workdir /app', { kind: 'workdir', path: '/app' }, 'always', 'if-changed'],
    ['workdir /', { kind: 'workdir', path: '/' }, 'never', 'if-changed'],
    ['env', { kind: 'env', pairs: [] }, 'never', 'never'],
    ['cmd', { kind: 'cmd', command: { form: 'exec', args: [] } }, 'never', 'never'],
  ] as Array<[string, HistoryStep, string, string]>)('%s', (_name, step, buildkit, classic) => {
    expect(layerRule(step, 'buildkit')).toBe(buildkit);
    expect(layerRule(step, 'classic')).toBe(classic);
  });

  it('marks BuildKit entries with the frontend comment', () => {
    const created = '1970-01-01T00:00:00Z';
    expect(createHistoryEntry({ kind: 'run', command: { form: 'shell', text: 'true' } }, 'buildkit', { created })).toEqual({
      created,
      created_by: 'RUN /bin/sh -c true # buildkit',
      comment: 'buildkit.dockerfile.v0',
    });
    expect(createHistoryEntry({ kind: 'user', user: 'app' }, 'buildkit')).toEqual({
      created_by: 'USER app',
      comment: 'buildkit.dockerfile.v0',
      empty_layer: true,
    });
    expect(createHistoryEntry({ kind: 'onbuild', expression: 'RUN x' }, 'buildkit')).toBeNull();
  });

  it('makes a classic layer only when the diff is not empty', () => {
    const step: HistoryStep = { kind: 'workdir', path: '/app' };
    expect(createHistoryEntry(step, 'classic', { changed: true })).toEqual({ created_by: '/bin/sh -c #(nop) WORKDIR /app' });
    expect(createHistoryEntry(step, 'classic', { changed: false, author: 'me' })).toEqual({
      created_by: '/bin/sh -c #(nop) WORKDIR /app',
      author: 'me',
      empty_layer: true,
    });
  });
});
