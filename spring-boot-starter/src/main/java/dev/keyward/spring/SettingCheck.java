package dev.keyward.spring;

/**
 * Applies one setting to a builder; the builder's refusal (which names its own field and what is
 * allowed, never the value) becomes a startup failure that names the property as well.
 */
final class SettingCheck {
  private SettingCheck() {}

  static void apply(String property, Runnable step) {
    try {
      step.run();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalStateException("property " + property + ": " + e.getMessage(), e);
    }
  }
}
