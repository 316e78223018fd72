package dev.keyward.model;

import dev.keyward.internal.Constraints;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Lazy iteration over every item of a paged list, one page fetched at a time. */
public final class Pages<T> implements Iterable<T> {
  private final Function<Optional<String>, Page<T>> fetch;

  private Pages(Function<Optional<String>, Page<T>> fetch) {
    this.fetch = fetch;
  }

  /**
   * Iterates all items: {@code fetch} receives the cursor of the next page (empty for the first).
   * Nothing is fetched until iteration starts. A page with {@code hasMore} but no cursor throws
   * {@link IllegalStateException} rather than loop.
   */
  public static <T> Pages<T> iterate(Function<Optional<String>, Page<T>> fetch) {
    return new Pages<>(Constraints.notNull("fetch", fetch));
  }

  /** A sequential stream over every item, fetched lazily. */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private Iterator<T> current = null;
      private Optional<String> next = Optional.empty();
      private boolean last;

      @Override
      public boolean hasNext() {
        while (current == null || !current.hasNext()) {
          if (last) {
            return false;
          }
          Page<T> page = fetch.apply(next);
          current = page.items().iterator();
          if (!page.hasMore()) {
            last = true;
          } else if (page.cursor().isEmpty()) {
            throw new IllegalStateException(
                "server said hasMore=true without a cursor (request " + page.requestId() + ")");
          } else {
            next = page.cursor();
          }
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}
