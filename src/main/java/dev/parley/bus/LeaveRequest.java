package dev.parley.bus;

import dev.parley.room.Left;

/**
 * A member leaves; the room publishes {@link Left}. No reply. Unknown sessions are ignored, so a
 * leave may be sent more than once.
 *
 * @param sessionId the member's session
 * @param reason the departure reason, or empty for none
 */
public record LeaveRequest(String sessionId, String reason) {}
