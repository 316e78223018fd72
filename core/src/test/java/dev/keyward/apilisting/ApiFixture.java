package dev.keyward.apilisting;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/** A type with one of each kind of member, so the listing format is pinned by a test. */
public abstract class ApiFixture<T extends Comparable<T>> implements Supplier<T> {
  /** A public field. */
  public static final int LIMIT = 3;

  /** A protected field. */
  protected List<? extends T> values;

  int packagePrivate;

  private String hidden;

  /** A public constructor. */
  public ApiFixture() {}

  /** A protected constructor. */
  protected ApiFixture(String hidden) {
    this.hidden = hidden;
  }

  /** A generic static method with varargs and a checked exception. */
  @SafeVarargs
  public static <E> List<E> listOf(E... items) throws IOException {
    return List.of(items);
  }

  /** An abstract protected method. */
  protected abstract void apply(T value);

  /** Deprecated on purpose. */
  @Deprecated
  public String hidden() {
    Runnable lambda = () -> hidden = hidden + "";
    lambda.run();
    return hidden;
  }

  void packagePrivateMethod() {}

  private void privateMethod() {}

  /** A public nested enum. */
  public enum Mode {
    /** One. */
    ONE,
    /** Two. */
    TWO
  }

  /** A protected nested record. */
  protected record Pair(String left, int right) {}

  /** A protected nested class: listed with its protected constructor. */
  protected static class Holder {
    /** Creates a holder. */
    protected Holder() {}
  }

  private static class Invisible {
    /** Never listed: its type is private. */
    public void invisible() {}
  }

  /** A sealed interface. */
  public sealed interface Shape permits Circle, Square {}

  /** A permitted subtype. */
  public static final class Circle implements Shape {
    private Circle() {}
  }

  /** A permitted subtype. */
  public static final class Square implements Shape {
    private Square() {}
  }

  /** A covariant override: javac adds a bridge method, which is not listed. */
  public abstract static class Narrowing implements Supplier<String> {
    @Override
    public String get() {
      return "";
    }
  }

  static Object useInvisible() {
    return new Invisible();
  }
}
