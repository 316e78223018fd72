package dev.keyward.servlet;

import dev.keyward.key.Secret;
import dev.keyward.model.RatelimitCheck;
import dev.keyward.model.VerifyKeyRequest;
import dev.keyward.permission.PermissionQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a route asks of a key beyond being valid: a permission query, analytics tags, a credit cost
 * and named rate limits. Immutable.
 *
 * <pre>{@code
 * Requirement.builder().permissions("documents.read AND documents.write").ratelimit("api").build();
 * }</pre>
 */
public final class Requirement {
  private static final Requirement NONE = new Builder().build();

  private final @Nullable PermissionQuery permissions;
  private final String cacheQuery;
  private final List<String> tags;
  private final @Nullable Long cost;
  private final List<RatelimitCheck> ratelimits;

  private Requirement(Builder b) {
    permissions = b.permissions;
    cacheQuery = permissions == null ? "" : permissions.toString();
    tags = List.copyOf(b.tags);
    cost = b.cost;
    ratelimits = List.copyOf(b.ratelimits);
    // Validate the combination eagerly against the request's own limits, with a throwaway key.
    toRequest(Secret.of("requirement_check"));
  }

  /** A valid key suffices: no permissions, tags, cost or rate limits. */
  public static Requirement none() {
    return NONE;
  }

  /** A valid key holding the permissions {@code query} names, e.g. {@code documents.read}. */
  public static Requirement permissions(String query) {
    return builder().permissions(query).build();
  }

  /** Starts a requirement. */
  public static Builder builder() {
    return new Builder();
  }

  /** The permission query, if any. */
  public @Nullable PermissionQuery permissionQuery() {
    return permissions;
  }

  /** Analytics tags sent with each verification. */
  public List<String> tags() {
    return tags;
  }

  /** Credits to spend per request (null: Unkey's default). */
  public @Nullable Long cost() {
    return cost;
  }

  /** Named rate limits checked per request. */
  public List<RatelimitCheck> ratelimits() {
    return ratelimits;
  }

  /** The canonical query text, empty without a query; part of the cache key. */
  String cacheQuery() {
    return cacheQuery;
  }

  VerifyKeyRequest toRequest(Secret key) {
    VerifyKeyRequest.Builder b = VerifyKeyRequest.builder(key);
    if (permissions != null) {
      b.permissions(permissions);
    }
    if (!tags.isEmpty()) {
      b.tags(tags);
    }
    if (cost != null) {
      b.cost(cost);
    }
    if (!ratelimits.isEmpty()) {
      b.ratelimits(ratelimits);
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "Requirement{permissions="
        + permissions
        + ", tags="
        + tags.size()
        + ", cost="
        + cost
        + ", ratelimits="
        + ratelimits.size()
        + "}";
  }

  /** Builds a {@link Requirement}. */
  public static final class Builder {
    private @Nullable PermissionQuery permissions;
    private final List<String> tags = new ArrayList<>();
    private @Nullable Long cost;
    private final List<RatelimitCheck> ratelimits = new ArrayList<>();

    Builder() {}

    /**
     * The permissions the key must hold, in Unkey's query language.
     *
     * @throws dev.keyward.permission.PermissionQuerySyntaxException if the query is malformed
     */
    public Builder permissions(String query) {
      return permissions(PermissionQuery.parse(Objects.requireNonNull(query, "query == null")));
    }

    /** The permissions the key must hold. */
    public Builder permissions(PermissionQuery query) {
      this.permissions = Objects.requireNonNull(query, "query == null");
      return this;
    }

    /** Adds an analytics tag (at most 20, each 1..512 characters). */
    public Builder tag(String tag) {
      tags.add(Objects.requireNonNull(tag, "tag == null"));
      return this;
    }

    /** Credits to spend per request, 0..10^12. */
    public Builder cost(long cost) {
      this.cost = cost;
      return this;
    }

    /** Adds a named rate limit to check at cost 1. */
    public Builder ratelimit(String name) {
      ratelimits.add(RatelimitCheck.named(Objects.requireNonNull(name, "name == null")));
      return this;
    }

    /** Adds a rate limit check. */
    public Builder ratelimit(RatelimitCheck check) {
      ratelimits.add(Objects.requireNonNull(check, "check == null"));
      return this;
    }

    /**
     * Builds the requirement.
     *
     * @throws IllegalArgumentException naming the field and its limit if a value is out of range
     */
    public Requirement build() {
      return new Requirement(this);
    }
  }
}
