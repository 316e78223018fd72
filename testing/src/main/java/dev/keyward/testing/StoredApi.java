package dev.keyward.testing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An API (and its key space) in a {@link Workspace}; guarded by the workspace lock. */
final class StoredApi {
  final String id;
  final String keySpaceId;
  final String name;
  final Instant createdAt;
  boolean deleteProtection;
  @Nullable Instant deletedAt;

  StoredApi(String id, String keySpaceId, String name, Instant createdAt) {
    this.id = id;
    this.keySpaceId = keySpaceId;
    this.name = name;
    this.createdAt = createdAt;
  }
}
