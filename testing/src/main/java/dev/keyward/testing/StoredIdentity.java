package dev.keyward.testing;

import dev.keyward.model.RateLimit;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** An identity's state in a {@link Workspace}; guarded by the workspace lock. */
final class StoredIdentity {
  final String id;
  final String externalId;
  Map<String, Object> meta = Map.of();
  final Map<String, RateLimit> ratelimits = new LinkedHashMap<>();
  final Instant createdAt;

  dev.keyward.model.Identity view() {
    return new dev.keyward.model.Identity(
        id, externalId, meta, new java.util.ArrayList<>(ratelimits.values()));
  }

  StoredIdentity(String id, String externalId, Instant createdAt) {
    this.id = id;
    this.externalId = externalId;
    this.createdAt = createdAt;
  }
}
