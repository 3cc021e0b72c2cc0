package dev.parley.irc;

import dev.parley.names.NameRegistry;
import dev.parley.protocol.LineCleaner;
import io.vertx.core.Future;

/**
 * AWAY (PROTOCOL.md section 14, the Modern IRC documents): an IRC client's away message, kept with
 * its name in the name registry so that the IRC clients of every node see it, as 301 before a
 * private PRIVMSG reaches it and in WHOIS. {@code AWAY :TEXT} marks the client away (306), {@code
 * AWAY} or {@code AWAY :} marks it back (305). The message is cleaned like a chat line and cut to
 * {@value IrcReplies#AWAY_MAX_BYTES} bytes at a code point. Confined to the session's event loop.
 */
final class IrcAway {
  private final IrcSession session;
  private String message;

  IrcAway(IrcSession session) {
    this.session = session;
  }

  /** The away message, or {@code null} while the client is not away. */
  String message() {
    return message;
  }

  /** {@code AWAY [:TEXT]}: answered once the registry holds the change. */
  void away(IrcMessage m) {
    String text =
        IrcRenderer.pieces(LineCleaner.clean(m.param(0)).strip(), IrcReplies.AWAY_MAX_BYTES).get(0);
    message = text.isEmpty() ? null : text;
    NameRegistry.Holder holder = session.registration().holder();
    Future<Boolean> saved =
        holder == null ? Future.succeededFuture(false) : session.names().update(holder);
    session
        .inOrder(saved.otherwise(false))
        .onComplete(
            v -> {
              if (message == null) {
                session.numeric(IrcReplies.UNAWAY, IrcReplies.UN_AWAY);
              } else {
                session.numeric(IrcReplies.NOWAWAY, IrcReplies.NOW_AWAY);
              }
            });
  }
}
