package dev.parley.test;

import dev.parley.api.EventStream;
import dev.parley.api.MemberLeft;
import dev.parley.api.ParleyEvent;
import dev.parley.api.RoomClient;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The room's events as a test reads them: a subscription on {@code parley.api.events}, registered
 * before {@link #subscribe} returns, whose events are taken one at a time, waiting at most ten
 * seconds for each.
 */
public final class RoomEvents {
  private final BlockingQueue<ParleyEvent> events = new LinkedBlockingQueue<>();

  private RoomEvents() {}

  /**
   * Subscribes through {@code client} and waits until the subscription is registered.
   *
   * @param client the typed client of the node to listen on
   * @return the events from now on
   * @throws TimeoutException if the subscription is not registered within 30 s
   */
  public static RoomEvents subscribe(RoomClient client) throws TimeoutException {
    RoomEvents room = new RoomEvents();
    EventStream stream = client.events();
    stream.handler(room.events::add);
    stream.completion().await(30, TimeUnit.SECONDS);
    return room;
  }

  /**
   * The next event.
   *
   * @throws AssertionError if none arrives within ten seconds
   */
  public ParleyEvent next() throws InterruptedException {
    ParleyEvent event = events.poll(10, TimeUnit.SECONDS);
    if (event == null) {
      throw new AssertionError("no event within 10 s");
    }
    return event;
  }

  /**
   * The next departure, skipping other events.
   *
   * @throws AssertionError if none arrives within ten seconds of the event before it
   */
  public MemberLeft nextLeft() throws InterruptedException {
    while (true) {
      if (next() instanceof MemberLeft left) {
        return left;
      }
    }
  }
}
