package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.internal.Meta;
import dev.keyward.key.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An API key as {@code keys.getKey}, {@code keys.whoami} and {@code apis.listKeys} return it. Holds
 * the plaintext only when asked to decrypt a recoverable key; {@code toString()} never shows it.
 */
public final class KeyInfo {
  private final String keyId;
  private final String start;
  private final boolean enabled;
  private final @Nullable String name;
  private final Map<String, Object> meta;
  private final Instant createdAt;
  private final @Nullable Instant updatedAt;
  private final @Nullable Instant lastUsedAt;
  private final @Nullable Instant expires;
  private final @Nullable Credits credits;
  private final @Nullable Identity identity;
  private final List<RateLimit> ratelimits;
  private final List<String> permissions;
  private final List<String> roles;
  private final @Nullable Secret plaintext;

  private KeyInfo(Builder b) {
    keyId = b.keyId;
    start = b.start;
    enabled = b.enabled;
    name = b.name;
    meta = b.meta;
    createdAt = b.createdAt;
    updatedAt = b.updatedAt;
    lastUsedAt = b.lastUsedAt;
    expires = b.expires;
    credits = b.credits;
    identity = b.identity;
    ratelimits = List.copyOf(b.ratelimits);
    permissions = List.copyOf(b.permissions);
    roles = List.copyOf(b.roles);
    plaintext = b.plaintext;
  }

  /** Starts a key description with its required fields. */
  public static Builder builder(String keyId, String start, boolean enabled, Instant createdAt) {
    return new Builder(keyId, start, enabled, createdAt);
  }

  /** The key's id. */
  public String keyId() {
    return keyId;
  }

  /** Unkey's {@code start}: the prefix and first characters, safe to show. */
  public String start() {
    return start;
  }

  /** Whether the key is enabled. */
  public boolean enabled() {
    return enabled;
  }

  /** The key's name. */
  public @Nullable String name() {
    return name;
  }

  /** The key's metadata (empty if none). */
  public Map<String, Object> meta() {
    return meta;
  }

  /** When the key was created. */
  public Instant createdAt() {
    return createdAt;
  }

  /** When the key was last updated. */
  public @Nullable Instant updatedAt() {
    return updatedAt;
  }

  /** When the key was last verified, if Unkey reports it. */
  public @Nullable Instant lastUsedAt() {
    return lastUsedAt;
  }

  /** When the key expires (null: never). */
  public @Nullable Instant expires() {
    return expires;
  }

  /** The key's credits (null: unlimited, no credit configuration). */
  public @Nullable Credits credits() {
    return credits;
  }

  /** The identity the key belongs to. */
  public @Nullable Identity identity() {
    return identity;
  }

  /** The key's own rate limits. */
  public List<RateLimit> ratelimits() {
    return ratelimits;
  }

  /** The key's permission slugs (direct and through roles). */
  public List<String> permissions() {
    return permissions;
  }

  /** The key's role names. */
  public List<String> roles() {
    return roles;
  }

  /** The plaintext, present only for a recoverable key read with {@code decrypt}. */
  public @Nullable Secret plaintext() {
    return plaintext;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof KeyInfo k
        && keyId.equals(k.keyId)
        && start.equals(k.start)
        && enabled == k.enabled
        && Objects.equals(name, k.name)
        && meta.equals(k.meta)
        && createdAt.equals(k.createdAt)
        && Objects.equals(updatedAt, k.updatedAt)
        && Objects.equals(lastUsedAt, k.lastUsedAt)
        && Objects.equals(expires, k.expires)
        && Objects.equals(credits, k.credits)
        && Objects.equals(identity, k.identity)
        && ratelimits.equals(k.ratelimits)
        && permissions.equals(k.permissions)
        && roles.equals(k.roles)
        && Objects.equals(plaintext, k.plaintext);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyId, start, enabled, name, createdAt, expires);
  }

  @Override
  public String toString() {
    return "KeyInfo{keyId="
        + keyId
        + ", start="
        + start
        + ", enabled="
        + enabled
        + ", name="
        + name
        + ", plaintext="
        + (plaintext == null ? "absent" : "present")
        + "}";
  }

  /** Builds a {@link KeyInfo}; used by fakes and the HTTP client. */
  public static final class Builder {
    private final String keyId;
    private final String start;
    private final boolean enabled;
    private final Instant createdAt;
    private @Nullable String name;
    private Map<String, Object> meta = Map.of();
    private @Nullable Instant updatedAt;
    private @Nullable Instant lastUsedAt;
    private @Nullable Instant expires;
    private @Nullable Credits credits;
    private @Nullable Identity identity;
    private List<RateLimit> ratelimits = List.of();
    private List<String> permissions = List.of();
    private List<String> roles = List.of();
    private @Nullable Secret plaintext;

    Builder(String keyId, String start, boolean enabled, Instant createdAt) {
      this.keyId = Constraints.notNull("keyId", keyId);
      this.start = Constraints.notNull("start", start);
      this.enabled = enabled;
      this.createdAt = Constraints.notNull("createdAt", createdAt);
    }

    /** The key's name. */
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    /** The key's metadata. */
    public Builder meta(Map<String, ?> meta) {
      this.meta = Meta.copy(meta);
      return this;
    }

    /** When the key was last updated. */
    public Builder updatedAt(@Nullable Instant updatedAt) {
      this.updatedAt = updatedAt;
      return this;
    }

    /** When the key was last used. */
    public Builder lastUsedAt(@Nullable Instant lastUsedAt) {
      this.lastUsedAt = lastUsedAt;
      return this;
    }

    /** When the key expires. */
    public Builder expires(@Nullable Instant expires) {
      this.expires = expires;
      return this;
    }

    /** The key's credits. */
    public Builder credits(@Nullable Credits credits) {
      this.credits = credits;
      return this;
    }

    /** The key's identity. */
    public Builder identity(@Nullable Identity identity) {
      this.identity = identity;
      return this;
    }

    /** The key's rate limits. */
    public Builder ratelimits(List<RateLimit> ratelimits) {
      this.ratelimits = Constraints.nonNullItems("ratelimits", ratelimits);
      return this;
    }

    /** The key's permission slugs. */
    public Builder permissions(List<String> permissions) {
      this.permissions = Constraints.nonNullItems("permissions", permissions);
      return this;
    }

    /** The key's role names. */
    public Builder roles(List<String> roles) {
      this.roles = Constraints.nonNullItems("roles", roles);
      return this;
    }

    /** The decrypted plaintext. */
    public Builder plaintext(@Nullable Secret plaintext) {
      this.plaintext = plaintext;
      return this;
    }

    /** Builds the value. */
    public KeyInfo build() {
      return new KeyInfo(this);
    }
  }
}
