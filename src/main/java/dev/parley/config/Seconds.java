package dev.parley.config;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

/**
 * A duration given in seconds, decimals allowed, that prints exactly as it was configured ({@code
 * 300}, {@code 1.5}) because the protocol shows it to users.
 *
 * @param value the number of seconds, never negative
 */
public record Seconds(BigDecimal value) {

  /**
   * Checks the value.
   *
   * @throws IllegalArgumentException if the value is negative
   */
  public Seconds {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("negative seconds: " + value);
    }
    value = value.stripTrailingZeros();
  }

  /**
   * Returns the duration in milliseconds, rounded up so that a short positive duration never
   * becomes zero.
   *
   * @return milliseconds, at least 1 when the value is above zero
   */
  public long toMillis() {
    return value
        .multiply(BigDecimal.valueOf(1000))
        .setScale(0, java.math.RoundingMode.CEILING)
        .longValueExact();
  }

  /**
   * Returns the duration in nanoseconds.
   *
   * @return nanoseconds
   */
  public long toNanos() {
    return value.multiply(BigDecimal.valueOf(TimeUnit.SECONDS.toNanos(1))).longValue();
  }

  /**
   * Prints the value as configured, without trailing zeros: {@code 300}, {@code 1.5}.
   *
   * @return the number of seconds as text
   */
  @Override
  public String toString() {
    return value.toPlainString();
  }
}
