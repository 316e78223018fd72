package dev.keyward.model;

import dev.keyward.internal.Constraints;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** One page of a paged list: its items, whether more exist, and the cursor of the next page. */
public final class Page<T> {
  private final List<T> items;
  private final boolean hasMore;
  private final @Nullable String cursor;
  private final String requestId;

  /** Creates a page; {@code cursor} is null or non-empty. */
  public Page(List<T> items, boolean hasMore, @Nullable String cursor, String requestId) {
    this.items = Constraints.nonNullItems("items", items);
    this.hasMore = hasMore;
    this.cursor = cursor == null || cursor.isEmpty() ? null : cursor;
    this.requestId = Constraints.notNull("requestId", requestId);
  }

  /** The items of this page, in server order. */
  public List<T> items() {
    return items;
  }

  /** True if the server holds more items after this page. */
  public boolean hasMore() {
    return hasMore;
  }

  /** The cursor to fetch the next page, if any. */
  public Optional<String> cursor() {
    return Optional.ofNullable(cursor);
  }

  /** The request id of the call that returned this page. */
  public String requestId() {
    return requestId;
  }

  @Override
  public String toString() {
    return "Page{items=" + items.size() + ", hasMore=" + hasMore + ", requestId=" + requestId + "}";
  }
}
