package dev.parley.api;

/**
 * A private message to a bus member: {@code {"type": "private", "from": NAME, "text": TEXT}} on the
 * member's address.
 *
 * @param from the sender's name
 * @param text the text
 */
public record PrivateMessage(String from, String text) {
  /** The {@code type} field of a private message. */
  public static final String TYPE = "private";

  /** The {@code type} field of the notice that a bus member was kicked. */
  public static final String KICKED_TYPE = "kicked";
}
