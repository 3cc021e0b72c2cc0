package dev.parley.room;

import dev.parley.test.ManualTimeSource;
import dev.parley.test.TestServer;
import java.util.ArrayList;
import java.util.List;

/**
 * The output of a {@link Rooms} under test: the events it publishes, in a list; private lines and
 * evictions are dropped.
 */
final class EventLog implements Rooms.Output {
  final List<RoomEvent> events = new ArrayList<>();

  /** New rooms, from nothing, with the test server's settings and these overrides. */
  Rooms rooms(Object... settings) {
    return from(RoomSnapshot.EMPTY, settings);
  }

  /** Rooms continued from a snapshot, with the test server's settings and these overrides. */
  Rooms from(RoomSnapshot snapshot, Object... settings) {
    return new Rooms(TestServer.config(settings), new ManualTimeSource(), this, snapshot);
  }

  @Override
  public void publish(RoomEvent event) {
    events.add(event);
  }

  @Override
  public void privateLine(Member to, String from, String text) {}

  @Override
  public void evicted(Member member, String notice, String reason, String kickReason) {}
}
