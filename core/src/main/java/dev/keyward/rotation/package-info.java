/**
 * Key rotation as explicit state machines over a durable journal: {@link RootKeyRotation}, {@link
 * ApiKeyRotation} and {@link LeakResponse}. Everything here is non-null unless annotated
 * {@code @Nullable}.
 */
@NullMarked
package dev.keyward.rotation;

import org.jspecify.annotations.NullMarked;
