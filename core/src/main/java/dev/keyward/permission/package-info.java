/**
 * Root permissions, the operation table, least privilege and Unkey's permission query language.
 * Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.keyward.permission;

import org.jspecify.annotations.NullMarked;
