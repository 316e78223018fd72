package dev.keyward;

import dev.keyward.key.Secret;

/** The {@code keys.*} operations: API keys handed to customers. */
public interface Keys {
  /** {@code keys.createKey}: creates a key and returns its plaintext, once. */
  CreatedKey create(CreateKeyRequest request);

  /** {@code keys.verifyKey}: checks a key; rejection is a {@link Verification#code()}, not an exception. */
  Verification verify(VerifyKeyRequest request);

  /** {@code keys.verifyKey} with no further checks. */
  default Verification verify(Secret key) {
    return verify(VerifyKeyRequest.of(key));
  }

  /** {@code keys.verifyKey} with no further checks; the string is wrapped as a {@link Secret} at once. */
  default Verification verify(String key) {
    return verify(Secret.of(key));
  }
}
