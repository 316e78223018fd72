package dev.keyward.model;

import dev.keyward.internal.Constraints;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A field of an update request in one of three states: absent (not sent, unchanged), cleared (sent
 * as JSON {@code null}) or set to a value.
 */
public final class Patch<T> {
  private static final Patch<?> ABSENT = new Patch<>(State.ABSENT, null);
  private static final Patch<?> CLEAR = new Patch<>(State.CLEAR, null);

  private enum State {
    ABSENT,
    CLEAR,
    SET
  }

  private final State state;
  private final @Nullable T value;

  private Patch(State state, @Nullable T value) {
    this.state = state;
    this.value = value;
  }

  /** Not sent: the server leaves the field unchanged. */
  @SuppressWarnings("unchecked")
  public static <T> Patch<T> absent() {
    return (Patch<T>) ABSENT;
  }

  /** Sent as JSON {@code null}: the server clears the field. */
  @SuppressWarnings("unchecked")
  public static <T> Patch<T> clear() {
    return (Patch<T>) CLEAR;
  }

  /** Sent with {@code value}. */
  public static <T> Patch<T> set(T value) {
    return new Patch<>(State.SET, Constraints.notNull("value", value));
  }

  /** True if the field is not sent. */
  public boolean isAbsent() {
    return state == State.ABSENT;
  }

  /** True if the field is sent as {@code null}. */
  public boolean isClear() {
    return state == State.CLEAR;
  }

  /** True if the field is sent with a value. */
  public boolean isSet() {
    return state == State.SET;
  }

  /**
   * The value of a set patch.
   *
   * @throws IllegalStateException if the patch is absent or cleared
   */
  public T value() {
    if (state != State.SET) {
      throw new IllegalStateException(
          "patch is " + state.name().toLowerCase(java.util.Locale.ROOT));
    }
    return value;
  }

  /** Transforms a set value, keeping absent and cleared as they are. */
  public <R> Patch<R> map(Function<? super T, ? extends R> f) {
    return state == State.SET
        ? Patch.set(f.apply(value))
        : (state == State.CLEAR ? clear() : absent());
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Patch<?> p && p.state == state && Objects.equals(p.value, value);
  }

  @Override
  public int hashCode() {
    return state.hashCode() * 31 + Objects.hashCode(value);
  }

  @Override
  public String toString() {
    return state == State.SET
        ? "Patch.set(" + value + ")"
        : "Patch." + state.name().toLowerCase(java.util.Locale.ROOT);
  }
}
