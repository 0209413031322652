package io.linli.supervision;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Response and closing times as counts per bucket of minutes, so that a median or a 90th percentile
 * over a year is a sum of a few hundred small arrays instead of a sort of a million rows. Bucket i
 * holds [BOUNDS[i], BOUNDS[i+1]); the last one is open. The bounds are fine where the clocks are
 * (minutes, hours) and coarse beyond a day.
 *
 * <p>A percentile is read the way PostgreSQL's {@code percentile_cont} reads sorted values (rank
 * q·(n−1), linear interpolation between the two neighbours), with the c values of a bucket taken at
 * lo, lo + w/c, lo + 2w/c, … (w its width). A time that falls on a bucket bound and shares its
 * bucket with no other value is read back exactly; any other is off by less than its bucket's
 * width.
 */
final class MinuteHistogram {

  /**
   * Lower bounds in minutes. Changing them needs a new migration and a rebuild of the read model.
   */
  static final double[] BOUNDS = {
    0, 1, 2, 3, 4, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 360, 420, 480, 600, 720, 900,
    1080, 1200, 1440, 1800, 2160, 2400, 2880, 3600, 4320, 5760, 7200, 10080, 14400, 20160, 30240,
    43200, 64800, 86400, 129600
  };

  static final int SIZE = BOUNDS.length;

  private MinuteHistogram() {}

  /** The bucket of a time in minutes (a negative time counts in the first bucket). */
  static int bucket(double minutes) {
    int i = Arrays.binarySearch(BOUNDS, minutes);
    int b = i >= 0 ? i : -i - 2;
    return Math.max(0, Math.min(SIZE - 1, b));
  }

  /** A histogram of one value; null for none. */
  static int[] of(Double minutes) {
    int[] h = new int[SIZE];
    if (minutes != null) h[bucket(minutes)] = 1;
    return h;
  }

  static int[] plus(int[] a, int[] b, int sign) {
    int[] s = new int[SIZE];
    for (int i = 0; i < SIZE; i++) s[i] = at(a, i) + sign * at(b, i);
    return s;
  }

  /**
   * Reads a stored histogram as PostgreSQL's {@code array_to_string(h, ',')} writes it ("3,0,1")
   * into {@code into}, bucket by bucket (missing buckets stay as they are); null or empty reads
   * nothing. Parsing the text directly spares a boxed Integer per bucket.
   */
  static void parseInto(String csv, int[] into) {
    if (csv == null) return;
    int bucket = 0;
    int value = 0;
    boolean negative = false;
    boolean any = false;
    for (int i = 0, n = csv.length(); i <= n; i++) {
      char c = i < n ? csv.charAt(i) : ',';
      if (c == ',') {
        if (any && bucket < into.length) into[bucket] = negative ? -value : value;
        if (any) bucket++;
        value = 0;
        negative = false;
        any = false;
      } else if (c == '-') {
        negative = true;
      } else {
        value = value * 10 + (c - '0');
        any = true;
      }
    }
  }

  /** The q-quantile (0 ≤ q ≤ 1), null when the histogram counts nothing. */
  static Double percentile(int[] h, double q) {
    long n = 0;
    for (int i = 0; i < SIZE; i++) n += at(h, i);
    if (n == 0) return null;
    double rank = q * (n - 1);
    long below = (long) Math.floor(rank);
    double lower = value(h, below);
    if (rank == below) return lower;
    return lower + (rank - below) * (value(h, below + 1) - lower);
  }

  /** The k-th smallest value (0-based) as the histogram places it. */
  private static double value(int[] h, long k) {
    long seen = 0;
    for (int i = 0; i < SIZE; i++) {
      int c = at(h, i);
      if (k < seen + c) {
        double lo = BOUNDS[i];
        double width = i + 1 < SIZE ? BOUNDS[i + 1] - lo : 0;
        return lo + width * (k - seen) / c;
      }
      seen += c;
    }
    throw new IllegalArgumentException("rank " + k + " beyond " + seen);
  }

  private static int at(int[] h, int i) {
    return h != null && i < h.length ? h[i] : 0;
  }

  /** The bounds in words, for the rules printed beside the figures. */
  static String describe() {
    return Arrays.stream(BOUNDS)
        .mapToObj(b -> String.valueOf((long) b))
        .collect(Collectors.joining("、"));
  }
}
