/**
 * Servlet integration: {@code ApiKeyFilter} verifies incoming API keys through the {@code Unkey}
 * port; {@code SecretScanningServlet} takes GitHub's secret-scanning reports when {@code
 * dev.keyward.leak} is present.
 */
module dev.keyward.servlet {
  requires transitive dev.keyward.core;
  requires transitive jakarta.servlet;
  requires static org.jspecify;
  requires static dev.keyward.leak;

  exports dev.keyward.servlet;
}
