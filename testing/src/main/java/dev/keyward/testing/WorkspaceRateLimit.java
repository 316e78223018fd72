package dev.keyward.testing;

import java.time.Duration;

/** The server's workspace-wide request quota: a fixed window, like Unkey's workspace rate limit. */
final class WorkspaceRateLimit {
  /** A decision: allowed, and the numbers for the {@code RateLimit-*} headers. */
  record Decision(boolean allowed, long limit, long remaining, long resetMillis) {}

  private long limit = -1;
  private long windowMillis;
  private long windowStart;
  private long used;

  synchronized void set(long limit, Duration window) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0");
    }
    if (window.toMillis() < 1) {
      throw new IllegalArgumentException("window must be >= 1 ms");
    }
    this.limit = limit;
    this.windowMillis = window.toMillis();
    this.used = 0;
    this.windowStart = 0;
  }

  synchronized void clear() {
    limit = -1;
  }

  /** Spends one request; null if no limit is configured. */
  synchronized Decision take(long nowMillis) {
    if (limit < 0) {
      return null;
    }
    long start = nowMillis - Math.floorMod(nowMillis, windowMillis);
    if (start != windowStart) {
      windowStart = start;
      used = 0;
    }
    boolean ok = used < limit;
    if (ok) {
      used++;
    }
    return new Decision(ok, limit, Math.max(0, limit - used), windowStart + windowMillis);
  }
}
