package dev.parley.config;

import dev.parley.protocol.NameRules;
import dev.parley.protocol.RoomNames;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads typed settings out of a merged configuration, checking each against the shape of the
 * built-in defaults. Every failure is a {@link ConfigException} whose one-line message names the
 * setting, the value and what is allowed.
 */
final class SettingsReader {
  private final JsonObject config;

  /**
   * Checks that {@code config} has only keys that the defaults have, with values of the same JSON
   * kind (object, string, number, boolean, array).
   */
  SettingsReader(JsonObject config, JsonObject defaults) {
    checkShape("", config, defaults);
    this.config = config;
  }

  private static void checkShape(String prefix, JsonObject given, JsonObject schema) {
    for (String key : given.fieldNames()) {
      String path = prefix + key;
      if (!schema.containsKey(key)) {
        throw new ConfigException(
            "unknown setting " + path + "; known settings here: " + known(prefix, schema));
      }
      Object expected = schema.getValue(key);
      Object value = given.getValue(key);
      if (expected instanceof JsonObject section) {
        if (!(value instanceof JsonObject)) {
          throw ConfigException.invalid(path, value, "an object with the settings of " + path);
        }
        checkShape(path + ".", (JsonObject) value, section);
      }
    }
  }

  private static String known(String prefix, JsonObject schema) {
    List<String> names = new ArrayList<>();
    for (String key : schema.fieldNames()) {
      names.add(prefix + key);
    }
    return String.join(", ", names);
  }

  private Object value(String path) {
    Object node = config;
    for (String part : path.split("\\.")) {
      node = ((JsonObject) node).getValue(part);
    }
    if (node == null) {
      throw ConfigException.invalid(path, null, "a value (it has no default)");
    }
    return node;
  }

  String string(String path, boolean mayBeEmpty) {
    Object value = value(path);
    if (!(value instanceof String text) || (!mayBeEmpty && text.isBlank())) {
      throw ConfigException.invalid(path, value, mayBeEmpty ? "a string" : "a non-empty string");
    }
    return text;
  }

  /** A room name (PROTOCOL.md section 9), in NFC with its {@code #}. */
  String roomName(String path) {
    String text = string(path, false);
    NameRules.Verdict verdict = RoomNames.check(text);
    if (!verdict.valid() || !text.startsWith(RoomNames.PREFIX)) {
      throw ConfigException.invalid(
          path, text, "a room name: # and 1 to 32 letters, digits, \"_\", \"-\" or \".\"");
    }
    return verdict.name();
  }

  ParleyConfig.StoreKind storeKind(String path) {
    Object value = value(path);
    for (ParleyConfig.StoreKind kind : ParleyConfig.StoreKind.values()) {
      if (kind.word().equals(value)) {
        return kind;
      }
    }
    throw ConfigException.invalid(path, value, "\"sqlite\", \"postgres\" or \"memory\"");
  }

  /** One of {@code words}, exactly as written. */
  String choice(String path, String... words) {
    Object value = value(path);
    for (String word : words) {
      if (word.equals(value)) {
        return word;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      allowed
          .append(i == 0 ? "" : i == words.length - 1 ? " or " : ", ")
          .append('"')
          .append(words[i])
          .append('"');
    }
    throw ConfigException.invalid(path, value, allowed.toString());
  }

  /** A list of names (PROTOCOL.md section 5), each in NFC. */
  List<String> names(String path) {
    List<String> names = new ArrayList<>();
    for (String name : strings(path)) {
      NameRules.Verdict verdict = NameRules.check(name);
      if (!verdict.valid()) {
        throw ConfigException.invalid(path, name, "names of accounts: " + verdict.error());
      }
      names.add(verdict.name());
    }
    return List.copyOf(names);
  }

  boolean bool(String path) {
    Object value = value(path);
    if (!(value instanceof Boolean flag)) {
      throw ConfigException.invalid(path, value, "true or false");
    }
    return flag;
  }

  int integer(String path, int min, int max, String allowed) {
    Object value = value(path);
    BigDecimal number = number(value);
    if (number == null || number.stripTrailingZeros().scale() > 0) {
      throw ConfigException.invalid(path, value, allowed);
    }
    if (number.compareTo(BigDecimal.valueOf(min)) < 0
        || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw ConfigException.invalid(path, value, allowed);
    }
    return number.intValueExact();
  }

  int port(String path) {
    return integer(path, 0, 65535, "a port from 1 to 65535, or 0 for any free port");
  }

  Seconds seconds(String path) {
    Object value = value(path);
    BigDecimal number = number(value);
    if (number == null
        || number.signum() <= 0
        || number.compareTo(BigDecimal.valueOf(86400 * 366L)) > 0) {
      throw ConfigException.invalid(path, value, "a number of seconds above 0 (decimals allowed)");
    }
    return new Seconds(number);
  }

  /** A list of web origins, each {@code scheme://host} or {@code scheme://host:port}. */
  List<String> origins(String path) {
    List<String> origins = strings(path);
    for (String origin : origins) {
      if (!origin.matches("https?://[^/\\s:]+(:\\d{1,5})?")) {
        throw ConfigException.invalid(
            path, origin, "origins such as https://chat.example.com or http://host:8081");
      }
    }
    return origins;
  }

  List<String> strings(String path) {
    Object value = value(path);
    if (!(value instanceof JsonArray array)) {
      throw ConfigException.invalid(path, value, "a list of strings");
    }
    List<String> items = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof String text) || text.isBlank()) {
        throw ConfigException.invalid(path, value, "a list of non-empty strings");
      }
      items.add(text.strip());
    }
    return List.copyOf(items);
  }

  private static BigDecimal number(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? new BigDecimal(n.toString()) : null;
    }
    return null;
  }
}
