package dev.keyward.archfixture.b;

/** Positive control for the cycle rule: b and a call each other. */
public final class CycleB {
  private CycleB() {}

  /** Calls into a. */
  public static Object a() {
    return dev.keyward.archfixture.a.CycleA.value();
  }

  /** Called from a. */
  public static Object value() {
    return "b";
  }
}
