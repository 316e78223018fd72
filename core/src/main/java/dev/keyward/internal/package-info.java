/**
 * Helpers the other core packages share. Public only where Java needs it; not exported by {@code
 * module-info}, so not part of keyward's API.
 */
@NullMarked
package dev.keyward.internal;

import org.jspecify.annotations.NullMarked;
