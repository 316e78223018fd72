package dev.keyward.model;

import dev.keyward.internal.Constraints;
import java.util.List;
import java.util.Objects;

/** {@code keys.migrateKeys}: imports keys by their hashes from another system into an API. */
public final class MigrateKeysRequest {
  private final String migrationId;
  private final String apiId;
  private final List<MigratedKey> keys;

  private MigrateKeysRequest(String migrationId, String apiId, List<MigratedKey> keys) {
    this.migrationId = migrationId;
    this.apiId = apiId;
    this.keys = keys;
  }

  /**
   * Imports {@code keys} (at least one) into {@code apiId} under the migration {@code migrationId}.
   */
  public static MigrateKeysRequest of(String migrationId, String apiId, List<MigratedKey> keys) {
    Constraints.length(
        "migrationId", Objects.requireNonNull(migrationId, "migrationId == null"), 3, 255);
    Constraints.length("apiId", Objects.requireNonNull(apiId, "apiId == null"), 3, 255);
    Objects.requireNonNull(keys, "keys == null");
    Constraints.items("keys", keys, 1, Integer.MAX_VALUE);
    return new MigrateKeysRequest(migrationId, apiId, List.copyOf(keys));
  }

  /** The migration id Unkey configured for the source system's hash format. */
  public String migrationId() {
    return migrationId;
  }

  /** The API to import into. */
  public String apiId() {
    return apiId;
  }

  /** The keys to import. */
  public List<MigratedKey> keys() {
    return keys;
  }

  @Override
  public String toString() {
    return "MigrateKeysRequest{migrationId="
        + migrationId
        + ", apiId="
        + apiId
        + ", keys="
        + keys.size()
        + "}";
  }
}
