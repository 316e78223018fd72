package dev.keyward;

import dev.keyward.key.Secret;
import dev.keyward.model.Liveness;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * {@link Unkey} with {@link CompletableFuture}s: the same groups, operations and values. A future
 * fails with the same exception the synchronous call throws (an {@link UnkeyException}, not wrapped
 * in a {@link java.util.concurrent.CompletionException} at the source); invalid arguments to
 * convenience overloads are rejected at once. Paged {@code …All} iteration is synchronous: use
 * {@link Unkey} for it.
 */
public interface AsyncUnkey {
  /** API keys. */
  AsyncKeys keys();

  /** APIs. */
  AsyncApis apis();

  /** RBAC permissions and roles. */
  AsyncPermissions permissions();

  /** Identities. */
  AsyncIdentities identities();

  /** Standalone rate limits and overrides. */
  AsyncRatelimits ratelimits();

  /** Verification analytics. */
  AsyncAnalytics analytics();

  /** keyward's root-key extension. */
  AsyncRootKeys rootKeys();

  /** {@code GET /v2/liveness}. */
  CompletableFuture<Liveness> liveness();

  /** The same port acting with another root key; see {@link Unkey#withRootKey(Secret)}. */
  AsyncUnkey withRootKey(Secret rootKey);

  /**
   * Runs each call of {@code unkey} on {@code executor} (used for fakes; the HTTP client has a
   * native {@code async()}). A rejected submission fails the future with the executor's exception.
   */
  static AsyncUnkey wrap(Unkey unkey, Executor executor) {
    return new ExecutorAsyncUnkey(unkey, executor);
  }
}
