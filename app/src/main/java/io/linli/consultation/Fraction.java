package io.linli.consultation;

/**
 * A share such as 2/3, configured as text ({@code linli.consultation.quorum: 2/3}). Compared in
 * integers, so 22 of 33 is exactly two thirds (a double 0.6667 would ask for 23).
 */
public record Fraction(int numerator, int denominator) {

  public Fraction {
    if (denominator <= 0 || numerator < 0 || numerator > denominator) {
      throw new IllegalArgumentException(
          "a share between 0/1 and 1/1 is needed, not " + numerator + "/" + denominator);
    }
  }

  /** Parses "2/3"; used by Spring's conversion when binding configuration. */
  public static Fraction valueOf(String text) {
    String[] parts = text.trim().split("/");
    if (parts.length != 2)
      throw new IllegalArgumentException("a share like 2/3 is needed, not " + text);
    return new Fraction(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
  }

  /** {@code part} is at least this share of {@code whole}. */
  boolean reachedBy(int part, int whole) {
    return (long) part * denominator >= (long) whole * numerator;
  }

  /** {@code part} is more than this share of {@code whole}. */
  boolean exceededBy(int part, int whole) {
    return (long) part * denominator > (long) whole * numerator;
  }

  @Override
  public String toString() {
    return numerator + "/" + denominator;
  }
}
