package dev.keyward;

import dev.keyward.key.Secret;
import dev.keyward.model.Liveness;

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
}
