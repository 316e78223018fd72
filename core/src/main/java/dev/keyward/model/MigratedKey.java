package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.internal.Ids;
import dev.keyward.internal.Meta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One key of {@code keys.migrateKeys}: its hash (never a plaintext) and its configuration. */
public final class MigratedKey {
  private final String hash;
  private final @Nullable String name;
  private final @Nullable String externalId;
  private final @Nullable Map<String, Object> meta;
  private final List<String> roles;
  private final List<String> permissions;
  private final @Nullable Instant expires;
  private final @Nullable Boolean enabled;
  private final @Nullable Credits credits;
  private final List<RateLimit> ratelimits;

  private MigratedKey(Builder b) {
    hash = b.hash;
    name = b.name;
    externalId = b.externalId;
    meta = b.meta;
    roles = List.copyOf(b.roles);
    permissions = List.copyOf(b.permissions);
    expires = b.expires;
    enabled = b.enabled;
    credits = b.credits;
    ratelimits = List.copyOf(b.ratelimits);
  }

  /** Starts a key imported from {@code hash} (at least 3 characters). */
  public static Builder builder(String hash) {
    return new Builder(hash);
  }

  /** The key's hash in the source system's format. */
  public String hash() {
    return hash;
  }

  /** The key's name. */
  public @Nullable String name() {
    return name;
  }

  /** The identity's external id. */
  public @Nullable String externalId() {
    return externalId;
  }

  /** The key's metadata. */
  public @Nullable Map<String, Object> meta() {
    return meta;
  }

  /** Role names. */
  public List<String> roles() {
    return roles;
  }

  /** Permission slugs. */
  public List<String> permissions() {
    return permissions;
  }

  /** The expiry. */
  public @Nullable Instant expires() {
    return expires;
  }

  /** Whether the key is enabled (null: Unkey's default, true). */
  public @Nullable Boolean enabled() {
    return enabled;
  }

  /** The credits. */
  public @Nullable Credits credits() {
    return credits;
  }

  /** The rate limits. */
  public List<RateLimit> ratelimits() {
    return ratelimits;
  }

  @Override
  public String toString() {
    return "MigratedKey{name=" + name + ", externalId=" + externalId + "}";
  }

  /** Builds a {@link MigratedKey}; each setter checks the spec's limits at once. */
  public static final class Builder {
    private final String hash;
    private @Nullable String name;
    private @Nullable String externalId;
    private @Nullable Map<String, Object> meta;
    private List<String> roles = new ArrayList<>();
    private List<String> permissions = new ArrayList<>();
    private @Nullable Instant expires;
    private @Nullable Boolean enabled;
    private @Nullable Credits credits;
    private List<RateLimit> ratelimits = new ArrayList<>();

    Builder(String hash) {
      this.hash = Constraints.length("hash", hash, 3, Integer.MAX_VALUE);
    }

    /** A name, 1..255 characters. */
    public Builder name(String name) {
      this.name = Constraints.length("name", name, 1, 255);
      return this;
    }

    /** An external id, 1..255 characters. */
    public Builder externalId(String externalId) {
      this.externalId = Constraints.length("externalId", externalId, 1, 255);
      return this;
    }

    /** Metadata, at most 100 properties. */
    public Builder meta(Map<String, ?> meta) {
      this.meta = Meta.copy("meta", meta, 100);
      return this;
    }

    /** Roles, at most 100. */
    public Builder roles(List<String> roles) {
      this.roles = Ids.roleNames("roles", roles, 0, 100);
      return this;
    }

    /** Permissions, at most 1000. */
    public Builder permissions(List<String> permissions) {
      this.permissions = Ids.permissionSlugs("permissions", permissions, 0, 1000);
      return this;
    }

    /** Expiry, no later than 2100-01-01. */
    public Builder expires(Instant expires) {
      this.expires = Constraints.timestamp("expires", expires);
      return this;
    }

    /** Whether the key is enabled. */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** Credits. */
    public Builder credits(Credits credits) {
      this.credits = Constraints.notNull("credits", credits);
      return this;
    }

    /** Rate limits, at most 50. */
    public Builder ratelimits(List<RateLimit> ratelimits) {
      this.ratelimits = Constraints.nonNullItems("ratelimits", ratelimits, 0, 50);
      return this;
    }

    /** Builds the key. */
    public MigratedKey build() {
      return new MigratedKey(this);
    }
  }
}
