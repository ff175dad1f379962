import registries from '../../../content/hub/registries.json';
import alpine from '../../../content/hub/library/alpine.json';
import buildpackDeps from '../../../content/hub/library/buildpack-deps.json';
import busybox from '../../../content/hub/library/busybox.json';
import debian from '../../../content/hub/library/debian.json';
import golang from '../../../content/hub/library/golang.json';
import nginx from '../../../content/hub/library/nginx.json';
import node from '../../../content/hub/library/node.json';
import python from '../../../content/hub/library/python.json';
import redis from '../../../content/hub/library/redis.json';
import scratch from '../../../content/hub/library/scratch.json';
import ubuntu from '../../../content/hub/library/ubuntu.json';
import distrolessStatic from '../../../content/hub/gcr.io/distroless/static-debian12.json';
import myprojectApi from '../../../content/hub/gcr.io/myproject/api.json';
import companyApp from '../../../content/hub/ghcr.io/company/app.json';
import type { HubSourceFile } from './load-hub';

/**
 * Every file of content/hub/, imported statically so the browser bundle (and the worker) carries
 * the hub without IO. A test checks this list against the directory, so a new data file cannot be
 * forgotten here.
 */
export const HUB_FILES: readonly HubSourceFile[] = [
  { path: 'content/hub/registries.json', json: registries },
  { path: 'content/hub/library/alpine.json', json: alpine },
  { path: 'content/hub/library/buildpack-deps.json', json: buildpackDeps },
  { path: 'content/hub/library/busybox.json', json: busybox },
  { path: 'content/hub/library/debian.json', json: debian },
  { path: 'content/hub/library/golang.json', json: golang },
  { path: 'content/hub/library/nginx.json', json: nginx },
  { path: 'content/hub/library/node.json', json: node },
  { path: 'content/hub/library/python.json', json: python },
  { path: 'content/hub/library/redis.json', json: redis },
  { path: 'content/hub/library/scratch.json', json: scratch },
  { path: 'content/hub/library/ubuntu.json', json: ubuntu },
  { path: 'content/hub/gcr.io/distroless/static-debian12.json', json: distrolessStatic },
  { path: 'content/hub/gcr.io/myproject/api.json', json: myprojectApi },
  { path: 'content/hub/ghcr.io/company/app.json', json: companyApp },
];
