import { describe, expect, it } from 'vitest';
import type { Digest } from '@/lib/util';
import type { ImageConfig } from './config-types';
import { formatImageInspect, serializeImageInspect, toImageInspect } from './inspect';

const ID: Digest = `sha256:${'a'.repeat(64)}`;
const L1: Digest = `sha256:${'1'.repeat(64)}`;
const L2: Digest = `sha256:${'2'.repeat(64)}`;
const L3: Digest = `sha256:${'3'.repeat(64)}`;

const CONFIG: ImageConfig = {
  architecture: 'amd64',
  os: 'linux',
  created: '2024-05-01T10:00:00.000Z',
  config: { Env: ['PATH=/usr/bin'], Cmd: ['python', 'app.py'], WorkingDir: '/app', Labels: { b: '<2>', a: '1' } },
  rootfs: { type: 'layers', diff_ids: [L1, L2, L3] },
  history: [
    { created_by: 'RUN a # buildkit', comment: 'buildkit.dockerfile.v0' },
    { created_by: 'RUN b # buildkit', comment: 'buildkit.dockerfile.v0' },
    { created_by: 'COPY . . # buildkit', comment: 'buildkit.dockerfile.v0' },
    { created_by: 'CMD ["python" "app.py"]', comment: 'buildkit.dockerfile.v0', empty_layer: true },
  ],
};

describe('toImageInspect', () => {
  it('fills InspectResponse like the graphdriver image service', () => {
    const inspect = toImageInspect({ id: ID, config: CONFIG, repoTags: ['app:latest'], size: 123456 });
    expect(Object.keys(inspect)).toEqual([
      'Id', 'RepoTags', 'RepoDigests', 'Comment', 'Created', 'Config', 'Architecture', 'Os', 'Size', 'GraphDriver', 'RootFS', 'Metadata',
    ]);
    expect(inspect.Comment).toBe('buildkit.dockerfile.v0');
    expect(inspect.Created).toBe('2024-05-01T10:00:00Z');
    expect(inspect.GraphDriver).toEqual({
      Name: 'overlay2',
      Data: {
        LowerDir: `/var/lib/docker/overlay2/${'2'.repeat(64)}/diff:/var/lib/docker/overlay2/${'1'.repeat(64)}/diff`,
        MergedDir: `/var/lib/docker/overlay2/${'3'.repeat(64)}/merged`,
        UpperDir: `/var/lib/docker/overlay2/${'3'.repeat(64)}/diff`,
        WorkDir: `/var/lib/docker/overlay2/${'3'.repeat(64)}/work`,
      },
    });
    expect(inspect.RootFS).toEqual({ Type: 'layers', Layers: [L1, L2, L3] });
    expect(inspect.Metadata).toEqual({ LastTagTime: '0001-01-01T00:00:00Z' });
  });

  it('handles an image without layers, a parent, an author and a variant', () => {
    const bare: ImageConfig = { architecture: 'arm', variant: 'v7', os: 'linux', author: 'me', config: {}, rootfs: { type: 'layers', diff_ids: [] } };
    const inspect = toImageInspect({ id: ID, config: bare, size: 0, parent: `sha256:${'b'.repeat(64)}`, lastTagTime: '2024-01-01T00:00:00.5Z' });
    expect(serializeImageInspect(inspect)).toBe(
      `{"Id":"${ID}","RepoTags":[],"RepoDigests":[],"Parent":"sha256:${'b'.repeat(64)}","Author":"me","Config":{},` +
        '"Architecture":"arm","Variant":"v7","Os":"linux","Size":0,"GraphDriver":{"Data":null,"Name":"overlay2"},' +
        '"RootFS":{"Type":"layers"},"Metadata":{"LastTagTime":"2024-01-01T00:00:00.5Z"}}',
    );
  });
});

describe('formatImageInspect', () => {
  it('prints a four-space indented array, like docker image inspect', () => {
    const inspect = toImageInspect({ id: ID, config: { ...CONFIG, rootfs: { type: 'layers', diff_ids: [L1] }, history: [] }, repoTags: ['app:latest'], size: 42 });
    expect(formatImageInspect([inspect])).toBe(
      [
        '[',
        '    {',
        `        "Id": "${ID}",`,
        '        "RepoTags": [',
        '            "app:latest"',
        '        ],',
        '        "RepoDigests": [],',
        '        "Created": "2024-05-01T10:00:00Z",',
        '        "Config": {',
        '            "Env": [',
        '                "PATH=/usr/bin"',
        '            ],',
        '            "Cmd": [',
        '                "python",',
        '                "app.py"',
        '            ],',
        '            "WorkingDir": "/app",',
        '            "Labels": {',
        '                "a": "1",',
        '                "b": "\\u003c2\\u003e"',
        '            }',
        '        },',
        '        "Architecture": "amd64",',
        '        "Os": "linux",',
        '        "Size": 42,',
        '        "GraphDriver": {',
        '            "Data": {',
        `                "MergedDir": "/var/lib/docker/overlay2/${'1'.repeat(64)}/merged",`,
        `                "UpperDir": "/var/lib/docker/overlay2/${'1'.repeat(64)}/diff",`,
        `                "WorkDir": "/var/lib/docker/overlay2/${'1'.repeat(64)}/work"`,
        '            },',
        '            "Name": "overlay2"',
        '        },',
        '        "RootFS": {',
        '            "Type": "layers",',
        '            "Layers": [',
        `                "${L1}"`,
        '            ]',
        '        },',
        '        "Metadata": {',
        '            "LastTagTime": "0001-01-01T00:00:00Z"',
        '        }',
        '    }',
        ']',
        '',
      ].join('\n'),
    );
    expect(formatImageInspect([])).toBe('[]\n');
  });
});
