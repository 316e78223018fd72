package dev.keyward.examples.readme;

import dev.keyward.Unkey;
import java.util.Objects;

/** The service under test in the README's JUnit block: it lets in callers with a valid key. */
final class BillingService {
  private final Unkey unkey;

  BillingService(Unkey unkey) {
    this.unkey = Objects.requireNonNull(unkey, "unkey == null");
  }

  /** True if {@code key} is a valid API key. */
  boolean authorize(String key) {
    return unkey.keys().verify(key).valid();
  }
}
