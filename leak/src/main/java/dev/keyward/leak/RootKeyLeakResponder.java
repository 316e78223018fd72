package dev.keyward.leak;

import dev.keyward.rotation.LeakResponse;

/**
 * Builds the {@link LeakResponse} for a leaked root key: the receiver does not know the
 * deployment's secret store, deploy hook or verifier, so the deployment supplies them here. The
 * receiver calls {@link LeakResponse#execute()} on its playbook executor (which takes the store's
 * rotation lock for the key).
 *
 * <pre>{@code
 * RootKeyLeakResponder responder = keyId -> LeakResponse.builder()
 *     .leakedKeyId(keyId)
 *     .issuer(RootKeyIssuer.of(admin))
 *     .store(store, "UNKEY_ROOT_KEY")
 *     .verifier(verifier)
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface RootKeyLeakResponder {
  /** Builds the playbook for the root key {@code leakedKeyId}; nothing runs yet. */
  LeakResponse responseFor(String leakedKeyId);
}
