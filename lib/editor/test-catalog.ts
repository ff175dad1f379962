// A small image catalog for this area's tests, shaped as the hub's (lib/editor may not import
// the engine, even in tests): node with `latest` on 18, python, and an image on another registry.
import { toImageCatalog, type HubCatalogLike } from './image-catalog';

const tag = (aliases: string[], reported: string) => ({ aliases, size: { reported } });

export const HUB: HubCatalogLike = {
  repositories: new Map([
    [
      'docker.io/library/node',
      {
        repository: 'docker.io/library/node',
        description: 'Node.js with npm and yarn.',
        tags: new Map([
          ['18', tag(['18.19.0', '18.19', 'hydrogen', '18-bookworm', 'latest'], '1.09GB')],
          ['18-alpine', tag(['18.19.0-alpine', '18.19.0-alpine3.19'], '127MB')],
        ]),
      },
    ],
    [
      'docker.io/library/python',
      {
        repository: 'docker.io/library/python',
        description: 'Python.',
        tags: new Map([
          ['3.9', tag(['3.9.18', 'latest'], '997MB')],
          ['3.9-slim', tag(['3.9.18-slim'], '125MB')],
        ]),
      },
    ],
    ['gcr.io/distroless/static-debian12', { repository: 'gcr.io/distroless/static-debian12', description: 'Distroless static.', tags: new Map([['latest', tag([], '2MB')]]) }],
  ]),
};

export const IMAGES = toImageCatalog(HUB);
