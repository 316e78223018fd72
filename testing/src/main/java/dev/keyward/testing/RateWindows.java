package dev.keyward.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixed-window counters for rate limits. A window of {@code duration} starts at a multiple of it
 * since the epoch; {@code reset} is its end. Guarded by the workspace lock.
 */
final class RateWindows {
  /** One check: a bucket, its limit and window, and the cost to spend. */
  record Check(String bucket, long limit, long durationMillis, long cost) {}

  /** The outcome of a check. */
  record Outcome(boolean success, long limit, long remaining, long resetMillis) {}

  private static final class Window {
    long start;
    long used;
  }

  private final Map<String, Window> windows = new HashMap<>();

  /**
   * Checks every limit; spends all of them only if all pass (Unkey's all-or-nothing multi limit).
   */
  List<Outcome> checkAll(List<Check> checks, long nowMillis) {
    boolean all = true;
    Outcome[] out = new Outcome[checks.size()];
    for (int i = 0; i < checks.size(); i++) {
      Check c = checks.get(i);
      Window w = window(c, nowMillis);
      boolean ok = w.used + c.cost() <= c.limit();
      all &= ok;
      out[i] = new Outcome(ok, c.limit(), 0, w.start + c.durationMillis());
    }
    for (int i = 0; i < checks.size(); i++) {
      Check c = checks.get(i);
      Window w = window(c, nowMillis);
      if (all) {
        w.used += c.cost();
      }
      out[i] =
          new Outcome(
              out[i].success(), c.limit(), Math.max(0, c.limit() - w.used), out[i].resetMillis());
    }
    return List.of(out);
  }

  /** Checks and spends one limit. */
  Outcome check(Check c, long nowMillis) {
    Window w = window(c, nowMillis);
    boolean ok = w.used + c.cost() <= c.limit();
    if (ok) {
      w.used += c.cost();
    }
    return new Outcome(
        ok, c.limit(), Math.max(0, c.limit() - w.used), w.start + c.durationMillis());
  }

  private Window window(Check c, long nowMillis) {
    String key = c.bucket() + '\u0000' + c.durationMillis();
    Window w = windows.computeIfAbsent(key, k -> new Window());
    long start = nowMillis - Math.floorMod(nowMillis, c.durationMillis());
    if (w.start != start) {
      w.start = start;
      w.used = 0;
    }
    return w;
  }
}
