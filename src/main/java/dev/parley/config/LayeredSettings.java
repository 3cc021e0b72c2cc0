package dev.parley.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns flat, string-valued settings (environment variables, system properties) into JSON in the
 * shape of {@code conf/config.json}. A name is matched against the settings ignoring case,
 * underscores and dots, so {@code PARLEY_IDLE_TIMEOUT_SECONDS} and {@code
 * -Dparley.idle.timeoutSeconds} both set {@code idle.timeoutSeconds}. Each value is read as the
 * kind of its default: a number, {@code true}/{@code false}, a string, or a comma-separated list.
 */
final class LayeredSettings {
  private final Map<String, String> pathsByFoldedName = new HashMap<>();
  private final JsonObject defaults;

  LayeredSettings(JsonObject defaults) {
    this.defaults = defaults;
    collect("", defaults);
  }

  private void collect(String prefix, JsonObject section) {
    for (String key : section.fieldNames()) {
      Object value = section.getValue(key);
      if (value instanceof JsonObject nested) {
        collect(prefix + key + ".", nested);
      } else {
        pathsByFoldedName.put(fold(prefix + key), prefix + key);
      }
    }
  }

  private static String fold(String name) {
    return name.replace("_", "").replace(".", "").toUpperCase(Locale.ROOT);
  }

  /**
   * Picks the entries whose names start with {@code prefix} (matched ignoring case) and turns them
   * into nested JSON.
   *
   * @param entries environment variables or system properties
   * @param prefix {@code PARLEY_} or {@code parley.}
   * @param what how to name an entry in an error message, e.g. "environment variable"
   */
  JsonObject read(Map<String, String> entries, String prefix, String what) {
    JsonObject out = new JsonObject();
    for (Map.Entry<String, String> e : new TreeMap<>(entries).entrySet()) {
      String name = e.getKey();
      if (!name.toUpperCase(Locale.ROOT).startsWith(prefix.toUpperCase(Locale.ROOT))) {
        continue;
      }
      String path = pathsByFoldedName.get(fold(name.substring(prefix.length())));
      if (path == null) {
        throw new ConfigException(
            "unknown " + what + " " + name + ": it names no setting (see the README's table)");
      }
      put(out, path, convert(name, e.getValue(), path, what));
    }
    return out;
  }

  private Object convert(String name, String raw, String path, String what) {
    Object example = lookup(defaults, path);
    String text = raw.strip();
    if (example instanceof Number) {
      try {
        BigDecimal number = new BigDecimal(text);
        return number.stripTrailingZeros().scale() <= 0
                && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
            ? (Object) number.longValue()
            : (Object) number.doubleValue();
      } catch (NumberFormatException ex) {
        throw new ConfigException(
            "invalid " + what + " " + name + "=" + raw + ": expected a number for " + path);
      }
    }
    if (example instanceof Boolean) {
      if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(text);
      }
      throw new ConfigException(
          "invalid " + what + " " + name + "=" + raw + ": expected true or false for " + path);
    }
    if (example instanceof JsonArray) {
      JsonArray items = new JsonArray();
      for (String item : text.split(",")) {
        if (!item.isBlank()) {
          items.add(item.strip());
        }
      }
      return items;
    }
    return raw;
  }

  private static Object lookup(JsonObject root, String path) {
    Object node = root;
    for (String part : path.split("\\.")) {
      node = ((JsonObject) node).getValue(part);
    }
    return node;
  }

  /**
   * Sets {@code path} (dotted) in {@code root} to {@code value}, creating sections as needed.
   *
   * @param root the JSON to change
   * @param path a dotted setting name such as {@code server.port}
   * @param value the value to set
   */
  static void put(JsonObject root, String path, Object value) {
    String[] parts = path.split("\\.");
    JsonObject node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonObject next = node.getJsonObject(parts[i]);
      if (next == null) {
        next = new JsonObject();
        node.put(parts[i], next);
      }
      node = next;
    }
    node.put(parts[parts.length - 1], value);
  }
}
