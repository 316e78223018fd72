package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.internal.Meta;
import java.util.List;
import java.util.Map;

/**
 * An identity: a user or organisation that several keys share, with its metadata and rate limits.
 */
public record Identity(
    String id, String externalId, Map<String, Object> meta, List<RateLimit> ratelimits) {
  /** Copies the collections defensively. */
  public Identity {
    Constraints.notNull("id", id);
    Constraints.notNull("externalId", externalId);
    meta = Meta.copy(meta);
    ratelimits = Constraints.nonNullItems("ratelimits", ratelimits);
  }
}
