package dev.parley.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.protocol.Replies;
import dev.parley.room.RoomException;
import dev.parley.values.ErrorCode;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.junit.jupiter.api.Test;

/** What a client is shown of a failed request: Parley's refusals, never Vert.x's texts. */
class RefusalsTest {
  private static final String TIMED_OUT =
      "Timed out after waiting 1000(ms) for a reply. address: __vertx.reply.1, repliedAddress:"
          + " parley.room.group.14";

  @Test
  void aRefusalOfParleysKeepsItsText() {
    assertEquals(
        "! name \"bob\" is taken",
        Refusals.line(
            new ReplyException(
                ReplyFailure.RECIPIENT_FAILURE,
                ErrorCode.NAME_TAKEN.code(),
                "name \"bob\" is taken")));
    assertEquals(
        "! only operators of #ops may do that",
        Refusals.line(
            new RoomException(ErrorCode.NOT_OPERATOR, "only operators of #ops may do that")));
  }

  @Test
  void anyOtherFailureIsTheRoomNotAvailable() {
    for (ReplyException failure :
        new ReplyException[] {
          new ReplyException(ReplyFailure.TIMEOUT, TIMED_OUT),
          new ReplyException(ReplyFailure.RECIPIENT_FAILURE, -1, TIMED_OUT),
          new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 500, TIMED_OUT),
          new ReplyException(ReplyFailure.RECIPIENT_FAILURE, ErrorCode.UNAVAILABLE.code(), "x"),
          new ReplyException(ReplyFailure.NO_HANDLERS, "no handlers")
        }) {
      assertEquals(Replies.roomUnavailable(), Refusals.line(failure), failure.toString());
    }
    assertEquals(Replies.roomUnavailable(), Refusals.line(new IllegalStateException(TIMED_OUT)));
  }
}
