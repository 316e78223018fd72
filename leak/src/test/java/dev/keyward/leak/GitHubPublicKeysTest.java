package dev.keyward.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

class GitHubPublicKeysTest {
  @Test
  void readsGitHubsDocument() {
    GitHubPublicKeys keys = GitHubSample.keys();
    assertThat(keys.keyIdentifiers()).containsExactly(GitHubSample.OLD_KEY_ID, GitHubSample.KEY_ID);
    assertThat(keys.isCurrent(GitHubSample.KEY_ID)).isTrue();
    assertThat(keys.isCurrent(GitHubSample.OLD_KEY_ID)).isFalse();
    assertThat(keys.find(GitHubSample.KEY_ID))
        .get()
        .extracting(k -> k.getAlgorithm())
        .isEqualTo("EC");
    assertThat(keys.find("nope")).isEmpty();
    assertThat(keys.toString()).contains(GitHubSample.KEY_ID).doesNotContain("BEGIN");
  }

  @Test
  void unknownFieldsAreIgnored() {
    String json =
        GitHubSample.keysJson().replace("\"is_current\": true", "\"is_current\": true, \"x\": [1]");
    assertThat(GitHubPublicKeys.fromJson("{\"other\":{\"a\":1}," + json.substring(1)).size())
        .isEqualTo(2);
  }

  @Test
  void malformedDocumentsAreRejectedWithoutEchoingThem() {
    for (String bad :
        new String[] {
          "",
          "[]",
          "{}",
          "{\"public_keys\":{}}",
          "{\"public_keys\":[{\"key\":\"x\"}]}",
          "{\"public_keys\":[{\"key_identifier\":\"k\"}]}",
          "{\"public_keys\":[{\"key_identifier\":\"k\",\"key\":\"SECRETVALUE\"}]}",
          "{\"public_keys\":[]} trailing",
          "{\"public_keys\":[{\"key_identifier\":\"k\",\"key\":\"a\",\"is_current\":\"SECRETVALUE\"}]}"
        }) {
      assertThatThrownBy(() -> GitHubPublicKeys.fromJson(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .message()
          .doesNotContain("SECRETVALUE");
    }
  }

  @Test
  void refusesKeysThatAreNotP256() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp384r1"));
    var p384 = g.generateKeyPair().getPublic();
    assertThatThrownBy(() -> GitHubPublicKeys.of("k", p384))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("P-256");
    String pem =
        "-----BEGIN PUBLIC KEY-----\\n"
            + java.util.Base64.getEncoder().encodeToString(p384.getEncoded())
            + "\\n-----END PUBLIC KEY-----";
    assertThatThrownBy(
            () ->
                GitHubPublicKeys.fromJson(
                    "{\"public_keys\":[{\"key_identifier\":\"k\",\"key\":\"" + pem + "\"}]}"))
        .isInstanceOf(IllegalArgumentException.class);
    var rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic();
    assertThatThrownBy(() -> GitHubPublicKeys.of("k", rsa))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
