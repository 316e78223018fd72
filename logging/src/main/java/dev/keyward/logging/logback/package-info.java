/**
 * Logback components that mask secrets in everything an appender writes: message, arguments, MDC
 * values and the whole throwable (messages, causes, suppressed, frames).
 *
 * <p>{@link dev.keyward.logging.logback.RedactingPatternLayoutEncoder} replaces {@code
 * PatternLayoutEncoder}; {@link dev.keyward.logging.logback.RedactingEncoder} wraps any other
 * encoder (JSON encoders included); {@link dev.keyward.logging.logback.RedactingConverter} is the
 * {@code %redact(…)} conversion word.
 */
@NullMarked
package dev.keyward.logging.logback;

import org.jspecify.annotations.NullMarked;
