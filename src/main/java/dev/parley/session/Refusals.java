package dev.parley.session;

import dev.parley.accounts.AccountException;
import dev.parley.protocol.Replies;
import dev.parley.room.RoomException;
import dev.parley.values.ErrorCode;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns a failed room or account request into the {@code ! } line a client is
 * shown (PROTOCOL.md sections 6 to 13): a refusal of Parley's own (its text is PROTOCOL.md's), or
 * else {@code ! the room is not available right now, try again}. No other failure's text reaches a
 * client: Vert.x's and the cluster's messages are logged instead. Pure apart from that log line;
 * any thread.
 */
public final class Refusals {
  private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);

  private Refusals() {}

  /**
   * The {@code ! } line that answers a failed request.
   *
   * @param failure the request's failure
   * @return the line, without its line end
   */
  public static String line(Throwable failure) {
    if (failure instanceof AccountException || failure instanceof RoomException) {
      return Replies.error(failure.getMessage());
    }
    if (failure instanceof ReplyException e && e.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      ErrorCode code = ErrorCode.of(e.failureCode());
      if (code != null && code != ErrorCode.UNAVAILABLE) {
        return Replies.error(e.getMessage());
      }
      if (code == null) {
        LOG.warn("a room request failed without a Parley code: {}", e.getMessage());
      }
    }
    return Replies.roomUnavailable();
  }
}
