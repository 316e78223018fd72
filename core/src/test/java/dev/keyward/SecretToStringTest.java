package dev.keyward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.key.Secret;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.VerifyKeyRequest;
import dev.keyward.model.WhoamiRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretToStringTest {
  private static final String PLAINTEXT = "sk_3ZxPLAINTEXTvalueNeverPrinted9";

  @Test
  void secretBearingValuesNeverPrintThePlaintext() {
    Secret secret = Secret.of(PLAINTEXT);
    List<Object> values =
        List.of(
            secret,
            new CreatedKey("key_123", secret, "req_1"),
            KeyInfo.builder("key_123", secret.start(), true, Instant.EPOCH)
                .plaintext(secret)
                .build(),
            VerifyKeyRequest.builder(secret).tags(List.of("t")).build(),
            VerifyKeyRequest.of(secret),
            WhoamiRequest.of(secret),
            WhoamiRequest.of(PLAINTEXT));
    for (Object v : values) {
      assertThat(v.toString())
          .as(v.getClass().getSimpleName())
          .doesNotContain(PLAINTEXT)
          .doesNotContain("PLAINTEXT");
    }
  }

  @Test
  void keyInfoSaysWhetherPlaintextIsPresent() {
    KeyInfo without = KeyInfo.builder("key_123", "sk_3Zx", true, Instant.EPOCH).build();
    KeyInfo with =
        KeyInfo.builder("key_123", "sk_3Zx", true, Instant.EPOCH)
            .plaintext(Secret.of(PLAINTEXT))
            .build();
    assertThat(without.toString()).contains("plaintext=absent");
    assertThat(with.toString()).contains("plaintext=present");
    assertThat(with.plaintext().reveal()).isEqualTo(PLAINTEXT);
  }
}
