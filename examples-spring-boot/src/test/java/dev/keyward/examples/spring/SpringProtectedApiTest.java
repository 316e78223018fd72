package dev.keyward.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.redact.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class SpringProtectedApiTest {
  @Test
  void keyWithPermissionPassesOthersAreRefused(CapturedOutput startup) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<Integer> statuses;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      statuses = SpringProtectedApi.run(out);
    }
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertThat(statuses).containsExactly(200, 403, 401, 403, 200);
    assertThat(output)
        .contains("with documents.read -> 200 document 1 for user_7 (key key_")
        .contains("without permission  -> 403 {")
        .contains("\"code\":\"INSUFFICIENT_PERMISSIONS\"")
        .contains("without a key       -> 401 {")
        // @PreAuthorize without @EnableMethodSecurity: refused by method security, then allowed
        .contains("PUT /documents/1 with documents.read -> 403 {")
        .contains("urn:keyward:problem:insufficient-permissions")
        .contains("PUT /documents/1 with .read, .write  -> 200 document 1 written by key_");
    // Spring Security is on, yet Spring Boot generated no user and printed no password.
    assertThat(startup.getAll()).doesNotContain("Using generated security password");

    // No plaintext key in what the demo printed. Positive control: this redactor does find one.
    Redactor redactor = Redactor.builder().prefix("sk").build();
    String leaked = "key sk_3Zx9kLmNpQrStUvWxYz123";
    assertThat(redactor.redact(leaked)).isNotEqualTo(leaked);
    assertThat(redactor.redact(output)).isEqualTo(output);
  }
}
