package dev.parley.bench;

/**
 * An idle connection {@code iN}: joins, then only reads, counting the lines it receives (mostly
 * {@code * iM has arrived} notices of later connections) and the {@code ! } lines among them. Each
 * line costs the splitter's scan and one byte comparison.
 *
 * <p>Not thread-safe: used only on its shard's context.
 */
final class IdleMember extends Member {
  /**
   * @param index the connection's number N in its name {@code iN}
   */
  IdleMember(Shard shard, int index) {
    super(shard, "i" + index);
  }

  @Override
  void onRoomLine(byte[] bytes, int from, int to) {
    if (bytes[from] == '!') {
      stats.error(bytes, from, to);
    } else {
      stats.notices++;
    }
  }
}
