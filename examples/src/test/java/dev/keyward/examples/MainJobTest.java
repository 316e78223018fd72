package dev.keyward.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.redact.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainJobTest {
  @Test
  void tourRunsAgainstTheEmbeddedFakeServer() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      MainJob.run(Map.of(), out);
    }
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertThat(output)
        .contains("Started the fake Unkey server at http://127.0.0.1:")
        .contains("verify(the new key)  -> valid=true code=VALID credits left=2")
        .contains("verify(a wrong key)  -> valid=false code=NOT_FOUND")
        .contains("apis.listKeys        -> 1 key(s)")
        .contains("analytics            -> not configured on this server (HTTP 412)")
        .containsPattern(
            "hygiene              -> key hygiene: 2 finding\\(s\\); 1 API, 1 API key\\(s\\), 1 root"
                + " key\\(s\\)")
        .containsPattern("\n    API_KEY_WITHOUT_EXPIRY key_\\w+ \\(api_\\w+\\): API key ")
        .containsPattern("\n    API_KEY_WITHOUT_OWNER key_\\w+ \\(api_\\w+\\): API key ")
        .containsPattern(
            "leak drill           -> signed report for key key_\\w+ POSTed to"
                + " /github/secret-scanning on loopback: HTTP 200, true_positive\n")
        .containsPattern(
            "leak drill           -> key key_\\w+ is dead: verify says NOT_FOUND \\(\\d+ ms after"
                + " the report\\)\n")
        .contains("done");
  }

  @Test
  void tourPrintsNoPlaintextKey() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      MainJob.run(Map.of(), out);
    }
    String output = bytes.toString(StandardCharsets.UTF_8);
    Redactor redactor = Redactor.builder().prefix("demo").build();

    // Positive control: the same redactor does find a key in a line that holds one.
    String leaked = "key demo_3Zx9kLmNpQrStUvWxYz123";
    assertThat(redactor.redact(leaked)).isNotEqualTo(leaked);
    assertThat(redactor.redact(output)).isEqualTo(output);
  }
}
