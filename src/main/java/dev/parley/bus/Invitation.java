package dev.parley.bus;

/**
 * To one session, through its node: a member invites it to a room (IRC's INVITE). An IRC client
 * receives an INVITE, a line member {@code * FROM invites you to #ROOM: /join #ROOM}.
 *
 * @param sessionId the invited session
 * @param from the inviter's name
 * @param fromUser the inviter's IRC user name, or its name when it has none
 * @param room the room, as the server spells it
 */
public record Invitation(String sessionId, String from, String fromUser, String room) {}
