/**
 * Test support for the layer tests (not exported from index.ts). The Node hasher lives in each
 * test file: lib/ outside tests may not import Node, and lib/engine may not import lib/cli.
 */
export async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    parts.push(chunk);
    size += chunk.length;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The NUL-terminated string at [offset, offset + size) of a header block. */
export function field(block: Uint8Array, offset: number, size: number): string {
  const bytes = block.subarray(offset, offset + size);
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end));
}
