package dev.keyward.testing;

import dev.keyward.Unkey;

/** The contract on {@link InMemoryUnkey} itself. */
class InMemoryUnkeyContractTest extends UnkeyContract {
  @Override
  Unkey open(InMemoryUnkey workspace, TestClock clock) {
    return workspace;
  }
}
