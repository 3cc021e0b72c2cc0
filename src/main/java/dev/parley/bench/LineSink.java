package dev.parley.bench;

/** Receives the lines that a {@link LineSplitter} finds, on the splitter's own thread. */
interface LineSink {
  /**
   * One line from the server, without its CR LF. The bytes are only valid during the call: the
   * array is the read buffer or the splitter's carry and is reused afterwards.
   *
   * @param bytes holds the line
   * @param from the line's first byte, inclusive
   * @param to the line's end, exclusive; {@code to > from}. A line that arrived split over two
   *     reads is cut to its first {@link LineSplitter#CARRY_BYTES} bytes.
   */
  void onLine(byte[] bytes, int from, int to);
}
