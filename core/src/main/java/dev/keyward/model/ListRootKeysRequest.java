package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.internal.Ids;
import org.jspecify.annotations.Nullable;

/** {@code rootKeys.listRootKeys}: lists root keys, one page at a time (keyward's extension). */
public final class ListRootKeysRequest {
  private final int limit;
  private final @Nullable String cursor;

  private ListRootKeysRequest(Builder b, @Nullable String cursor) {
    limit = b.limit;
    this.cursor = cursor;
  }

  /** The first page with the defaults. */
  public static ListRootKeysRequest of() {
    return builder().build();
  }

  /** Starts a request. */
  public static Builder builder() {
    return new Builder();
  }

  /** Items per page, 1..100 (default 100). */
  public int limit() {
    return limit;
  }

  /** The cursor of the page to fetch, or null for the first page. */
  public @Nullable String cursor() {
    return cursor;
  }

  /** This request for the page at {@code cursor} (null: the first page; never empty). */
  public ListRootKeysRequest withCursor(@Nullable String cursor) {
    return new ListRootKeysRequest(toBuilder(), Ids.cursor(cursor, 1024));
  }

  private Builder toBuilder() {
    Builder b = new Builder();
    b.limit = limit;
    return b;
  }

  @Override
  public String toString() {
    return "ListRootKeysRequest{" + "limit=" + limit + ", cursor=" + cursor + "}";
  }

  /** Builds a {@link ListRootKeysRequest}. */
  public static final class Builder {
    private int limit = 100;
    private @Nullable String cursor;

    Builder() {}

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

    /** Builds the request. */
    public ListRootKeysRequest build() {
      return new ListRootKeysRequest(this, cursor);
    }
  }
}
