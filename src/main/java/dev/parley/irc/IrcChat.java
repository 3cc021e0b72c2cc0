package dev.parley.irc;

import dev.parley.api.ApiAddresses;
import dev.parley.names.NameRegistry;
import dev.parley.protocol.LineCleaner;
import dev.parley.protocol.Replies;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * PRIVMSG and NOTICE for the IRC port (PROTOCOL.md section 14): to a channel, a chat line of that
 * room; to a nick, a private line; a CTCP ACTION is {@code /me TEXT} and other CTCPs are not
 * relayed. A NOTICE gets no error numeric. Confined to the session's event loop.
 */
final class IrcChat {
  private final IrcSession session;
  private final IrcChannels channels;
  private final IrcRequests requests;
  private final IrcRenderer renderer;

  IrcChat(IrcSession session, IrcChannels channels, IrcRenderer renderer) {
    this.session = session;
    this.channels = channels;
    this.requests = channels.requests();
    this.renderer = renderer;
  }

  void message(IrcMessage m, boolean notice) {
    if (m.param(0).isEmpty()) {
      if (!notice) {
        session.numeric(IrcReplies.NORECIPIENT, IrcReplies.NO_RECIPIENT);
      }
      return;
    }
    if (m.params().size() < 2 || m.param(1).isEmpty()) {
      if (!notice) {
        session.numeric(IrcReplies.NOTEXTTOSEND, IrcReplies.NO_TEXT);
      }
      return;
    }
    String text = chatText(m.param(1));
    if (text == null || text.isBlank()) {
      return;
    }
    for (String target : m.param(0).split(",")) {
      if (target.startsWith("#")) {
        say(target, text, notice);
      } else {
        privately(target, text, notice);
      }
    }
  }

  /** The chat line of an IRC text: a CTCP ACTION is {@code /me TEXT}; other CTCPs none. */
  private static String chatText(String text) {
    if (text.startsWith("\u0001")) {
      String inner = text.substring(1, text.endsWith("\u0001") ? text.length() - 1 : text.length());
      return inner.startsWith("ACTION ") ? "/me " + LineCleaner.clean(inner.substring(7)) : null;
    }
    return LineCleaner.clean(text);
  }

  private void say(String target, String text, boolean notice) {
    String room = channels.joinedName(target);
    if (room == null) {
      if (!notice) {
        session.numeric(IrcReplies.CANNOTSENDTOCHAN, target, IrcReplies.CANNOT_SEND);
      }
      return;
    }
    int maxBytes = session.host().settings().limits().maxLineBytes();
    if (text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      if (!notice) {
        session.numeric(
            IrcReplies.CANNOTSENDTOCHAN,
            room,
            IrcReplies.parleyText(Replies.lineTooLong(maxBytes)));
      }
      return;
    }
    requests
        .say(room, text, notice)
        .onFailure(
            failure -> {
              if (!notice) {
                session.numeric(IrcReplies.CANNOTSENDTOCHAN, room, IrcRequests.text(failure));
              }
            });
  }

  /** 301 when the recipient of a private PRIVMSG is away; before the next command is read. */
  private void awayOf(String name) {
    session
        .inOrder(session.names().holder(name).otherwise((NameRegistry.Holder) null))
        .onSuccess(
            holder -> {
              if (holder != null && holder.away() != null) {
                session.numeric(IrcReplies.AWAY, holder.name(), holder.away());
              }
            });
  }

  private void privately(String target, String text, boolean notice) {
    requests
        .api(ApiAddresses.MSG, new JsonObject().put("to", target).put("text", text))
        .onComplete(
            ar -> {
              if (ar.failed()) {
                if (!notice) {
                  session.numeric(IrcReplies.NOSUCHNICK, target, IrcReplies.NO_SUCH_NICK);
                }
                return;
              }
              String to = ar.result().getString("to");
              if (session.has("echo-message")) {
                session.send(
                    renderer.privmsgs(
                        renderer.source(session.nick()),
                        to,
                        text,
                        session.timeTags() ? System.currentTimeMillis() : -1));
              }
              if (!notice) {
                awayOf(to);
              }
            });
  }
}
