/**
 * Leak intake: {@link dev.keyward.leak.SecretScanningReceiver} takes GitHub's secret-scanning
 * partner reports, verifies them ({@link dev.keyward.leak.GitHubSignatureVerifier}), and hands
 * every live key to the leak playbook; {@link dev.keyward.leak.ScannerRules} writes detection rules
 * for your key prefixes (gitleaks, TruffleHog, GitHub custom patterns).
 */
@NullMarked
package dev.keyward.leak;

import org.jspecify.annotations.NullMarked;
