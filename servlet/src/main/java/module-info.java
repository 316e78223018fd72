/**
 * Servlet integration: {@code ApiKeyFilter} verifies incoming API keys through the {@code Unkey}
 * port.
 */
module dev.keyward.servlet {
  requires transitive dev.keyward.core;
  requires transitive jakarta.servlet;
  requires static org.jspecify;

  exports dev.keyward.servlet;
}
