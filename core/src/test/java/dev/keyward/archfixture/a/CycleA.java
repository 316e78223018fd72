package dev.keyward.archfixture.a;

/** Positive control for the cycle rule: a and b call each other. */
public final class CycleA {
  private CycleA() {}

  /** Calls into b. */
  public static Object b() {
    return dev.keyward.archfixture.b.CycleB.value();
  }

  /** Called from b. */
  public static Object value() {
    return "a";
  }
}
