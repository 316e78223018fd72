package dev.keyward.model;

import dev.keyward.internal.Constraints;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * {@code ratelimit.limit}: spends {@code cost} tokens of {@code identifier} in {@code namespace}.
 */
public final class LimitRequest {
  private final String namespace;
  private final String identifier;
  private final long limit;
  private final Duration duration;
  private final @Nullable Long cost;

  private LimitRequest(Builder b) {
    namespace = b.namespace;
    identifier = b.identifier;
    limit = b.limit;
    duration = b.duration;
    cost = b.cost;
  }

  /** A check at Unkey's default cost of 1. */
  public static LimitRequest of(
      String namespace, String identifier, long limit, Duration duration) {
    return builder(namespace, identifier, limit, duration).build();
  }

  /** Starts a check: {@code limit} (≥ 1) per {@code duration} (1 s..30 days). */
  public static Builder builder(
      String namespace, String identifier, long limit, Duration duration) {
    return new Builder(namespace, identifier, limit, duration);
  }

  /** The namespace, 1..512 characters. */
  public String namespace() {
    return namespace;
  }

  /** Who is limited (a user id, an IP, ...), 1..512 characters. */
  public String identifier() {
    return identifier;
  }

  /** Requests allowed per window. */
  public long limit() {
    return limit;
  }

  /** The window. */
  public Duration duration() {
    return duration;
  }

  /** Tokens to spend (null: Unkey's default of 1; 0 only reads). */
  public @Nullable Long cost() {
    return cost;
  }

  @Override
  public String toString() {
    return "LimitRequest{namespace="
        + namespace
        + ", identifier="
        + identifier
        + ", limit="
        + limit
        + ", duration="
        + duration
        + ", cost="
        + cost
        + "}";
  }

  /** Builds a {@link LimitRequest}. */
  public static final class Builder {
    private final String namespace;
    private final String identifier;
    private final long limit;
    private final Duration duration;
    private @Nullable Long cost;

    Builder(String namespace, String identifier, long limit, Duration duration) {
      this.namespace = Constraints.length("namespace", namespace, 1, 512);
      this.identifier = Constraints.length("identifier", identifier, 1, 512);
      this.limit = Constraints.range("limit", limit, 1, Long.MAX_VALUE);
      this.duration = Constraints.millis("duration", duration, 1000, 2_592_000_000L);
    }

    /** Tokens to spend, ≥ 0. */
    public Builder cost(long cost) {
      this.cost = Constraints.range("cost", cost, 0, Long.MAX_VALUE);
      return this;
    }

    /** Builds the request. */
    public LimitRequest build() {
      return new LimitRequest(this);
    }
  }
}
