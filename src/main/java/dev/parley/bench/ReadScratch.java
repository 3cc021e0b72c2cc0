package dev.parley.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A reusable heap buffer into which a read that arrived in direct (off-heap) memory is copied, so
 * that lines can be parsed from a plain byte array without allocating per read. One per shard: each
 * copy is valid only until the next read on the same event loop.
 *
 * <p>Not thread-safe: confined to its shard's context.
 */
final class ReadScratch {
  /** Initial capacity in bytes; grows to the largest read seen. */
  static final int INITIAL_BYTES = 64 * 1024;

  private ByteBuf heap = Unpooled.buffer(INITIAL_BYTES);

  /**
   * The readable bytes of {@code source}, in a heap buffer with an array; {@code source} is left as
   * it was. Returns {@code source} itself when it already has an array.
   */
  ByteBuf heapView(ByteBuf source) {
    if (source.hasArray()) {
      return source;
    }
    int length = source.readableBytes();
    if (heap.capacity() < length) {
      heap = Unpooled.buffer(Math.max(length, heap.capacity() * 2));
    }
    heap.clear();
    heap.writeBytes(source, source.readerIndex(), length);
    return heap;
  }
}
