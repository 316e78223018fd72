package dev.keyward.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.testing.InMemoryUnkey;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Attacks on the signature check and on the public-keys document. */
class SignatureAttackTest {
  static final BigInteger N =
      new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

  static KeyPair p256() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  static byte[] sign(KeyPair pair, byte[] body) throws Exception {
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(pair.getPrivate());
    s.update(body);
    return s.sign();
  }

  /** r and s of a DER ECDSA signature (short-form lengths only, as P-256 signatures have). */
  static BigInteger[] decode(byte[] der) {
    int i = 2;
    int rLen = der[i + 1];
    BigInteger r = new BigInteger(Arrays.copyOfRange(der, i + 2, i + 2 + rLen));
    i += 2 + rLen;
    int sLen = der[i + 1];
    BigInteger s = new BigInteger(Arrays.copyOfRange(der, i + 2, i + 2 + sLen));
    return new BigInteger[] {r, s};
  }

  static byte[] encode(BigInteger r, BigInteger s) {
    byte[] rb = r.toByteArray();
    byte[] sb = s.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    out.write(4 + rb.length + sb.length);
    out.write(0x02);
    out.write(rb.length);
    out.writeBytes(rb);
    out.write(0x02);
    out.write(sb.length);
    out.writeBytes(sb);
    return out.toByteArray();
  }

  static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  static String pem(byte[] spki) {
    return "-----BEGIN PUBLIC KEY-----\\n" + b64(spki) + "\\n-----END PUBLIC KEY-----";
  }

  @Test
  void aMalleatedSignatureOfAVerifiedReportChangesNothing() throws Exception {
    SignedReports reports = new SignedReports();
    InMemoryUnkey workspace = InMemoryUnkey.builder().build();
    String apiId = workspace.apis().create(CreateApiRequest.of("payments")).apiId();
    String token =
        workspace
            .keys()
            .create(CreateKeyRequest.builder(apiId).prefix("sk_live").build())
            .key()
            .reveal();
    SignedReports.Counting counting = new SignedReports.Counting(workspace);
    try (SecretScanningReceiver receiver =
        SecretScanningReceiver.builder(counting.unkey, reports.verifier())
            .apiKeyPrefixes("sk_live")
            .playbookExecutor(Runnable::run)
            .build()) {
      byte[] body = SignedReports.body(List.of(token));
      String sig = reports.sign(body);
      BigInteger[] rs = decode(Base64.getDecoder().decode(sig));
      String malleated = b64(encode(rs[0], N.subtract(rs[1])));
      assertThat(malleated).isNotEqualTo(sig);

      ReceiverResponse first = receiver.receive(body, SignedReports.KEY_ID, sig);
      ReceiverResponse replay = receiver.receive(body, SignedReports.KEY_ID, malleated);

      assertThat(first.status()).isEqualTo(200);
      // the JDK accepts (r, n-s) as ECDSA allows; what matters is that the replay does nothing
      assertThat(replay.status()).isIn(200, 401);
      if (replay.status() == 200) {
        assertThat(replay.body()).isEqualTo(first.body());
      }
      assertThat(counting.count("delete")).isEqualTo(1);
      assertThat(counting.count("whoami")).isEqualTo(1);
    }
  }

  @Test
  void psychicAndOutOfRangeSignaturesAreRefused() throws Exception {
    KeyPair pair = p256();
    GitHubSignatureVerifier verifier =
        new GitHubSignatureVerifier(GitHubPublicKeys.of("k", pair.getPublic()));
    byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
    BigInteger[] rs = decode(sign(pair, body));
    assertThat(verifier.verify(body, "k", b64(encode(rs[0], rs[1])))).isTrue();
    // CVE-2022-21449: r = s = 0 verified any body on JDK 15 to 17.0.2
    assertThat(verifier.verify(body, "k", b64(encode(BigInteger.ZERO, BigInteger.ZERO)))).isFalse();
    assertThat(verifier.verify(body, "k", b64(encode(N, N)))).isFalse();
    assertThat(verifier.verify(body, "k", b64(encode(rs[0], rs[1].add(N))))).isFalse();
    assertThat(verifier.verify(body, "k", b64(encode(rs[0].negate(), rs[1])))).isFalse();
  }

