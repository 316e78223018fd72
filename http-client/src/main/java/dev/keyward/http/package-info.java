/**
 * {@link dev.keyward.http.UnkeyHttpClient}: Unkey's v2 HTTP API behind the {@link
 * dev.keyward.Unkey} port.
 */
@NullMarked
package dev.keyward.http;

import org.jspecify.annotations.NullMarked;
