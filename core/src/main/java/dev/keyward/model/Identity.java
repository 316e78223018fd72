package dev.keyward.model;

import dev.keyward.internal.Meta;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An identity: a user or organisation that several keys share, with its metadata and rate limits.
 */
public record Identity(
    String id, String externalId, Map<String, Object> meta, List<RateLimit> ratelimits) {
  /** Copies the collections defensively. */
  public Identity {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(externalId, "externalId == null");
    meta = Meta.copy(meta);
    ratelimits = List.copyOf(ratelimits);
  }
}
