/**
 * The contract suite of {@link dev.keyward.rotation.VersionedSecretStore}: extend {@link
 * dev.keyward.testing.store.VersionedSecretStoreContract} in a store's own tests.
 */
@NullMarked
package dev.keyward.testing.store;

import org.jspecify.annotations.NullMarked;
