package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.http.SpecValidator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Positive control: the spec check behind the server contract trips on a wrong answer. */
class SpecCheckingListenerTest {
  @BeforeEach
  void needsTheSpec() {
    SpecValidator.get(); // the listener's own checks: skipped (or failed, when required) without it
  }

  @Test
  void flagsAnAnswerThatBreaksTheSpec() {
    SpecCheckingListener listener = new SpecCheckingListener();
    byte[] request = "{\"key\":\"sk_1234\"}".getBytes(StandardCharsets.UTF_8);
    byte[] badAnswer =
        "{\"meta\":{\"requestId\":\"req_1\"},\"data\":{\"valid\":\"yes\"}}"
            .getBytes(StandardCharsets.UTF_8);
    listener.onExchange(
        new RecordedExchange(
            "POST",
            "/v2/keys.verifyKey",
            Map.of(
                "Authorization",
                List.of("Bearer unkey_x"),
                "Content-Type",
                List.of("application/json")),
            request,
            200,
            Map.of("Content-Type", List.of("application/json")),
            badAnswer));
    assertThat(listener.violations()).isNotEmpty();
  }

  @Test
  void passesAValidExchange() {
    SpecCheckingListener listener = new SpecCheckingListener();
    byte[] request = "{\"key\":\"sk_1234\"}".getBytes(StandardCharsets.UTF_8);
    byte[] answer =
        "{\"meta\":{\"requestId\":\"req_1\"},\"data\":{\"valid\":false,\"code\":\"NOT_FOUND\"}}"
            .getBytes(StandardCharsets.UTF_8);
    listener.onExchange(
        new RecordedExchange(
            "POST",
            "/v2/keys.verifyKey",
            Map.of(
                "Authorization",
                List.of("Bearer unkey_x"),
                "Content-Type",
                List.of("application/json")),
            request,
            200,
            Map.of("Content-Type", List.of("application/json")),
            answer));
    assertThat(listener.violations()).isEmpty();
    assertThat(listener.checked()).isEqualTo(1);
  }
}
