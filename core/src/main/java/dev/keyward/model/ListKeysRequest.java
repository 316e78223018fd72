package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.internal.Ids;
import org.jspecify.annotations.Nullable;

/** {@code apis.listKeys}: lists the keys of an API, one page at a time. */
public final class ListKeysRequest {
  private final String apiId;
  private final int limit;
  private final @Nullable String cursor;
  private final @Nullable String externalId;
  private final boolean decrypt;
  private final boolean revalidateKeysCache;

  private ListKeysRequest(Builder b, @Nullable String cursor) {
    apiId = b.apiId;
    limit = b.limit;
    this.cursor = cursor;
    externalId = b.externalId;
    decrypt = b.decrypt;
    revalidateKeysCache = b.revalidateKeysCache;
  }

  /** The first page for {@code apiId} with the defaults. */
  public static ListKeysRequest of(String apiId) {
    return builder(apiId).build();
  }

  /** Starts a request. */
  public static Builder builder(String apiId) {
    return new Builder(apiId);
  }

  /** The API's id. */
  public String apiId() {
    return apiId;
  }

  /** Items per page, 1..100 (default 100). */
  public int limit() {
    return limit;
  }

  /** The cursor of the page to fetch, or null for the first page. */
  public @Nullable String cursor() {
    return cursor;
  }

  /** Only keys of the identity with this external id. */
  public @Nullable String externalId() {
    return externalId;
  }

  /** Whether to return plaintexts of recoverable keys (needs {@code api.*.decrypt_key}). */
  public boolean decrypt() {
    return decrypt;
  }

  /** Whether Unkey reads from its database instead of its cache. */
  public boolean revalidateKeysCache() {
    return revalidateKeysCache;
  }

  /** This request for the page at {@code cursor} (null: the first page; never empty). */
  public ListKeysRequest withCursor(@Nullable String cursor) {
    return new ListKeysRequest(toBuilder(), Ids.cursor(cursor, 1024));
  }

  private Builder toBuilder() {
    Builder b = new Builder(apiId);
    b.limit = limit;
    b.externalId = externalId;
    b.decrypt = decrypt;
    b.revalidateKeysCache = revalidateKeysCache;
    return b;
  }

  @Override
  public String toString() {
    return "ListKeysRequest{"
        + "apiId="
        + apiId
        + ", "
        + "limit="
        + limit
        + ", cursor="
        + cursor
        + "}";
  }

  /** Builds a {@link ListKeysRequest}. */
  public static final class Builder {
    private final String apiId;
    private int limit = 100;
    private @Nullable String cursor;
    private @Nullable String externalId;
    private boolean decrypt;
    private boolean revalidateKeysCache;

    Builder(String apiId) {
      this.apiId = Constraints.length("apiId", apiId, 1, Integer.MAX_VALUE);
    }

    /** Items per page, 1..100. */
    public Builder limit(int limit) {
      this.limit = (int) Constraints.range("limit", limit, 1, 100);
      return this;
    }

    /** Starts at the page with this cursor (1..1024 characters). */
    public Builder cursor(String cursor) {
      this.cursor =
          Ids.cursor(
              Constraints.notNull(
                  "cursor", cursor, "1 to 1024 characters; omit it for the first page"),
              1024);
      return this;
    }

    /** Only keys of the identity with this external id. */
    public Builder externalId(String externalId) {
      this.externalId = Constraints.length("externalId", externalId, 1, Integer.MAX_VALUE);
      return this;
    }

    /** Whether to return plaintexts of recoverable keys (needs {@code api.*.decrypt_key}). */
    public Builder decrypt(boolean decrypt) {
      this.decrypt = decrypt;
      return this;
    }

    /** Whether Unkey reads from its database instead of its cache. */
    public Builder revalidateKeysCache(boolean revalidateKeysCache) {
      this.revalidateKeysCache = revalidateKeysCache;
      return this;
    }

    /** Builds the request. */
    public ListKeysRequest build() {
      return new ListKeysRequest(this, cursor);
    }
  }
}
