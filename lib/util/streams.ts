/**
 * Wraps a (async) iterable of chunks as a web ReadableStream, pulling one chunk at a time, so a
 * large archive or layer is never held in memory; cancelling the stream closes the iterator.
 */
export function iterableToStream(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
