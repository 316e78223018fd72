package dev.keyward.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.redact.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpringProtectedApiTest {
  @Test
  void keyWithPermissionPassesOthersAreRefused() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Integer> statuses;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      statuses = SpringProtectedApi.run(out);
    }
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertThat(statuses).containsExactly(200, 403, 401);
    assertThat(output)
        .contains("with documents.read -> 200 document 1 for user_7 (key key_")
        .contains("without permission  -> 403 {")
        .contains("\"code\":\"INSUFFICIENT_PERMISSIONS\"")
        .contains("without a key       -> 401 {");

    // No plaintext key in what the demo printed. Positive control: this redactor does find one.
    Redactor redactor = Redactor.builder().prefix("sk").build();
    String leaked = "key sk_3Zx9kLmNpQrStUvWxYz123";
    assertThat(redactor.redact(leaked)).isNotEqualTo(leaked);
    assertThat(redactor.redact(output)).isEqualTo(output);
  }
}
