/**
 * Leak intake: GitHub secret-scanning partner reports, verified by their ECDSA signature,
 * deduplicated and handed to keyward's leak playbook; and scanner rules for your key prefixes.
 */
module dev.keyward.leak {
  requires transitive dev.keyward.core;
  requires dev.keyward.http;
  requires okhttp3;
  requires okio;
  requires com.squareup.moshi;
  requires org.slf4j;
  requires static org.jspecify;

  exports dev.keyward.leak;
}
