/**
 * {@link dev.keyward.servlet.ApiKeyFilter}: verifies the API key of each request through {@code
 * Unkey.keys().verify}, answers rejections as RFC 7807 problems and exposes the verified key as a
 * {@link dev.keyward.servlet.VerifiedKey} principal. {@link
 * dev.keyward.servlet.SecretScanningServlet} is GitHub's secret-scanning endpoint (needs {@code
 * keyward-leak}). Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.keyward.servlet;

import org.jspecify.annotations.NullMarked;
