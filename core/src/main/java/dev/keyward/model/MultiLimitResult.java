package dev.keyward.model;

import dev.keyward.internal.Constraints;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The answer of {@code ratelimit.multiLimit}: {@code passed} only if every check passed. */
public record MultiLimitResult(boolean passed, List<Check> limits, String requestId) {
  /** The outcome of one check, in request order. */
  public record Check(
      String namespace,
      String identifier,
      long limit,
      long remaining,
      Instant reset,
      boolean passed,
      @Nullable String overrideId) {
    /** Checks nulls. */
    public Check {
      Constraints.notNull("namespace", namespace);
      Constraints.notNull("identifier", identifier);
      Constraints.notNull("reset", reset);
    }
  }

  /** Copies the list and checks nulls. */
  public MultiLimitResult {
    limits = Constraints.nonNullItems("limits", limits);
    Constraints.notNull("requestId", requestId);
  }
}
