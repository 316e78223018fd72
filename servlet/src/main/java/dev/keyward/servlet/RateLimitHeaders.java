package dev.keyward.servlet;

import dev.keyward.model.RatelimitCheck;
import dev.keyward.model.RatelimitStatus;
import dev.keyward.model.Verification;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rate-limit fields of draft-ietf-httpapi-ratelimit-headers-09 for the most restrictive of a
 * verification's rate limits (the fewest requests remaining; on a tie, the latest reset):
 *
 * <pre>
 * RateLimit-Policy: "api";q=100;w=60
 * RateLimit: "api";r=0;t=12
 * </pre>
 *
 * <p>The policy name is the rate limit's name only if the route asked for a limit of that name; any
 * other name (an auto-applied limit, or whatever a server sent) is written as {@code "unkey"}, so
 * nothing but keyward's own configuration is echoed.
 */
final class RateLimitHeaders {
  static final String POLICY = "RateLimit-Policy";
  static final String LIMIT = "RateLimit";
  private static final long MAX_INTEGER = 999_999_999_999_999L; // RFC 8941 sf-integer

  private RateLimitHeaders() {}

  /** The most restrictive limit, or null if the verification carries none. */
  static @Nullable RatelimitStatus mostRestrictive(Verification v) {
    RatelimitStatus best = null;
    for (RatelimitStatus r : v.ratelimits()) {
      if (best == null
          || remaining(r) < remaining(best)
          || (remaining(r) == remaining(best) && r.reset().compareTo(best.reset()) > 0)) {
        best = r;
      }
    }
    return best;
  }

  private static long remaining(RatelimitStatus r) {
    return r.exceeded() ? 0 : clamp(r.remaining());
  }

  /** Sets both fields on {@code response} if {@code v} carries a rate limit. */
  static void write(HttpServletResponse response, Verification v, Requirement requirement) {
    RatelimitStatus r = mostRestrictive(v);
    if (r == null) {
      return;
    }
    String name = "\"" + name(r.name(), requirement.ratelimits()) + "\"";
    response.setHeader(
        POLICY, name + ";q=" + clamp(r.limit()) + ";w=" + Rejection.ceilSeconds(r.duration()));
    long reset = r.reset().isNegative() ? 0 : clamp((r.reset().toMillis() + 999) / 1000);
    response.setHeader(LIMIT, name + ";r=" + remaining(r) + ";t=" + reset);
  }

  private static String name(String name, List<RatelimitCheck> asked) {
    for (RatelimitCheck c : asked) {
      if (c.name().equals(name) && name.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f)) {
        return name.replace("\\", "\\\\").replace("\"", "\\\"");
      }
    }
    return "unkey";
  }

  private static long clamp(long n) {
    return Math.max(0, Math.min(MAX_INTEGER, n));
  }
}
