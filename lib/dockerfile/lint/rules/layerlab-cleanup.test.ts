import { describe, expect, it } from 'vitest';
import { covered, describeRule, findingsOf } from '../testing/rule-cases';

describeRule('LL1006', {
  fires: [
    {
      name: 'apt lists removed in a later RUN',
      src: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n',
      line: 3,
      message:
        '`rm -rf /var/lib/apt/lists/*` deletes what `apt-get update && apt-get install -y curl` on line 2 wrote into an earlier layer. Layers are read-only: the files stay there and the image does not get smaller. Delete them in the same RUN that creates them.'.replace(
          '`apt-get update && apt-get install -y curl`',
          '`apt-get update`',
        ),
    },
    { name: 'downloaded archive', src: 'FROM debian:12\nWORKDIR /tmp\nRUN wget https://example.com/app.tar.gz\nRUN tar xzf app.tar.gz && rm app.tar.gz\n', line: 4, message: /^`rm app\.tar\.gz` deletes what `wget https:\/\/example\.com\/app\.tar\.gz` on line 3/ },
    { name: 'curl -o', src: 'FROM debian:12\nRUN curl -fsSLo /tmp/x.deb https://x/x.deb\nRUN dpkg -i /tmp/x.deb && rm /tmp/x.deb\n', line: 3 },
    { name: 'copied archive', src: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n', line: 3, message: /`COPY app\.tar\.gz \/tmp\/` on line 2/ },
    { name: 'pip cache', src: 'FROM python:3.12\nRUN pip install -r r.txt\nRUN rm -rf ~/.cache/pip\n', line: 3 },
    { name: 'yarn cache clean later', src: 'FROM node:18\nRUN yarn install\nRUN yarn cache clean\n', line: 3 },
    { name: 'glob', src: 'FROM debian:12\nRUN curl -fsSLO https://x/tool-1.2.tgz\nRUN rm /*.tgz\n', line: 3 },
    { name: 'git checkout removed later', src: 'FROM alpine:3.19\nRUN git clone https://github.com/org/repo /src\nRUN rm -rf /src/.git\n', line: 3 },
    { name: 'inherited from the parent stage', src: 'FROM debian:12 AS base\nRUN apt-get update\nFROM base\nRUN rm -rf /var/lib/apt/lists\n', line: 4 },
  ],
  clean: [
    { src: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'same RUN download and delete', src: 'FROM debian:12\nRUN wget https://x/app.tgz && tar xzf app.tgz && rm app.tgz\nRUN rm -rf /tmp/other\n' },
    {
      name: 'download and delete in the same RUN after cd, twice',
      src: 'FROM debian:12\nWORKDIR /app\nRUN cd /tmp && wget https://x/x.tgz && tar xzf x.tgz && rm x.tgz\nRUN cd /tmp && wget https://x/x.tgz && rm x.tgz\n',
    },
    { name: 'directory contents copied, build output removed', src: 'FROM node:18\nWORKDIR /app\nCOPY src/ ./app/\nRUN npm run build && rm -rf ./app/tmp\nRUN rm -rf ./app/cache\n' },
    { name: 'removing something else', src: 'FROM debian:12\nRUN apt-get update\nRUN rm -rf /tmp/*\n' },
    { name: 'another stage', src: 'FROM debian:12 AS a\nRUN apt-get update\nFROM debian:12\nRUN rm -rf /var/lib/apt/lists/*\n' },
    { name: 'apk --no-cache leaves no cache', src: 'FROM alpine:3.19\nRUN apk add --no-cache curl\nRUN rm -rf /var/cache/apk/*\n' },
    { name: 'pip without cache', src: 'FROM python:3.12\nRUN pip install --no-cache-dir -r r.txt\nRUN rm -rf /root/.cache/pip\n' },
    { name: 'relative path in another directory', src: 'FROM debian:12\nWORKDIR /a\nRUN wget https://x/f.tgz\nWORKDIR /b\nRUN rm f.tgz\n' },
  ],
});

describe('LL1006 range', () => {
  it('covers the rm command', () => {
    const src = 'FROM debian:12\nRUN apt-get update\nRUN echo hi && rm -rf /var/lib/apt/lists/*\n';
    const [f] = findingsOf(src, 'LL1006');
    expect(f && covered(src, f)).toBe('rm -rf /var/lib/apt/lists/*');
  });
});
