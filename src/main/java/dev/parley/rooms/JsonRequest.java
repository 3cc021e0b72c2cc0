package dev.parley.rooms;

import dev.parley.protocol.LineCleaner;
import dev.parley.room.RoomException;
import dev.parley.values.ErrorCode;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Reads and checks the JSON body of a public request. Every failure is a {@link RoomException} with
 * {@link ErrorCode#BAD_REQUEST} and a message that names the field.
 */
final class JsonRequest {
  private final JsonObject body;

  private JsonRequest(JsonObject body) {
    this.body = body;
  }

  /**
   * Checks that {@code body} is a JSON object with no fields but {@code allowed}.
   *
   * @throws RoomException if it is not
   */
  static JsonRequest of(Object body, String... allowed) {
    if (!(body instanceof JsonObject json)) {
      throw bad("the body must be a JSON object");
    }
    Set<String> known = Set.of(allowed);
    for (String field : json.fieldNames()) {
      if (!known.contains(field)) {
        throw bad(
            "unknown field \""
                + field
                + "\"; "
                + (allowed.length == 0
                    ? "this request has no fields"
                    : "allowed: " + String.join(", ", allowed)));
      }
    }
    return new JsonRequest(json);
  }

  private static RoomException bad(String message) {
    return new RoomException(ErrorCode.BAD_REQUEST, message);
  }

  /** A string field without leading and trailing white space; absent gives {@code null}. */
  String stripped(String field, boolean required) {
    String text = string(field, required);
    return text == null ? null : text.strip();
  }

  /** A string field; absent gives {@code null} unless required. */
  String string(String field, boolean required) {
    Object value = body.getValue(field);
    if (value == null) {
      if (required) {
        throw bad("missing field \"" + field + "\"");
      }
      return null;
    }
    if (!(value instanceof String text)) {
      throw bad("field \"" + field + "\" must be a string");
    }
    return text;
  }

  /**
   * A whole-number field from {@code min} to {@code max}; absent gives {@code absent}.
   *
   * @throws RoomException if it is not a whole number in that range
   */
  long number(String field, long min, long max, long absent) {
    Object value = body.getValue(field);
    if (value == null) {
      return absent;
    }
    if (!(value instanceof Integer || value instanceof Long)
        || ((Number) value).longValue() < min
        || ((Number) value).longValue() > max) {
      throw bad("field \"" + field + "\" must be a whole number from " + min + " to " + max);
    }
    return ((Number) value).longValue();
  }

  /**
   * A text field shown to members: control characters removed, trimmed, not empty when required, at
   * most {@code maxBytes} bytes of UTF-8.
   */
  String text(String field, boolean required, int maxBytes) {
    String raw = string(field, required);
    if (raw == null) {
      return "";
    }
    String text = LineCleaner.clean(raw).strip();
    if (required && text.isEmpty()) {
      throw bad("field \"" + field + "\" must not be empty");
    }
    if (text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      throw bad("field \"" + field + "\" is longer than " + maxBytes + " bytes");
    }
    return text;
  }
}
