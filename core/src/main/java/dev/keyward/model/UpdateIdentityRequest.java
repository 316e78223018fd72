package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.internal.Meta;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code identities.updateIdentity}: replaces metadata and/or rate limits. The spec makes neither
 * field nullable: a field left unset is not sent (unchanged); {@code clearMeta()} and {@code
 * clearRatelimits()} send an empty object or list, which is how Unkey clears them.
 */
public final class UpdateIdentityRequest {
  private final String identity;
  private final @Nullable Map<String, Object> meta;
  private final @Nullable List<RateLimit> ratelimits;

  private UpdateIdentityRequest(Builder b) {
    identity = b.identity;
    meta = b.meta;
    ratelimits = b.ratelimits;
  }

  /** Starts an update of {@code identity} (its id or external id). */
  public static Builder builder(String identity) {
    return new Builder(identity);
  }

  /** The identity's id or external id. */
  public String identity() {
    return identity;
  }

  /** The replacement metadata, or null to leave it unchanged (empty clears). */
  public @Nullable Map<String, Object> meta() {
    return meta;
  }

  /** The replacement rate limits, or null to leave them unchanged (empty removes all). */
  public @Nullable List<RateLimit> ratelimits() {
    return ratelimits;
  }

  @Override
  public String toString() {
    return "UpdateIdentityRequest{identity="
        + identity
        + ", meta="
        + (meta == null ? "unchanged" : "replaced")
        + ", ratelimits="
        + (ratelimits == null ? "unchanged" : ratelimits.size())
        + "}";
  }

  /** Builds an {@link UpdateIdentityRequest}. */
  public static final class Builder {
    private final String identity;
    private @Nullable Map<String, Object> meta;
    private @Nullable List<RateLimit> ratelimits;

    Builder(String identity) {
      this.identity = Constraints.length("identity", identity, 1, Integer.MAX_VALUE);
    }

    /** Replaces the metadata, at most 100 properties. */
    public Builder meta(Map<String, ?> meta) {
      this.meta = Meta.copy("meta", meta, 100);
      return this;
    }

    /** Removes all metadata (sends an empty object). */
    public Builder clearMeta() {
      this.meta = Map.of();
      return this;
    }

    /** Replaces the rate limits, at most 50. */
    public Builder ratelimits(List<RateLimit> ratelimits) {
      this.ratelimits = List.copyOf(RateLimit.checkRequestLimits(ratelimits));
      return this;
    }

    /** Removes all rate limits (sends an empty list). */
    public Builder clearRatelimits() {
      this.ratelimits = List.of();
      return this;
    }

    /** Builds the request. */
    public UpdateIdentityRequest build() {
      return new UpdateIdentityRequest(this);
    }
  }
}
