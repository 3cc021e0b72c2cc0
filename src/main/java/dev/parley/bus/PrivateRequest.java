package dev.parley.bus;

import dev.parley.room.PrivateSent;
import dev.parley.values.ErrorCode;

/**
 * A private message. Reply: {@link PrivateSent}, or a failure with {@link
 * ErrorCode#NO_SUCH_MEMBER}.
 *
 * @param sessionId the sender's session
 * @param target the name of the recipient, matched like names collide (case and look-alikes)
 * @param text the text, not empty
 */
public record PrivateRequest(String sessionId, String target, String text) {}
