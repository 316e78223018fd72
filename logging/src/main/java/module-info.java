/**
 * Drop-in redaction of Unkey keys, bearer tokens and secret JSON fields for applications' own
 * Logback and Log4j2 output. Both backends are optional: use the package that matches yours.
 */
module dev.keyward.logging {
  requires transitive dev.keyward.core;
  requires static ch.qos.logback.classic;
  requires static ch.qos.logback.core;
  requires static org.apache.logging.log4j;
  requires static org.apache.logging.log4j.core;
  requires static org.jspecify;

  exports dev.keyward.logging.logback;
  exports dev.keyward.logging.log4j2;
}
