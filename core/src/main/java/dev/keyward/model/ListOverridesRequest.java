package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.internal.Ids;
import org.jspecify.annotations.Nullable;

/** {@code ratelimit.listOverrides}: lists the overrides of a namespace, one page at a time. */
public final class ListOverridesRequest {
  private final String namespace;
  private final int limit;
  private final @Nullable String cursor;

  private ListOverridesRequest(Builder b, @Nullable String cursor) {
    namespace = b.namespace;
    limit = b.limit;
    this.cursor = cursor;
  }

  /** The first page for {@code namespace} with the defaults. */
  public static ListOverridesRequest of(String namespace) {
    return builder(namespace).build();
  }

  /** Starts a request. */
  public static Builder builder(String namespace) {
    return new Builder(namespace);
  }

  /** The namespace's id or name. */
  public String namespace() {
    return namespace;
  }

  /** Items per page, 1..100 (default 10). */
  public int limit() {
    return limit;
  }

  /** The cursor of the page to fetch, or null for the first page. */
  public @Nullable String cursor() {
    return cursor;
  }

  /** This request for the page at {@code cursor} (null: the first page; never empty). */
  public ListOverridesRequest withCursor(@Nullable String cursor) {
    return new ListOverridesRequest(toBuilder(), Ids.cursor(cursor, 1024));
  }

  private Builder toBuilder() {
    Builder b = new Builder(namespace);
    b.limit = limit;
    return b;
  }

  @Override
  public String toString() {
    return "ListOverridesRequest{"
        + "namespace="
        + namespace
        + ", "
        + "limit="
        + limit
        + ", cursor="
        + cursor
        + "}";
  }

  /** Builds a {@link ListOverridesRequest}. */
  public static final class Builder {
    private final String namespace;
    private int limit = 10;
    private @Nullable String cursor;

    Builder(String namespace) {
      this.namespace = Constraints.length("namespace", namespace, 1, 512);
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

    /** Builds the request. */
    public ListOverridesRequest build() {
      return new ListOverridesRequest(this, cursor);
    }
  }
}
