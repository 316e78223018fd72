package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.internal.Ids;
import dev.keyward.internal.Meta;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code keys.updateKey}: changes only the fields that are set. Nullable fields are {@link Patch}es
 * ({@code name(v)} sets, {@code clearName()} sends {@code null}); list fields replace the whole
 * list.
 */
public final class UpdateKeyRequest {
  private final String keyId;
  private final Patch<String> name;
  private final Patch<String> externalId;
  private final Patch<Map<String, Object>> meta;
  private final Patch<Instant> expires;
  private final Patch<CreditsUpdate> credits;
  private final @Nullable List<RateLimit> ratelimits;
  private final @Nullable Boolean enabled;
  private final @Nullable List<String> roles;
  private final @Nullable List<String> permissions;

  private UpdateKeyRequest(Builder b) {
    keyId = b.keyId;
    name = b.name;
    externalId = b.externalId;
    meta = b.meta;
    expires = b.expires;
    credits = b.credits;
    ratelimits = b.ratelimits;
    enabled = b.enabled;
    roles = b.roles;
    permissions = b.permissions;
  }

  /** Starts an update of {@code keyId}; nothing changes until a field is set. */
  public static Builder builder(String keyId) {
    return new Builder(keyId);
  }

  /** The key to update. */
  public String keyId() {
    return keyId;
  }

  /** The name: absent, cleared, or a new name. */
  public Patch<String> name() {
    return name;
  }

  /** The identity link: absent, cleared (disconnects the identity), or an external id. */
  public Patch<String> externalId() {
    return externalId;
  }

  /** The metadata: absent, cleared, or a replacement. */
  public Patch<Map<String, Object>> meta() {
    return meta;
  }

  /** The expiry: absent, cleared (never expires), or a new instant. */
  public Patch<Instant> expires() {
    return expires;
  }

  /** The credits: absent, cleared (unlimited), or a change. */
  public Patch<CreditsUpdate> credits() {
    return credits;
  }

  /** Replacement rate limits, or null to leave them unchanged. */
  public @Nullable List<RateLimit> ratelimits() {
    return ratelimits;
  }

  /** The new enabled state, or null to leave it unchanged. */
  public @Nullable Boolean enabled() {
    return enabled;
  }

  /** Replacement roles, or null to leave them unchanged. */
  public @Nullable List<String> roles() {
    return roles;
  }

  /** Replacement direct permissions, or null to leave them unchanged. */
  public @Nullable List<String> permissions() {
    return permissions;
  }

  @Override
  public String toString() {
    return "UpdateKeyRequest{keyId="
        + keyId
        + ", name="
        + name
        + ", expires="
        + expires
        + ", enabled="
        + enabled
        + "}";
  }

  /** Builds an {@link UpdateKeyRequest}; each setter checks the spec's limits at once. */
  public static final class Builder {
    private final String keyId;
    private Patch<String> name = Patch.absent();
    private Patch<String> externalId = Patch.absent();
    private Patch<Map<String, Object>> meta = Patch.absent();
    private Patch<Instant> expires = Patch.absent();
    private Patch<CreditsUpdate> credits = Patch.absent();
    private @Nullable List<RateLimit> ratelimits;
    private @Nullable Boolean enabled;
    private @Nullable List<String> roles;
    private @Nullable List<String> permissions;

    Builder(String keyId) {
      this.keyId = Ids.keyId(keyId);
    }

    /** Sets the name, 1..255 characters. */
    public Builder name(String name) {
      this.name = Patch.set(Constraints.length("name", name, 1, 255));
      return this;
    }

    /** Removes the name. */
    public Builder clearName() {
      this.name = Patch.clear();
      return this;
    }

    /** Links the key to the identity with this external id. */
    public Builder externalId(String externalId) {
      this.externalId = Patch.set(Ids.externalId(externalId));
      return this;
    }

    /** Disconnects the key from its identity. */
    public Builder clearExternalId() {
      this.externalId = Patch.clear();
      return this;
    }

    /** Replaces the metadata, at most 100 properties. */
    public Builder meta(Map<String, ?> meta) {
      this.meta = Patch.set(Meta.copy("meta", meta, 100));
      return this;
    }

    /** Removes all metadata. */
    public Builder clearMeta() {
      this.meta = Patch.clear();
      return this;
    }

    /** Sets the expiry, no later than 2100-01-01. */
    public Builder expires(Instant expires) {
      this.expires = Patch.set(Constraints.timestamp("expires", expires));
      return this;
    }

    /** Makes the key permanent. */
    public Builder clearExpires() {
      this.expires = Patch.clear();
      return this;
    }

    /** Changes the credits. */
    public Builder credits(CreditsUpdate credits) {
      this.credits = Patch.set(Constraints.notNull("credits", credits));
      return this;
    }

    /** Removes the credit configuration: unlimited usage. */
    public Builder clearCredits() {
      this.credits = Patch.clear();
      return this;
    }

    /** Replaces the rate limits, at most 50 (an empty list removes them all). */
    public Builder ratelimits(List<RateLimit> ratelimits) {
      this.ratelimits = List.copyOf(RateLimit.checkRequestLimits(ratelimits));
      return this;
    }

    /** Enables or disables the key. */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** Replaces the roles, at most 100 names of 1..128 characters. */
    public Builder roles(List<String> roles) {
      this.roles = Ids.roleNames("roles", roles, 0, 100);
      return this;
    }

    /** Replaces the direct permissions, at most 1000 slugs. */
    public Builder permissions(List<String> permissions) {
      this.permissions = Ids.permissionSlugs("permissions", permissions, 0, 1000);
      return this;
    }

    /** Builds the request. */
    public UpdateKeyRequest build() {
      return new UpdateKeyRequest(this);
    }
  }
}
