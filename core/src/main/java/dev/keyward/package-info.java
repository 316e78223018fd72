/**
 * The {@link dev.keyward.Unkey} port, its request and response values, shared types and exceptions.
 * Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.keyward;

import org.jspecify.annotations.NullMarked;
