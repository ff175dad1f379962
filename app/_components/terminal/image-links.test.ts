import { describe, expect, test } from 'vitest';
import { imageLinksAt, imageRefsInOutput } from './image-links';

const IMAGES = [
  'student@workstation:~$ docker images',
  'REPOSITORY               TAG       IMAGE ID       CREATED          SIZE',
  'app                      1.0       01023fcefe59   2 minutes ago    3B',
  'registry.company.com/x   latest    9b1e0c7d2a44   3 weeks ago      1.2GB',
  '<none>                   <none>    77aa00bb11cc   4 weeks ago      5MB',
  'student@workstation:~$ ',
];
const at = (lines: string[]) => (y: number) => lines[y];
const linked = (lines: string[], y: number) => imageLinksAt(at(lines), y).map((l) => [(lines[y] as string).slice(l.start, l.end), l.ref]);

describe('imageLinksAt', () => {
  test('a docker images row links its name cells to repo:tag and its ID to the ID', () => {
    expect(linked(IMAGES, 2)).toEqual([
      ['app', 'app:1.0'],
      ['1.0', 'app:1.0'],
      ['01023fcefe59', '01023fcefe59'],
    ]);
    expect(linked(IMAGES, 3)[0]).toEqual(['registry.company.com/x', 'registry.company.com/x:latest']);
    // An untagged image is reachable by its ID only.
    expect(linked(IMAGES, 4)).toEqual([['77aa00bb11cc', '77aa00bb11cc']]);
  });

  test('columns come from the header: --digests works', () => {
    const lines = [
      'REPOSITORY   TAG       DIGEST                                                                    IMAGE ID       CREATED       SIZE',
      'alpine       3.19      sha256:c5b1261d6d3e43071626931fc004f70149baeba2c8ec672bd4f27761f8e1ad6b   05455a08881e   2 years ago   7.38MB',
    ];
    expect(linked(lines, 1)).toEqual([
      ['alpine', 'alpine:3.19'],
      ['3.19', 'alpine:3.19'],
      ['05455a08881e', '05455a08881e'],
    ]);
  });

  test('lines that only look like rows, without the header above, link nothing; the header and prompt neither', () => {
    expect(linked(['a  b  0123456789ab  x'], 0)).toEqual([]);
    expect(linked(IMAGES, 1)).toEqual([]);
    expect(linked(IMAGES, 5)).toEqual([]);
  });

  test('the image a build named links to it', () => {
    expect(linked(['#9 naming to docker.io/library/app:1.0 done'], 0)).toEqual([['app:1.0', 'app:1.0']]);
    expect(linked([' => => naming to docker.io/student/web                    0.0s'], 0)).toEqual([['student/web', 'student/web:latest']]);
  });
});

describe('imageRefsInOutput', () => {
  test('each image an output names, once, in order', () => {
    expect(imageRefsInOutput(IMAGES.slice(1).join('\n') + '\n#9 naming to docker.io/library/app:1.0 done\n')).toEqual(['app:1.0', 'registry.company.com/x:latest', '77aa00bb11cc']);
    expect(imageRefsInOutput('total 0\n')).toEqual([]);
  });
});
