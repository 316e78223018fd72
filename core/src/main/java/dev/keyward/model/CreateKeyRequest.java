package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.internal.Ids;
import dev.keyward.internal.Meta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code keys.createKey}: a new API key in an API, with its optional configuration. */
public final class CreateKeyRequest {
  private final String apiId;
  private final @Nullable String prefix;
  private final @Nullable String name;
  private final @Nullable Integer byteLength;
  private final @Nullable String externalId;
  private final @Nullable Map<String, Object> meta;
  private final List<String> roles;
  private final List<String> permissions;
  private final @Nullable Instant expires;
  private final @Nullable Credits credits;
  private final List<RateLimit> ratelimits;
  private final @Nullable Boolean enabled;
  private final @Nullable Boolean recoverable;

  private CreateKeyRequest(Builder b) {
    apiId = b.apiId;
    prefix = b.prefix;
    name = b.name;
    byteLength = b.byteLength;
    externalId = b.externalId;
    meta = b.meta;
    roles = List.copyOf(b.roles);
    permissions = List.copyOf(b.permissions);
    expires = b.expires;
    credits = b.credits;
    ratelimits = List.copyOf(b.ratelimits);
    enabled = b.enabled;
    recoverable = b.recoverable;
  }

  /** Starts a request for a key in {@code apiId}. */
  public static Builder builder(String apiId) {
    return new Builder(apiId);
  }

  /** The API the key belongs to. */
  public String apiId() {
    return apiId;
  }

  /** The key prefix (without {@code _}), or null for none. */
  public @Nullable String prefix() {
    return prefix;
  }

  /** A human-readable name. */
  public @Nullable String name() {
    return name;
  }

  /** Random bytes in the key (16..255), or null for Unkey's default of 16. */
  public @Nullable Integer byteLength() {
    return byteLength;
  }

  /** The identity's external id to link the key to (created if new). */
  public @Nullable String externalId() {
    return externalId;
  }

  /** Arbitrary JSON metadata. */
  public @Nullable Map<String, Object> meta() {
    return meta;
  }

  /** Role names to attach. */
  public List<String> roles() {
    return roles;
  }

  /** Permission slugs to attach directly. */
  public List<String> permissions() {
    return permissions;
  }

  /** When the key stops working. */
  public @Nullable Instant expires() {
    return expires;
  }

  /** Usage credits. */
  public @Nullable Credits credits() {
    return credits;
  }

  /** Rate limits of the key. */
  public List<RateLimit> ratelimits() {
    return ratelimits;
  }

  /** Whether the key starts enabled (null: Unkey's default, true). */
  public @Nullable Boolean enabled() {
    return enabled;
  }

  /** Whether Unkey stores the key encrypted so it can be shown again (null: false). */
  public @Nullable Boolean recoverable() {
    return recoverable;
  }

  @Override
  public String toString() {
    return "CreateKeyRequest{apiId=" + apiId + ", prefix=" + prefix + ", name=" + name + "}";
  }

  /** Builds a {@link CreateKeyRequest}; each setter checks the spec's limits at once. */
  public static final class Builder {
    private final String apiId;
    private @Nullable String prefix;
    private @Nullable String name;
    private @Nullable Integer byteLength;
    private @Nullable String externalId;
    private @Nullable Map<String, Object> meta;
    private List<String> roles = new ArrayList<>();
    private List<String> permissions = new ArrayList<>();
    private @Nullable Instant expires;
    private @Nullable Credits credits;
    private List<RateLimit> ratelimits = new ArrayList<>();
    private @Nullable Boolean enabled;
    private @Nullable Boolean recoverable;

    Builder(String apiId) {
      this.apiId = Ids.apiId(apiId);
    }

    /** The key prefix: 1..16 of {@code [a-zA-Z0-9_]}, without the separating {@code _}. */
    public Builder prefix(String prefix) {
      this.prefix = Constraints.pattern("prefix", prefix, 1, 16, Ids.WORD, "[a-zA-Z0-9_]");
      return this;
    }

    /** A name, 1..255 characters. */
    public Builder name(String name) {
      this.name = Constraints.length("name", name, 1, 255);
      return this;
    }

    /** Random bytes, 16..255. */
    public Builder byteLength(int byteLength) {
      this.byteLength = (int) Constraints.range("byteLength", byteLength, 16, 255);
      return this;
    }

    /** Links the key to the identity with this external id. */
    public Builder externalId(String externalId) {
      this.externalId = Ids.externalId(externalId);
      return this;
    }

    /** Metadata, at most 100 properties. */
    public Builder meta(Map<String, ?> meta) {
      this.meta = Meta.copy("meta", meta, 100);
      return this;
    }

    /** Roles, at most 100 names of 1..128 characters. */
    public Builder roles(List<String> roles) {
      this.roles = Ids.roleNames("roles", roles, 0, 100);
      return this;
    }

    /** Permissions, at most 1000 slugs of {@code [a-zA-Z0-9_:-.*]}, 1..128 characters. */
    public Builder permissions(List<String> permissions) {
      this.permissions = Ids.permissionSlugs("permissions", permissions, 0, 1000);
      return this;
    }

    /** Expiry, no later than 2100-01-01. */
    public Builder expires(Instant expires) {
      this.expires = Constraints.timestamp("expires", expires);
      return this;
    }

    /** Usage credits. */
    public Builder credits(Credits credits) {
      this.credits = Constraints.notNull("credits", credits);
      return this;
    }

    /** Rate limits, at most 50. */
    public Builder ratelimits(List<RateLimit> ratelimits) {
      this.ratelimits = RateLimit.checkRequestLimits(ratelimits);
      return this;
    }

    /** Whether the key starts enabled. */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** Whether the key is stored recoverably (needs {@code api.*.encrypt_key}). */
    public Builder recoverable(boolean recoverable) {
      this.recoverable = recoverable;
      return this;
    }

    /** Builds the request. */
    public CreateKeyRequest build() {
      return new CreateKeyRequest(this);
    }
  }
}
