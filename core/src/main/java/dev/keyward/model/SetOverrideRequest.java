package dev.keyward.model;

import dev.keyward.internal.Constraints;
import java.time.Duration;

/**
 * {@code ratelimit.setOverride}: a custom limit for an identifier (or wildcard pattern) in a
 * namespace.
 */
public final class SetOverrideRequest {
  private final String namespace;
  private final String identifier;
  private final long limit;
  private final Duration duration;

  private SetOverrideRequest(String namespace, String identifier, long limit, Duration duration) {
    this.namespace = namespace;
    this.identifier = identifier;
    this.limit = limit;
    this.duration = duration;
  }

  /**
   * Overrides {@code identifier} in {@code namespace}: {@code limit} (≥ 0; 0 blocks) per {@code
   * duration} (≥ 1 s).
   */
  public static SetOverrideRequest of(
      String namespace, String identifier, long limit, Duration duration) {
    return new SetOverrideRequest(
        Constraints.length("namespace", namespace, 1, 512),
        Constraints.length("identifier", identifier, 1, 512),
        Constraints.range("limit", limit, 0, Long.MAX_VALUE),
        Constraints.millis("duration", duration, 1000, Long.MAX_VALUE));
  }

  /** The namespace's id or name. */
  public String namespace() {
    return namespace;
  }

  /** The identifier or wildcard pattern. */
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

  @Override
  public String toString() {
    return "SetOverrideRequest{namespace="
        + namespace
        + ", identifier="
        + identifier
        + ", limit="
        + limit
        + ", duration="
        + duration
        + "}";
  }
}
