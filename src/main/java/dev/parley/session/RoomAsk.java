package dev.parley.session;

import dev.parley.values.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * A request to a room group that waits for the group while no node hosts it: a request that finds
 * no handler (the group closed on one node and is not open on the next yet, {@link #noHost}) is
 * sent again after 25 ms, doubling up to 250 ms, for {@value #WAIT_FOR_ROOM_MILLIS} ms in all
 * (PROTOCOL.md section 8 gives a moving room up to 5 s). Such a request reached no room, so sending
 * it again changes nothing twice. Each try fails after 5 s without an answer. The answer completes
 * on the caller's context; the request MUST be made on a Vert.x context.
 */
public final class RoomAsk {
  /** How long, in milliseconds, a request waits in all for a room group that no node hosts. */
  public static final long WAIT_FOR_ROOM_MILLIS = 5000;

  /** Requests fail after this long, so that a member hears of a room that is moving. */
  private static final DeliveryOptions REQUEST = new DeliveryOptions().setSendTimeout(5000);

  /** How Vert.x's failure of a request that a consumer discarded unread begins. */
  private static final String DISCARDED = "Discarded the request";

  private static final long FIRST_RETRY_MILLIS = 25;
  private static final long LAST_RETRY_MILLIS = 250;

  private RoomAsk() {}

  /**
   * Asks {@code to}, waiting for a moving group as above.
   *
   * @param vertx the caller's Vert.x, for the timers between tries
   * @param to the group's (or a node's) event-bus address
   * @param body the request, of a type with a codec
   * @param options delivery options of each try (headers); its timeout is replaced by 5 s
   * @return the answer's body, or the last failure (a {@link ReplyException})
   */
  public static <T> Future<T> ask(Vertx vertx, String to, Object body, DeliveryOptions options) {
    return askEach(
        vertx,
        to,
        body,
        options == null ? REQUEST : new DeliveryOptions(options).setSendTimeout(5000));
  }

  /**
   * Asks {@code to} as {@link #ask(Vertx, String, Object, DeliveryOptions)} does, each try with
   * {@code each} as it is, its timeout included: for a request that is safe to send again (a
   * numbered chat line) with a shorter timeout, so that one sent to a node that died is sent again
   * soon.
   *
   * @param each the delivery options of each try
   */
  public static <T> Future<T> askEach(Vertx vertx, String to, Object body, DeliveryOptions each) {
    Promise<T> answer = Promise.promise();
    attempt(vertx, to, body, each, 0, FIRST_RETRY_MILLIS, answer);
    return answer.future();
  }

  private static <T> void attempt(
      Vertx vertx,
      String to,
      Object body,
      DeliveryOptions options,
      long waited,
      long next,
      Promise<T> answer) {
    vertx
        .eventBus()
        .<T>request(to, body, options)
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                answer.complete(ar.result().body());
              } else if (noHost(ar.cause()) && waited + next <= WAIT_FOR_ROOM_MILLIS) {
                vertx.setTimer(
                    next,
                    t ->
                        attempt(
                            vertx,
                            to,
                            body,
                            options,
                            waited + next,
                            Math.min(LAST_RETRY_MILLIS, 2 * next),
                            answer));
              } else {
                answer.fail(ar.cause());
              }
            });
  }

  /**
   * Whether a request reached no room: no node has the group's consumer ({@code NO_HANDLERS}), the
   * node that hosted the group answered that it is moving ({@link ErrorCode#UNAVAILABLE}, see
   * {@code RoomHost}), or the consumer was unregistered, for a handover, with the request still
   * queued (Vert.x discards it at once with a {@code TIMEOUT} failure whose message says so).
   *
   * @param failure a request's failure
   * @return true when sending it again is safe and may succeed
   */
  public static boolean noHost(Throwable failure) {
    return failure instanceof ReplyException e
        && (e.failureType() == ReplyFailure.NO_HANDLERS
            || (e.failureType() == ReplyFailure.RECIPIENT_FAILURE
                && e.failureCode() == ErrorCode.UNAVAILABLE.code())
            || (e.failureType() == ReplyFailure.TIMEOUT
                && e.getMessage() != null
                && e.getMessage().startsWith(DISCARDED)));
  }
}