  @Test
  void aKeyThatIsNotCurrentStillVerifies() throws Exception {
    KeyPair old = p256();
    KeyPair now = p256();
    String doc =
        "{\"public_keys\":[{\"key_identifier\":\"old\",\"key\":\""
            + pem(old.getPublic().getEncoded())
            + "\",\"is_current\":false},{\"key_identifier\":\"now\",\"key\":\""
            + pem(now.getPublic().getEncoded())
            + "\",\"is_current\":true}]}";
    GitHubPublicKeys keys = GitHubPublicKeys.fromJson(doc);
    GitHubSignatureVerifier verifier = new GitHubSignatureVerifier(keys);
    byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
    // GitHub signs with the key the header names; a key being rotated out still signs redeliveries
    assertThat(verifier.verify(body, "old", b64(sign(old, body)))).isTrue();
    assertThat(verifier.verify(body, "now", b64(sign(old, body)))).isFalse();
    assertThat(keys.isCurrent("old")).isFalse();
  }

  /**
   * Finding (low): an identifier listed twice with two keys silently kept the last key; a document
   * that names two keys with one identifier is ambiguous and is refused.
   */
  @Test
  void anIdentifierListedTwiceIsRefused() throws Exception {
    KeyPair a = p256();
    KeyPair b = p256();
    String doc =
        "{\"public_keys\":[{\"key_identifier\":\"k\",\"key\":\""
            + pem(a.getPublic().getEncoded())
            + "\"},{\"key_identifier\":\"k\",\"key\":\""
            + pem(b.getPublic().getEncoded())
            + "\"}]}";
    assertThatThrownBy(() -> GitHubPublicKeys.fromJson(doc))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key_identifier");
  }

  /** Finding (low): a P-256 key whose point is not on the curve was accepted. */
  @Test
  void aPointOffTheCurveIsRefused() throws Exception {
    ECPublicKey key = (ECPublicKey) p256().getPublic();
    byte[] spki = key.getEncoded();
    byte[] off = spki.clone();
    off[off.length - 1] ^= 1; // the last byte of y: (x, y') is not on the curve
    assertThatThrownBy(
            () ->
                GitHubPublicKeys.fromJson(
                    "{\"public_keys\":[{\"key_identifier\":\"k\",\"key\":\"" + pem(off) + "\"}]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("P-256");
    assertThat(
            GitHubPublicKeys.fromJson(
                    "{\"public_keys\":[{\"key_identifier\":\"k\",\"key\":\"" + pem(spki) + "\"}]}")
                .size())
        .isEqualTo(1);
  }

  @Test
  void rsaAndDeepOrHugeDocumentsAreRefusedWithoutEchoingThem() throws Exception {
    var rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic();
    assertThatThrownBy(
            () ->
                GitHubPublicKeys.fromJson(
                    "{\"public_keys\":[{\"key_identifier\":\"k\",\"key\":\""
                        + pem(rsa.getEncoded())
                        + "\"}]}"))
        .isInstanceOf(IllegalArgumentException.class);
    String deep = "{\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + ",\"public_keys\":[]}";
    assertThatThrownBy(() -> GitHubPublicKeys.fromJson(deep))
        .isInstanceOf(IllegalArgumentException.class);
    // valid JSON, but Moshi's strict reader refuses a number this long: refused, not thrown past
    String huge = "{\"x\":1" + "0".repeat(100_000) + ",\"public_keys\":[]}";
    assertThatThrownBy(() -> GitHubPublicKeys.fromJson(huge))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                GitHubPublicKeys.fromJson(
                    "{\"public_keys\":[{\"key_identifier\":\"SECRETID\",\"key\":\"SECRETPEM\"}]}"))
        .hasMessageNotContaining("SECRETID")
        .hasMessageNotContaining("SECRETPEM");
  }
}
