package dev.keyward.testing;

import dev.keyward.model.RateLimit;
import dev.keyward.model.Refill;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** One API key's state in a {@link Workspace}; every field is guarded by the workspace lock. */
final class StoredKey {
  final String id;
  final String apiId;
  String hash;
  String start;
  @Nullable String name;
  @Nullable Map<String, Object> meta;
  @Nullable String identityId;
  @Nullable Instant expires;
  boolean enabled = true;
  @Nullable Long remaining;
  @Nullable Refill refill;
  @Nullable Instant lastRefillAt;
  final Map<String, RateLimit> ratelimits = new LinkedHashMap<>();
  final Set<String> permissionIds = new LinkedHashSet<>();
  final Set<String> roleIds = new LinkedHashSet<>();
  final Instant createdAt;
  @Nullable Instant updatedAt;
  @Nullable Instant deletedAt;

  /** Kept only for keys created recoverable, as Unkey's vault would. */
  @Nullable String recoverablePlaintext;

  StoredKey(String id, String apiId, String hash, String start, Instant createdAt) {
    this.id = id;
    this.apiId = apiId;
    this.hash = hash;
    this.start = start;
    this.createdAt = createdAt;
  }

  boolean deleted() {
    return deletedAt != null;
  }
}
