package dev.parley.bus;

/**
 * {@code /history N}: a member asks for the last lines of its room's history.
 *
 * @param sessionId the asking member
 * @param limit at most this many lines, from 1 to {@code history.maxLines}
 */
public record HistoryRequest(String sessionId, int limit) {}
