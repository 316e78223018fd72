/**
 * Request and response values of the {@link dev.keyward.Unkey} port: requests with builders,
 * results as immutable values, {@link dev.keyward.model.Patch} and {@link dev.keyward.model.Page}.
 * Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.keyward.model;

import org.jspecify.annotations.NullMarked;
