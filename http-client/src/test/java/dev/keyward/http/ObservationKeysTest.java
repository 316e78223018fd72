package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.permission.Operation;
import io.micrometer.common.KeyValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cached key-value sets are the sets the conventions would build, inside the caches' bounds and
 * outside them (a status no HTTP server should send, an attempt count past the cache, an error that
 * is not the status).
 */
class ObservationKeysTest {
  static final Operation OP = Operation.KEYS_WHOAMI;

  static KeyValues callEnd(String outcome, int status, String error, int attempts) {
    return KeyValues.of(
        "unkey.operation", OP.wireName(),
        "outcome", outcome,
        "http.response.status_code", Integer.toString(status),
        "error.type", error,
        "unkey.attempts", Integer.toString(attempts));
  }

  @ParameterizedTest
  @CsvSource({"200,1", "204,3", "599,31", "200,32", "200,500", "999,1", "-1,0"})
  void successSetsAreRightInsideAndOutsideTheCache(int status, int attempts) {
    KeyValues once = ObservationKeys.callEnd(OP, "SUCCESS", status, null, attempts);
    assertThat(once).isEqualTo(callEnd("SUCCESS", status, "none", attempts));
    assertThat(ObservationKeys.callEnd(OP, "SUCCESS", status, null, attempts)).isEqualTo(once);
  }

  @Test
  void aCachedSetIsBuiltOnceAndFailuresAreNeverCachedUnderASuccessKey() {
    KeyValues ok = ObservationKeys.callEnd(OP, "SUCCESS", 200, null, 2);
    assertThat(ObservationKeys.callEnd(OP, "SUCCESS", 200, null, 2)).isSameAs(ok);
    assertThat(ObservationKeys.callEnd(OP, "SERVER_ERROR", 200, "dev.keyward.X", 2))
        .isEqualTo(callEnd("SERVER_ERROR", 200, "dev.keyward.X", 2));
    assertThat(ObservationKeys.callEnd(OP, "CLIENT_ERROR", 404, null, 1))
        .isEqualTo(callEnd("CLIENT_ERROR", 404, "none", 1));
    assertThat(ObservationKeys.callEnd(OP, "SUCCESS", 200, null, 2)).isSameAs(ok);
  }

  @ParameterizedTest
  @CsvSource(
      value = {
        "200,",
        "503,503",
        "404,404",
        "0,java.net.ConnectException",
        "200,dev.keyward.Bad",
        "404,405",
        "999,999",
        "700,"
      })
  void attemptSetsAreRightWhateverTheStatusAndError(int status, String error) {
    ObservationKeys.Server server = new ObservationKeys.Server("api.unkey.test", 8443);
    KeyValues expected =
        KeyValues.of(
            "http.request.method", "POST",
            "server.address", "api.unkey.test",
            "server.port", "8443",
            "url.template", "/v2/keys.whoami",
            "unkey.operation", "keys.whoami",
            "http.response.status_code", Integer.toString(status),
            "error.type", error == null ? "none" : error);
    assertThat(server.attemptEnd(OP, status, error)).isEqualTo(expected);
    assertThat(server.attemptEnd(OP, status, error)).isEqualTo(expected);
    assertThat(server.attemptStart(OP))
        .isEqualTo(
            KeyValues.of(
                "http.request.method", "POST",
                "server.address", "api.unkey.test",
                "server.port", "8443",
                "url.template", "/v2/keys.whoami",
                "unkey.operation", "keys.whoami"));
  }

  @Test
  void resendCountsAndNamesFollowTheAttempt() {
    assertThat(ObservationKeys.resendCount(1))
        .isEqualTo(KeyValues.of("http.request.resend_count", "0"));
    assertThat(ObservationKeys.resendCount(40))
        .isEqualTo(KeyValues.of("http.request.resend_count", "39"));
    assertThat(ObservationKeys.callName(OP)).isEqualTo("unkey keys.whoami");
    assertThat(ObservationKeys.attemptName(OP)).isEqualTo("POST /v2/keys.whoami");
    assertThat(ObservationKeys.attemptName(Operation.LIVENESS)).startsWith("GET /v2/");
  }
}
