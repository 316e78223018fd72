package dev.keyward.testing;

import dev.keyward.Unkey;
import dev.keyward.key.Secret;

/** The contract on {@link InMemoryUnkey} itself. */
class InMemoryUnkeyContractTest extends UnkeyContract {
  @Override
  Unkey open(InMemoryUnkey workspace, TestClock clock) {
    return workspace;
  }

  @Override
  Unkey as(Secret rootKey) {
    return workspace.as(rootKey);
  }
}
