package dev.keyward.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GitHubSignatureVerifierTest {
  final GitHubSignatureVerifier verifier = new GitHubSignatureVerifier(GitHubSample.keys());

  @Test
  void githubPublishedSampleVerifies() {
    assertThat(GitHubSample.body()).hasSize(104);
    assertThat(
            verifier.verify(
                GitHubSample.body(), GitHubSample.keyIdentifier(), GitHubSample.signature()))
        .isTrue();
  }

  @Test
  void everySingleByteChangeOfTheBodyIsRejected() {
    byte[] body = GitHubSample.body();
    int accepted = 0;
    int tried = 0;
    for (int i = 0; i < body.length; i++) {
      for (int mask : new int[] {0x01, 0x80, 0xff}) {
        byte[] changed = body.clone();
        changed[i] ^= (byte) mask;
        tried++;
        if (verifier.verify(changed, GitHubSample.keyIdentifier(), GitHubSample.signature())) {
          accepted++;
        }
      }
    }
    assertThat(tried).isEqualTo(104 * 3);
    assertThat(accepted).isZero();
  }

  @Test
  void everySingleByteChangeOfTheDecodedSignatureIsRejected() {
    byte[] der = Base64.getDecoder().decode(GitHubSample.signature());
    int accepted = 0;
    for (int i = 0; i < der.length; i++) {
      for (int mask : new int[] {0x01, 0x80, 0xff}) {
        byte[] changed = der.clone();
        changed[i] ^= (byte) mask;
        String sig = Base64.getEncoder().encodeToString(changed);
        if (verifier.verify(GitHubSample.body(), GitHubSample.keyIdentifier(), sig)) {
          accepted++;
        }
      }
    }
    assertThat(der.length).isEqualTo(70);
    assertThat(accepted).isZero();
  }

  @Test
  void theOtherPublishedKeyDoesNotVerifyTheSample() {
    assertThat(
            verifier.verify(GitHubSample.body(), GitHubSample.OLD_KEY_ID, GitHubSample.signature()))
        .isFalse();
  }

  @Test
  void hostileHeadersAnswerFalseWithoutLookingUpAKey() {
    AtomicInteger lookups = new AtomicInteger();
    GitHubSignatureVerifier counting =
        new GitHubSignatureVerifier(
            id -> {
              lookups.incrementAndGet();
              return GitHubSample.keys().find(id);
            });
    byte[] body = GitHubSample.body();
    String id = GitHubSample.keyIdentifier();
    String sig = GitHubSample.signature();
    assertThat(counting.verify(null, id, sig)).isFalse();
    assertThat(counting.verify(body, null, sig)).isFalse();
    assertThat(counting.verify(body, "", sig)).isFalse();
    assertThat(counting.verify(body, "a".repeat(1_000_000), sig)).isFalse();
    assertThat(counting.verify(body, id + "\r\nX-Injected: 1", sig)).isFalse();
    assertThat(counting.verify(body, id, null)).isFalse();
    assertThat(counting.verify(body, id, "")).isFalse();
    assertThat(counting.verify(body, id, "not base64 at all!")).isFalse();
    assertThat(counting.verify(body, id, "A".repeat(1_000_000))).isFalse();
    assertThat(lookups).hasValue(0);
  }

  @Test
  void wellFormedButWrongSignaturesAnswerFalse() {
    byte[] body = GitHubSample.body();
    String id = GitHubSample.keyIdentifier();
    // base64 of bytes that are not DER
    String notDer = Base64.getEncoder().encodeToString("hello, not a signature".getBytes());
    assertThat(verifier.verify(body, id, notDer)).isFalse();
    // DER with trailing garbage
    byte[] der = Base64.getDecoder().decode(GitHubSample.signature());
    byte[] trailing = java.util.Arrays.copyOf(der, der.length + 1);
    assertThat(verifier.verify(body, id, Base64.getEncoder().encodeToString(trailing))).isFalse();
    // an empty DER sequence
    assertThat(verifier.verify(body, id, "MAA=")).isFalse();
    // unknown identifier of a plausible shape
    assertThat(verifier.verify(body, "f".repeat(64), GitHubSample.signature())).isFalse();
  }

  @Test
  void aKeyPairOfOurOwnSignsAndVerifies() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = g.generateKeyPair();
    byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(pair.getPrivate());
    s.update(body);
    String sig = Base64.getEncoder().encodeToString(s.sign());
    GitHubSignatureVerifier own =
        new GitHubSignatureVerifier(GitHubPublicKeys.of("drill-1", pair.getPublic()));
    assertThat(own.verify(body, "drill-1", sig)).isTrue();
    assertThat(own.verify(body, "drill-2", sig)).isFalse();
    assertThat(verifier.verify(body, GitHubSample.keyIdentifier(), sig)).isFalse();
  }
}
