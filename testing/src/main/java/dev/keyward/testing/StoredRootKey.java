package dev.keyward.testing;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A root key of the workspace; guarded by the workspace lock. The bootstrap key holds every
 * permission.
 */
final class StoredRootKey {
  final String id;
  String hash;
  String start;
  @Nullable String name;
  final Set<String> permissions = new LinkedHashSet<>();
  final boolean bootstrap;
  final Instant createdAt;
  @Nullable Instant expires;
  @Nullable Instant deletedAt;

  StoredRootKey(String id, String hash, String start, boolean bootstrap, Instant createdAt) {
    this.id = id;
    this.hash = hash;
    this.start = start;
    this.bootstrap = bootstrap;
    this.createdAt = createdAt;
  }

  boolean live(Instant now) {
    return deletedAt == null && (expires == null || !now.isAfter(expires));
  }
}
