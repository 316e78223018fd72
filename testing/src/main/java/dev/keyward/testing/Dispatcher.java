package dev.keyward.testing;

import dev.keyward.CreateKeyRequest;
import dev.keyward.Unkey;
import dev.keyward.VerifyKeyRequest;
import dev.keyward.permission.Operation;

/** Calls the port method of an operation with its decoded request; the server's routing table. */
final class Dispatcher {
  private Dispatcher() {}

  /**
   * Runs {@code op} on {@code unkey}.
   *
   * @throws UnsupportedOperationException if the fake does not serve {@code op}
   */
  static Object dispatch(Unkey unkey, Operation op, Object request) {
    switch (op) {
      case LIVENESS:
        return unkey.liveness();
      case KEYS_CREATE_KEY:
        return unkey.keys().create((CreateKeyRequest) request);
      case KEYS_VERIFY_KEY:
        return unkey.keys().verify((VerifyKeyRequest) request);
      default:
        throw new UnsupportedOperationException(op.wireName());
    }
  }
}
