package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.key.Secret;
import dev.keyward.permission.PermissionQuery;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code keys.verifyKey}: is this API key valid, and may it do what it asks? */
public final class VerifyKeyRequest {
  private final Secret key;
  private final List<String> tags;
  private final @Nullable PermissionQuery permissions;
  private final @Nullable Long cost;
  private final List<RatelimitCheck> ratelimits;
  private final @Nullable String migrationId;

  private VerifyKeyRequest(Builder b) {
    key = b.key;
    tags = List.copyOf(b.tags);
    permissions = b.permissions;
    cost = b.cost;
    ratelimits = List.copyOf(b.ratelimits);
    migrationId = b.migrationId;
  }

  /** Verifies {@code key} with no further checks. */
  public static VerifyKeyRequest of(Secret key) {
    return builder(key).build();
  }

  /** Starts a request for {@code key}. */
  public static Builder builder(Secret key) {
    return new Builder(key);
  }

  /** Starts a request for {@code key}, wrapped at once as a {@link Secret}. */
  public static Builder builder(String key) {
    return new Builder(Secret.of(Constraints.notNull("key", key)));
  }

  /** The key to verify. */
  public Secret key() {
    return key;
  }

  /** Tags recorded with the verification for analytics. */
  public List<String> tags() {
    return tags;
  }

  /** The permissions the key must hold, in Unkey's query language. */
  public @Nullable PermissionQuery permissions() {
    return permissions;
  }

  /** Credits to spend (null: Unkey's default of 1 when the key has credits). */
  public @Nullable Long cost() {
    return cost;
  }

  /** Named rate limits to check. */
  public List<RatelimitCheck> ratelimits() {
    return ratelimits;
  }

  /** The migration the key was imported with, if any. */
  public @Nullable String migrationId() {
    return migrationId;
  }

  @Override
  public String toString() {
    return "VerifyKeyRequest{key=" + key + ", permissions=" + permissions + ", cost=" + cost + "}";
  }

  /** Builds a {@link VerifyKeyRequest}. */
  public static final class Builder {
    private final Secret key;
    private List<String> tags = new ArrayList<>();
    private @Nullable PermissionQuery permissions;
    private @Nullable Long cost;
    private List<RatelimitCheck> ratelimits = new ArrayList<>();
    private @Nullable String migrationId;

    Builder(Secret key) {
      this.key = Constraints.notNull("key", key);
      Constraints.length("key", key.reveal(), 1, 512);
    }

    /** Analytics tags: at most 20, each 1..512 characters. */
    public Builder tags(List<String> tags) {
      this.tags = Constraints.eachLength("tags", tags, 0, 20, 1, 512);
      return this;
    }

    /** The permissions the key must hold. */
    public Builder permissions(PermissionQuery permissions) {
      this.permissions = Constraints.notNull("permissions", permissions);
      Constraints.length("permissions", permissions.toString(), 1, 1000);
      return this;
    }

    /**
     * The permissions the key must hold, e.g. {@code documents.read AND documents.write}.
     *
     * @throws dev.keyward.permission.PermissionQuerySyntaxException if the query is malformed
     */
    public Builder permissions(String query) {
      return permissions(
          PermissionQuery.parse(Constraints.notNull("permissions", query, "a permission query")));
    }

    /** Credits to spend, 0..10^12. */
    public Builder cost(long cost) {
      this.cost = Constraints.range("cost", cost, 0, 1_000_000_000_000L);
      return this;
    }

    /** Named rate limits to check. */
    public Builder ratelimits(List<RatelimitCheck> ratelimits) {
      this.ratelimits = Constraints.nonNullItems("ratelimits", ratelimits);
      return this;
    }

    /** The migration id, at most 256 characters. */
    public Builder migrationId(String migrationId) {
      this.migrationId = Constraints.length("migrationId", migrationId, 0, 256);
      return this;
    }

    /** Builds the request. */
    public VerifyKeyRequest build() {
      return new VerifyKeyRequest(this);
    }
  }
}
