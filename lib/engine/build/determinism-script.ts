import { wasmSha256 } from '@/lib/util';
import { createMemoryStore } from '../store';
import { build } from './build';
import { createMemoryContext } from './context';

/**
 * The determinism fixture: one build whose image ID must be the same in every process and on
 * every machine. `npx tsx lib/engine/build/determinism-script.ts` prints the ID (the test runs it
 * in a second Node process and compares).
 */
export const DETERMINISM_DOCKERFILE = `FROM scratch AS builder
COPY src/ /src/
FROM scratch
ARG VERSION=1.0
LABEL org.opencontainers.image.version=$VERSION
WORKDIR /app
COPY --from=builder /src/main.txt ./
COPY --chmod=755 run.sh /usr/local/bin/run
ENV MODE=production
USER 1000:1000
EXPOSE 8080
CMD ["run"]
`;

export async function determinismImageId(): Promise<string> {
  const context = createMemoryContext({ 'src/main.txt': 'main\n', 'src/util.txt': 'util\n', 'run.sh': '#!/bin/sh\necho run\n' });
  const result = await build({ dockerfile: DETERMINISM_DOCKERFILE, context, tags: ['det:1'] }, { store: createMemoryStore(), sha256: wasmSha256 });
  return result.imageId;
}

const entry = typeof process !== 'undefined' ? process.argv[1] : undefined;
if (entry !== undefined && /determinism-script\.ts$/.test(entry)) console.log(await determinismImageId());
