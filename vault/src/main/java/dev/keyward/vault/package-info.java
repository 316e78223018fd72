/**
 * Vault KV v2 for keyward's rotation: {@link dev.keyward.vault.VaultSecretStore} keeps a root key's
 * CURRENT, PENDING and PREVIOUS versions in one KV secret, writes with check-and-set, and holds a
 * rotation's lease in a KV entry of its own; {@link dev.keyward.vault.VaultAuth} logs in with a
 * token or AppRole.
 */
@NullMarked
package dev.keyward.vault;

import org.jspecify.annotations.NullMarked;
