package dev.keyward.servlet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Servlet-style path patterns mapped to requirements: exact ({@code /admin}), prefix ({@code
 * /api/*}, also matching {@code /api}), extension ({@code *.json}) and {@code /*}. The most
 * specific match wins: exact, then the longest prefix, then extension.
 */
final class RouteTable {
  /** One pattern; {@code requirement} null means "not protected". */
  static final class Route {
    final String pattern;
    final @Nullable Requirement requirement;

    /** The route's policy when Unkey cannot answer; null: the filter's default. */
    final @Nullable DegradedPolicy policy;

    /** For prefix patterns: the pattern without {@code /*}, and that plus {@code /}. */
    final String base;

    final String baseSlash;

    Route(String pattern, @Nullable Requirement requirement, @Nullable DegradedPolicy policy) {
      this.pattern = pattern;
      this.requirement = requirement;
      this.policy = policy;
      this.base = pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 2) : pattern;
      this.baseSlash = base + "/";
    }
  }

  private final List<Route> exact = new ArrayList<>();
  private final List<Route> prefix = new ArrayList<>();
  private final List<Route> extension = new ArrayList<>();

  RouteTable(List<Route> routes) {
    for (Route r : routes) {
      String p = r.pattern;
      if (p.startsWith("*.")) {
        extension.add(r);
      } else if (p.endsWith("/*")) {
        prefix.add(r);
      } else {
        exact.add(r);
      }
    }
    prefix.sort(Comparator.comparingInt((Route r) -> r.pattern.length()).reversed());
  }

  static void checkPattern(String pattern) {
    Objects.requireNonNull(pattern, "pattern == null");
    if (pattern.isEmpty()) {
      throw new IllegalArgumentException("pattern must not be empty");
    }
    boolean ok =
        pattern.startsWith("*.")
            ? pattern.length() > 2 && pattern.indexOf('/') < 0
            : pattern.startsWith("/")
                && pattern.indexOf('*') == (pattern.endsWith("/*") ? pattern.length() - 1 : -1);
    if (!ok) {
      throw new IllegalArgumentException(
          "pattern must be /exact, /prefix/* or *.extension (a single * only at the end)");
    }
  }

  /** The matching route, or null if none matches. */
  @Nullable Route match(String path) {
    for (Route r : exact) {
      if (r.pattern.equals(path)) {
        return r;
      }
    }
    for (Route r : prefix) {
      if (r.base.isEmpty() || path.equals(r.base) || path.startsWith(r.baseSlash)) {
        return r;
      }
    }
    for (Route r : extension) {
      if (path.endsWith(r.pattern.substring(1))) {
        return r;
      }
    }
    return null;
  }
}
