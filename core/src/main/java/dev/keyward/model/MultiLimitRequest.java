package dev.keyward.model;

import dev.keyward.internal.Constraints;
import java.util.List;

/** {@code ratelimit.multiLimit}: several limit checks in one call; the body is a JSON array. */
public final class MultiLimitRequest {
  private final List<LimitRequest> limits;

  private MultiLimitRequest(List<LimitRequest> limits) {
    this.limits = limits;
  }

  /** Checks 1..100 limits at once. */
  public static MultiLimitRequest of(List<LimitRequest> limits) {
    return new MultiLimitRequest(Constraints.nonNullItems("limits", limits, 1, 100));
  }

  /** The checks, in order. */
  public List<LimitRequest> limits() {
    return limits;
  }

  @Override
  public String toString() {
    return "MultiLimitRequest{limits=" + limits.size() + "}";
  }
}
