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
 * The room's events as a test reads them: a subscription on {@code parley.api.events} (every room)
 * or on one room's events address, registered before {@code subscribe} returns, whose events are
 * taken one at a time, waiting at most ten seconds for each.
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
    return subscribe(client.events());
  }

  /**
   * Subscribes to one room's events through {@code client} and waits until the subscription is
   * registered: the events of other rooms, ordered by other room groups, never come in between.
   *
   * @param client the typed client of the node to listen on
   * @param room the room's name
   * @return the room's events from now on
   * @throws TimeoutException if the subscription is not registered within 30 s
   */
  public static RoomEvents subscribe(RoomClient client, String room) throws TimeoutException {
    return subscribe(client.events(room));
  }

  private static RoomEvents subscribe(EventStream stream) throws TimeoutException {
    RoomEvents room = new RoomEvents();
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
