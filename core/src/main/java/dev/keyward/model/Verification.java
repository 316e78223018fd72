package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.internal.Meta;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@code keys.verifyKey}. A rejected key is a value with {@link #code()}, never an
 * exception. Only {@code valid} and {@code code} are always present; a {@link Code#NOT_FOUND}
 * result carries nothing else.
 */
public record Verification(
    boolean valid,
    Code code,
    String rawCode,
    @Nullable String keyId,
    @Nullable String name,
    Map<String, Object> meta,
    @Nullable Instant expires,
    @Nullable Long credits,
    @Nullable Boolean enabled,
    List<String> permissions,
    List<String> roles,
    @Nullable Identity identity,
    List<RatelimitStatus> ratelimits,
    String requestId) {

  /**
   * Why a key was accepted or rejected. Unknown values from newer servers become {@link #UNKNOWN}.
   */
  public enum Code {
    /** The key is valid and passed every check. */
    VALID,
    /**
     * The key does not exist, was deleted, or belongs to an API the root key may not verify. Unkey
     * masks a missing {@code verify_key} permission as {@code NOT_FOUND} so that a caller cannot
     * probe which keys exist; if every key reads as not found, check the root key's permissions.
     */
    NOT_FOUND,
    /** The key may not be used here (e.g. an IP or workspace rule). */
    FORBIDDEN,
    /** The key lacks the permissions the request's query named. */
    INSUFFICIENT_PERMISSIONS,
    /** The key has no credits left. */
    USAGE_EXCEEDED,
    /** A rate limit of the key or its identity was exceeded. */
    RATE_LIMITED,
    /** The key is disabled. */
    DISABLED,
    /** The key has expired. */
    EXPIRED,
    /** A code this version of keyward does not know; {@link #rawCode()} has it. */
    UNKNOWN;

    /** Maps a wire value, keeping unknown ones open. */
    public static Code fromWire(String value) {
      for (Code c : values()) {
        if (c != UNKNOWN && c.name().equals(value)) {
          return c;
        }
      }
      return UNKNOWN;
    }
  }

  /** Copies collections defensively and checks that {@code code} matches {@code rawCode}. */
  public Verification {
    Constraints.notNull("code", code);
    Constraints.notNull("rawCode", rawCode);
    Constraints.notNull("requestId", requestId);
    meta = Meta.copy(meta);
    permissions = Constraints.nonNullItems("permissions", permissions);
    roles = Constraints.nonNullItems("roles", roles);
    ratelimits = Constraints.nonNullItems("ratelimits", ratelimits);
  }

  /** Starts a verification result with {@code code} (valid iff VALID). */
  public static Builder builder(Code code) {
    return new Builder(code);
  }

  /** Builds a {@link Verification}; used by fakes and the HTTP client. */
  public static final class Builder {
    private final Code code;
    private String rawCode;
    private @Nullable String keyId;
    private @Nullable String name;
    private Map<String, Object> meta = Map.of();
    private @Nullable Instant expires;
    private @Nullable Long credits;
    private @Nullable Boolean enabled;
    private List<String> permissions = List.of();
    private List<String> roles = List.of();
    private @Nullable Identity identity;
    private List<RatelimitStatus> ratelimits = List.of();
    private String requestId = "";

    Builder(Code code) {
      this.code = Constraints.notNull("code", code);
      this.rawCode = code.name();
    }

    /** The wire value when it is not one of {@link Code}'s names. */
    public Builder rawCode(String rawCode) {
      this.rawCode = Constraints.notNull("rawCode", rawCode);
      return this;
    }

    /** The key id. */
    public Builder keyId(@Nullable String keyId) {
      this.keyId = keyId;
      return this;
    }

    /** The key name. */
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    /** The key's metadata. */
    public Builder meta(Map<String, Object> meta) {
      this.meta = Constraints.notNull("meta", meta);
      return this;
    }

    /** The key's expiry. */
    public Builder expires(@Nullable Instant expires) {
      this.expires = expires;
      return this;
    }

    /** Credits remaining after this verification. */
    public Builder credits(@Nullable Long credits) {
      this.credits = credits;
      return this;
    }

    /** Whether the key is enabled. */
    public Builder enabled(@Nullable Boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** The key's permissions (direct and through roles). */
    public Builder permissions(List<String> permissions) {
      this.permissions = Constraints.notNull("permissions", permissions);
      return this;
    }

    /** The key's roles. */
    public Builder roles(List<String> roles) {
      this.roles = Constraints.notNull("roles", roles);
      return this;
    }

    /** The key's identity. */
    public Builder identity(@Nullable Identity identity) {
      this.identity = identity;
      return this;
    }

    /** The rate limits checked. */
    public Builder ratelimits(List<RatelimitStatus> ratelimits) {
      this.ratelimits = Constraints.notNull("ratelimits", ratelimits);
      return this;
    }

    /** The request id. */
    public Builder requestId(String requestId) {
      this.requestId = Constraints.notNull("requestId", requestId);
      return this;
    }

    /** Builds the result. */
    public Verification build() {
      return new Verification(
          code == Code.VALID,
          code,
          rawCode,
          keyId,
          name,
          meta,
          expires,
          credits,
          enabled,
          permissions,
          roles,
          identity,
          ratelimits,
          requestId);
    }
  }
}
