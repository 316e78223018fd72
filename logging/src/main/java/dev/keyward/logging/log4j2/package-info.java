/**
 * Log4j2 plugins that mask secrets in everything a layout writes: message, parameters, context data
 * and the whole throwable (messages, causes, suppressed, frames).
 *
 * <p>{@link dev.keyward.logging.log4j2.RedactingLayout} wraps any string layout; {@link
 * dev.keyward.logging.log4j2.RedactingPatternConverter} is the {@code %redact{…}} pattern
 * converter.
 */
@NullMarked
package dev.keyward.logging.log4j2;

import org.jspecify.annotations.NullMarked;
