package dev.keyward.testing;

import dev.keyward.permission.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses the standalone server's {@code --fault} grammar into a {@link Fault}:
 *
 * <pre>
 * OPERATIONS=EFFECT[:MODIFIER]...
 *   OPERATIONS  * or operation names joined by commas (keys.verifyKey,keys.createKey)
 *   EFFECT      500..599 | 429[/DURATION] | latency/DURATION | drop | truncate
 *   MODIFIER    a fraction 0 &lt; f &lt;= 1 (0.1) | xN (at most N times) | after
 *   DURATION    a whole number with ms, s or m (250ms, 2s, 1m)
 * </pre>
 *
 * Error messages say what is allowed and never repeat the value.
 */
final class FaultSpec {
  static final String GRAMMAR = "OPERATIONS=EFFECT[:MODIFIER]... (see --help)";

  private FaultSpec() {}

  /**
   * The fault {@code spec} describes.
   *
   * @throws UsageException naming {@code --fault} and the part that is wrong
   */
  static Fault parse(String spec) {
    int eq = spec.indexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new UsageException("--fault must look like " + GRAMMAR);
    }
    List<Operation> ops = operations(spec.substring(0, eq));
    String[] parts = spec.substring(eq + 1).split(":", -1);
    Fault fault = effect(parts[0]);
    boolean after = false;
    boolean fraction = false;
    boolean times = false;
    for (int i = 1; i < parts.length; i++) {
      String m = parts[i];
      if (m.equals("after") && !after) {
        if (fault.kind() == Fault.Kind.TOO_MANY_REQUESTS) {
          throw new UsageException("--fault: a 429 is never applied, so 'after' is not allowed");
        }
        after = true;
        fault = fault.after();
      } else if (m.length() > 1 && m.charAt(0) == 'x' && !times) {
        times = true;
        fault = fault.times((int) number(m.substring(1), 1, Integer.MAX_VALUE, "xN"));
      } else if (!m.isEmpty()
          && (Character.isDigit(m.charAt(0)) || m.charAt(0) == '.')
          && !fraction) {
        fraction = true;
        fault = fault.fraction(fraction(m));
      } else {
        throw new UsageException(
            "--fault: each modifier must be a fraction (0.1), xN or after, given at most once");
      }
    }
    if (!ops.isEmpty()) {
      fault = fault.on(ops.get(0), ops.subList(1, ops.size()).toArray(new Operation[0]));
    }
    return fault;
  }

  private static List<Operation> operations(String list) {
    List<Operation> ops = new ArrayList<>();
    if (list.equals("*")) {
      return ops;
    }
    for (String name : list.split(",", -1)) {
      try {
        ops.add(Operation.fromWireName(name));
      } catch (IllegalArgumentException e) {
        throw new UsageException(
            "--fault: unknown operation; use * or Unkey's names without /v2/, e.g."
                + " keys.verifyKey,keys.createKey");
      }
    }
    return ops;
  }

  private static Fault effect(String e) {
    if (e.equals("drop")) {
      return Fault.drop();
    }
    if (e.equals("truncate")) {
      return Fault.truncate();
    }
    if (e.startsWith("latency/")) {
      return Fault.latency(duration(e.substring("latency/".length()), "--fault latency"));
    }
    if (e.equals("429")) {
      return Fault.tooManyRequests(Duration.ofSeconds(1));
    }
    if (e.startsWith("429/")) {
      return Fault.tooManyRequests(duration(e.substring(4), "--fault 429"));
    }
    if (e.length() == 3 && e.charAt(0) == '5') {
      return Fault.serverError((int) number(e, 500, 599, "the status"));
    }
    throw new UsageException(
        "--fault: the effect must be 500..599, 429[/DURATION], latency/DURATION, drop or"
            + " truncate");
  }

  private static double fraction(String s) {
    try {
      double f = Double.parseDouble(s);
      if (f > 0 && f <= 1 && s.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
        return f;
      }
    } catch (NumberFormatException ignored) {
      // Reported below.
    }
    throw new UsageException("--fault: a fraction must be a number with 0 < f <= 1, e.g. 0.1");
  }

  /** A whole number with ms, s or m; {@code what} names the flag in the error. */
  static Duration duration(String s, String what) {
    String unit = s.endsWith("ms") ? "ms" : s.endsWith("s") ? "s" : s.endsWith("m") ? "m" : "";
    String digits = s.substring(0, s.length() - unit.length());
    String allowed = what + " needs a duration: a whole number with ms, s or m (250ms, 2s, 1m)";
    if (unit.isEmpty() || digits.isEmpty() || digits.length() > 9) {
      throw new UsageException(allowed);
    }
    long n = number(digits, 0, 999_999_999L, null);
    if (n < 0) {
      throw new UsageException(allowed);
    }
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      default -> Duration.ofMinutes(n);
    };
  }

  /**
   * Decimal digits in {@code min..max}; with {@code what} null, -1 for anything else (the caller
   * reports it).
   */
  private static long number(String s, long min, long max, @Nullable String what) {
    if (!s.isEmpty() && s.length() <= 10 && s.chars().allMatch(Character::isDigit)) {
      long n = Long.parseLong(s);
      if (n >= min && n <= max) {
        return n;
      }
    }
    if (what == null) {
      return -1;
    }
    throw new UsageException(
        "--fault: " + what + " must be a whole number from " + min + " to " + max);
  }
}
