package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.internal.Ids;
import org.jspecify.annotations.Nullable;

/** {@code permissions.listRoles}: lists roles, one page at a time. */
public final class ListRolesRequest {
  private final int limit;
  private final @Nullable String cursor;
  private final @Nullable String search;

  private ListRolesRequest(Builder b, @Nullable String cursor) {
    limit = b.limit;
    this.cursor = cursor;
    search = b.search;
  }

  /** The first page with the defaults. */
  public static ListRolesRequest of() {
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

  /** Only roles whose name or description contains this. */
  public @Nullable String search() {
    return search;
  }

  /** This request for the page at {@code cursor} (null: the first page; never empty). */
  public ListRolesRequest withCursor(@Nullable String cursor) {
    return new ListRolesRequest(toBuilder(), Ids.cursor(cursor, 1024));
  }

  private Builder toBuilder() {
    Builder b = new Builder();
    b.limit = limit;
    b.search = search;
    return b;
  }

  @Override
  public String toString() {
    return "ListRolesRequest{" + "limit=" + limit + ", cursor=" + cursor + "}";
  }

  /** Builds a {@link ListRolesRequest}. */
  public static final class Builder {
    private int limit = 100;
    private @Nullable String cursor;
    private @Nullable String search;

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

    /** Only roles whose name or description contains this. */
    public Builder search(String search) {
      this.search = Constraints.length("search", search, 0, 256);
      return this;
    }

    /** Builds the request. */
    public ListRolesRequest build() {
      return new ListRolesRequest(this, cursor);
    }
  }
}
