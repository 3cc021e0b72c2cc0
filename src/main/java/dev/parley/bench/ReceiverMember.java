package dev.parley.bench;

import io.netty.buffer.ByteBuf;

/**
 * A receiver {@code rN}: parses the senders' lines {@code sK: <seq> <sendNanos> …} from the bytes,
 * records each line's latency (receive time minus send time, one {@link System#nanoTime()} per read
 * buffer) and checks every sender's numbering for gaps, duplicates and lines out of order. No
 * allocation per line: numbers are read by hand with a {@link NumberReader}.
 *
 * <p>Not thread-safe: used only on its shard's context.
 */
final class ReceiverMember extends Member {
  private final SeqTracker tracker;
  private SenderNames senders;
  private long readNanos;
  private final NumberReader numbers = new NumberReader();
  private int rooms = 1;
  private int room;

  /**
   * @param index the receiver's number N in its name {@code rN}
   * @param senderCount how many senders will send
   */
  ReceiverMember(Shard shard, int index, int senderCount) {
    super(shard, "r" + index);
    tracker = new SeqTracker(senderCount);
  }

  /** Tells the receiver the senders' names; until then every chat line is foreign. */
  void useSenders(SenderNames names) {
    senders = names;
  }

  /**
   * Makes the receiver expect only the lines of the senders in its room: sender {@code k} is in
   * room {@code k mod rooms}.
   */
  void hearOnly(int rooms, int room) {
    this.rooms = rooms;
    this.room = room;
  }

  /** Lines sent in this receiver's room and not received, see {@link SeqTracker#missing}. */
  long missing(long[] sent) {
    if (rooms <= 1) {
      return tracker.missing(sent);
    }
    long[] heard = new long[sent.length];
    for (int k = room; k < sent.length; k += rooms) {
      heard[k] = sent[k];
    }
    return tracker.missing(heard);
  }

  @Override
  void received(ByteBuf data) {
    readNanos = System.nanoTime();
    super.received(data);
  }

  @Override
  void onRoomLine(byte[] bytes, int from, int to) {
    byte first = bytes[from];
    if (first == '*') {
      stats.notices++;
      return;
    }
    if (first == '!') {
      stats.error(bytes, from, to);
      return;
    }
    int sender = senders == null ? -1 : senders.senderOf(bytes, from, to);
    if (sender < 0) {
      stats.foreignLines++;
      return;
    }
    long seq = numbers.read(bytes, from + senders.prefixLength(sender), to);
    int space = numbers.end();
    if (seq < 0 || space >= to || bytes[space] != ' ') {
      stats.foreignLines++;
      return;
    }
    long sentAt = numbers.read(bytes, space + 1, to);
    if (sentAt == NumberReader.NO_NUMBER) {
      stats.foreignLines++;
      return;
    }
    tracker.accept(sender, seq, stats);
    stats.delivered(readNanos - sentAt);
  }
}
