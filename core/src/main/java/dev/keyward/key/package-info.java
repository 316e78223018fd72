/**
 * Secrets, Unkey's key format and hashing, and root key providers. Everything here is non-null
 * unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.keyward.key;

import org.jspecify.annotations.NullMarked;
