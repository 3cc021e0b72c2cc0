package dev.parley.bench;

import picocli.CommandLine;

/**
 * The server the tool talks to, given on the command line as {@code HOST:PORT} (an IPv6 address in
 * brackets: {@code [::1]:8000}). Immutable and thread-safe.
 *
 * @param host a host name or address, never empty
 * @param port 1 to 65535
 */
record HostPort(String host, int port) {
  @Override
  public String toString() {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }

  /** Picocli converter from {@code HOST:PORT}; rejects a missing host or a port out of range. */
  static final class Converter implements CommandLine.ITypeConverter<HostPort> {
    @Override
    public HostPort convert(String value) {
      int colon = value.lastIndexOf(':');
      if (colon <= 0 || colon == value.length() - 1) {
        throw new CommandLine.TypeConversionException("expected HOST:PORT, got '" + value + "'");
      }
      String host = value.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      int port;
      try {
        port = Integer.parseInt(value.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("bad port in '" + value + "'");
      }
      if (host.isEmpty() || port < 1 || port > 65535) {
        throw new CommandLine.TypeConversionException("expected HOST:PORT, got '" + value + "'");
      }
      return new HostPort(host, port);
    }
  }
}
