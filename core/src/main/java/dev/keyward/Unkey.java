package dev.keyward;

import dev.keyward.key.Secret;
import dev.keyward.model.Liveness;
import java.time.Duration;
import java.util.Objects;

/**
 * Unkey's v2 management API as a Java port. {@code UnkeyHttpClient} speaks it over HTTP; {@code
 * InMemoryUnkey} is a stateful fake with the same behaviour. Every method is synchronous and
 * thread-safe; failures are {@link UnkeyException}s.
 *
 * <pre>{@code
 * Unkey unkey = UnkeyHttpClient.fromEnvironment();
 * CreatedKey created = unkey.keys().create(CreateKeyRequest.builder("api_123").prefix("sk").build());
 * Verification v = unkey.keys().verify(created.key());
 * }</pre>
 */
public interface Unkey {
  /** API keys: create, verify, update, reroll, delete. */
  Keys keys();

  /** APIs: namespaces of keys. */
  Apis apis();

  /** RBAC permissions and roles. */
  Permissions permissions();

  /** Identities shared by several keys. */
  Identities identities();

  /** Standalone rate limits and overrides. */
  Ratelimits ratelimits();

  /** Verification analytics. */
  Analytics analytics();

  /** keyward's root-key extension. */
  RootKeys rootKeys();

  /** {@code GET /v2/liveness}: needs no root key. */
  Liveness liveness();

  /**
   * The same port acting with another root key: every call of the returned view authenticates as
   * {@code rootKey}. This object is unchanged and both share their transport (or, in a fake, their
   * workspace). Rotation, leak response and multi-tenant code use it instead of a concrete class:
   *
   * <pre>{@code
   * Unkey next = unkey.withRootKey(newRootKey);
   * next.keys().verify(VerifyKeyRequest.of(probe));   // authenticates with the new key
   * }</pre>
   */
  Unkey withRootKey(Secret rootKey);

  /**
   * The same port with a time and attempt budget for each call: a call of the returned view takes
   * at most about {@code timeout}, all its attempts together, and at most {@code maxAttempts}
   * attempts. A request path (verifying an incoming key) needs this; management calls keep the
   * patient defaults. A port without a network (a fake) checks the arguments and returns itself.
   *
   * @param timeout more than 0 and at most 10 min
   * @param maxAttempts 1 to 100, the first attempt included
   */
  default Unkey withBudget(Duration timeout, int maxAttempts) {
    Objects.requireNonNull(timeout, "timeout == null");
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException("timeout must be more than 0 and at most 10 min");
    }
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new IllegalArgumentException("maxAttempts must be between 1 and 100");
    }
    return this;
  }
}
