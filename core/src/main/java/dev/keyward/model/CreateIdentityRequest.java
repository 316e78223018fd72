package dev.keyward.model;

import dev.keyward.internal.Ids;
import dev.keyward.internal.Meta;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code identities.createIdentity}: a user or organisation that several keys can share. */
public final class CreateIdentityRequest {
  private final String externalId;
  private final @Nullable Map<String, Object> meta;
  private final List<RateLimit> ratelimits;

  private CreateIdentityRequest(Builder b) {
    externalId = b.externalId;
    meta = b.meta;
    ratelimits = b.ratelimits;
  }

  /** An identity without metadata or rate limits. */
  public static CreateIdentityRequest of(String externalId) {
    return builder(externalId).build();
  }

  /** Starts an identity for {@code externalId} (1..255 of {@code [a-zA-Z0-9_.-]}). */
  public static Builder builder(String externalId) {
    return new Builder(externalId);
  }

  /** Your system's id for the identity. */
  public String externalId() {
    return externalId;
  }

  /** The metadata. */
  public @Nullable Map<String, Object> meta() {
    return meta;
  }

  /** Rate limits shared by the identity's keys (empty: none sent). */
  public List<RateLimit> ratelimits() {
    return ratelimits;
  }

  @Override
  public String toString() {
    return "CreateIdentityRequest{externalId="
        + externalId
        + ", ratelimits="
        + ratelimits.size()
        + "}";
  }

  /** Builds a {@link CreateIdentityRequest}. */
  public static final class Builder {
    private final String externalId;
    private @Nullable Map<String, Object> meta;
    private List<RateLimit> ratelimits = List.of();

    Builder(String externalId) {
      this.externalId = Ids.externalId(externalId);
    }

    /** Metadata, at most 100 properties. */
    public Builder meta(Map<String, ?> meta) {
      this.meta = Meta.copy("meta", meta, 100);
      return this;
    }

    /** Rate limits, at most 50. */
    public Builder ratelimits(List<RateLimit> ratelimits) {
      this.ratelimits = List.copyOf(RateLimit.checkRequestLimits(ratelimits));
      return this;
    }

    /** Builds the request. */
    public CreateIdentityRequest build() {
      return new CreateIdentityRequest(this);
    }
  }
}
