package io.linli.evaluation;

/**
 * A share such as 2/3, configured as text ({@code linli.evaluation.quorum: 2/3}), compared in
 * integers: 22 of 33 is exactly two thirds.
 */
public record Share(int numerator, int denominator) {

  public Share {
    if (denominator <= 0 || numerator < 0 || numerator > denominator) {
      throw new IllegalArgumentException(
          "a share between 0/1 and 1/1 is needed, not " + numerator + "/" + denominator);
    }
  }

  /** Parses "2/3"; used by Spring's conversion when binding configuration. */
  public static Share valueOf(String text) {
    String[] parts = text.trim().split("/");
    if (parts.length != 2)
      throw new IllegalArgumentException("a share like 2/3 is needed, not " + text);
    return new Share(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
  }

  /** {@code part} is at least this share of {@code whole}. */
  boolean reachedBy(int part, int whole) {
    return (long) part * denominator >= (long) whole * numerator;
  }

  /** The smallest count that reaches this share of {@code whole}. */
  int of(int whole) {
    return (int) ((((long) whole) * numerator + denominator - 1) / denominator);
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
