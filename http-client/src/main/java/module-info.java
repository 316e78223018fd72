/**
 * keyward's HTTP client for Unkey's v2 API: {@link dev.keyward.http.UnkeyHttpClient}, retries,
 * error mapping and redacting HTTP logging.
 */
module dev.keyward.http {
  requires transitive dev.keyward.core;
  requires transitive okhttp3;
  requires okio;
  requires com.squareup.moshi;
  requires transitive org.slf4j;
  requires static org.jspecify;
  // optional: only the Observation support (a registry set on the builder) uses them
  requires static micrometer.observation;
  requires static micrometer.commons;

  exports dev.keyward.http;
  exports dev.keyward.http.internal to
      dev.keyward.testing;
}
