package dev.keyward.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.model.Verification;
import dev.keyward.model.Verification.Code;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Authorization headers sent as raw bytes that no well-behaved client sends (a 64 KiB value, NUL
 * and other control bytes around or inside the key, a hundred repeats, the key split over two
 * headers): each is refused with a 4xx before Unkey is asked, and neither the answer nor any log
 * line (keyward's at TRACE) holds the key.
 */
class HostileCredentialTest {
  static final String KEY = "sk_3ZxgT8aQm4vJw1nRkY7pLsE2";

  final ScriptedUnkey unkey = new ScriptedUnkey();
  JettyServer server;
  LogCapture logs;

  @BeforeEach
  void start() throws Exception {
    logs = new LogCapture();
    server = new JettyServer(ApiKeyFilter.builder(unkey.unkey).build());
    unkey.answer(Verification.builder(Code.VALID).keyId("key_1").build());
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    logs.close();
  }

  static Stream<Arguments> headers() {
    return Stream.of(
        Arguments.of("64 KiB value", "Authorization: Bearer " + KEY + "k".repeat(64 * 1024)),
        Arguments.of("NUL inside the key", "Authorization: Bearer sk_3Zxg\u0000" + KEY),
        Arguments.of("DEL inside the key", "Authorization: Bearer " + KEY + "\u007fx"),
        Arguments.of("Latin-1 inside the key", "Authorization: Bearer " + KEY + "\u00a0x"),
        Arguments.of(
            "a hundred headers",
            ("Authorization: Bearer " + KEY + "\r\n").repeat(99) + "Authorization: Bearer " + KEY),
        Arguments.of(
            "key split over two headers",
            "Authorization: Bearer " + KEY.substring(0, 9) + "\r\nAuthorization: " + KEY));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headers")
  void refusedBeforeUnkeyIsAskedAndTheKeyIsNeverEchoed(String name, String headerLines)
      throws Exception {
    int status = server.rawStatus("/x", headerLines);

    assertThat(status).isBetween(400, 499);
    assertThat(unkey.requests).isEmpty();
    assertThat(logs.all()).doesNotContain(KEY, KEY.substring(3));
  }
}
