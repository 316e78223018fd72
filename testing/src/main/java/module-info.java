/**
 * Test doubles for keyward: an in-memory Unkey workspace, a wire-compatible fake server on
 * loopback, a test clock and a JUnit 5 extension.
 */
module dev.keyward.testing {
  requires transitive dev.keyward.core;
  requires transitive dev.keyward.http;
  requires okio;
  requires com.squareup.moshi;
  requires static transitive org.junit.jupiter.api;
  requires static org.jspecify;

  exports dev.keyward.testing;
  exports dev.keyward.testing.store;
}
