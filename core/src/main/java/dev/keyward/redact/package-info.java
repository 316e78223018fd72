/**
 * Masks keys and other secrets in free text; imports only {@code java.*}.
 *
 * <p>{@link dev.keyward.redact.Redactor} is the entry point.
 */
@NullMarked
package dev.keyward.redact;

import org.jspecify.annotations.NullMarked;
