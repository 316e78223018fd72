package dev.keyward.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
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
      Objects.requireNonNull(namespace, "namespace == null");
      Objects.requireNonNull(identifier, "identifier == null");
      Objects.requireNonNull(reset, "reset == null");
    }
  }

  /** Copies the list and checks nulls. */
  public MultiLimitResult {
    limits = List.copyOf(limits);
    Objects.requireNonNull(requestId, "requestId == null");
  }
}
