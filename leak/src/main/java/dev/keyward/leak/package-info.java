/**
 * Leak intake: {@code SecretScanningReceiver} takes GitHub's secret-scanning partner reports,
 * verifies them ({@code GitHubSignatureVerifier}), and hands every live key to the leak playbook.
 */
@NullMarked
package dev.keyward.leak;

import org.jspecify.annotations.NullMarked;
