package dev.parley.api;

import dev.parley.protocol.Replies;
import dev.parley.values.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

/**
 * The typed client's requests to the room's public addresses. A request the room did not answer (no
 * node hosts the room right now, or no reply came in time) fails with {@link ErrorCode#UNAVAILABLE}
 * as its {@code failureCode()}, keeping Vert.x's {@code failureType()}.
 */
final class RoomRequests {
  private RoomRequests() {}

  /** Sends a request and gives the reply's body. */
  static Future<JsonObject> request(EventBus bus, String address, JsonObject body) {
    return bus.<JsonObject>request(address, body)
        .map(Message::body)
        .recover(RoomRequests::unavailable);
  }

  /**
   * Turns a failure that means the room did not answer ({@link ReplyFailure#NO_HANDLERS}, {@link
   * ReplyFailure#TIMEOUT}) into one with the code {@link ErrorCode#UNAVAILABLE}; any other failure
   * is passed on as it is.
   */
  static <T> Future<T> unavailable(Throwable failure) {
    if (failure instanceof ReplyException e
        && (e.failureType() == ReplyFailure.NO_HANDLERS
            || e.failureType() == ReplyFailure.TIMEOUT)) {
      return Future.failedFuture(
          new ReplyException(
              e.failureType(),
              ErrorCode.UNAVAILABLE.code(),
              Replies.ROOM_UNAVAILABLE + " (" + e.getMessage() + ")"));
    }
    return Future.failedFuture(failure);
  }
}
