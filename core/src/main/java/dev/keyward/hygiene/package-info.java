/**
 * Key hygiene: {@link KeyHygiene#scan} reads a workspace through the {@code Unkey} port and reports
 * API keys and root keys that break common practice (no expiry, no owner, wildcard or unused root
 * permissions, root keys past their rotation period). Findings name key ids, API ids and
 * permissions, never a key's plaintext or hash. Everything here is non-null unless annotated
 * {@code @Nullable}.
 */
@NullMarked
package dev.keyward.hygiene;

import org.jspecify.annotations.NullMarked;
