/**
 * Waiters: poll the {@code Unkey} port until a key's state has reached every verifier, as AWS SDK
 * v2's waiters do for its services. Unkey's revocations take up to a minute to propagate, so code
 * that revokes a key and must be sure it is refused awaits it here: {@link Waiters}. Everything
 * here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.keyward.waiters;

import org.jspecify.annotations.NullMarked;
