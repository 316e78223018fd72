package dev.keyward.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.key.KeyFormat;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.testing.InMemoryUnkey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The "Bad input" list: each gets a defined answer, no exception escapes. */
class HostileReportTest {
  final SignedReports reports = new SignedReports();
  final InMemoryUnkey workspace = InMemoryUnkey.builder().build();
  final SignedReports.Counting counting = new SignedReports.Counting(workspace);
  final SecretScanningReceiver receiver =
      SecretScanningReceiver.builder(counting.unkey, reports.verifier())
          .apiKeyPrefixes("sk_live")
          .playbookExecutor(Runnable::run)
          .build();

  @AfterEach
  void close() {
    receiver.close();
  }

  ReceiverResponse send(String body) {
    return reports.send(receiver, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aBodyOverOneMebibyteIs413BeforeTheSignatureIsChecked() {
    byte[] big = new byte[SecretScanningReceiver.DEFAULT_MAX_BODY_BYTES + 1];
    assertThat(receiver.receive(big, null, null).status()).isEqualTo(413);
    assertThat(reports.send(receiver, big).status()).isEqualTo(413);
    byte[] exactly = SignedReports.body(List.of("x".repeat(DEFAULT_FILL)));
    assertThat(exactly.length).isLessThanOrEqualTo(SecretScanningReceiver.DEFAULT_MAX_BODY_BYTES);
    assertThat(reports.send(receiver, exactly).status()).isEqualTo(200);
  }

  static final int DEFAULT_FILL = SecretScanningReceiver.DEFAULT_MAX_BODY_BYTES - 200;

  @Test
  void malformedReportsAre400() {
    String[] bad = {
      "",
      "{}",
      "{\"token\":\"sk_live_x\"}",
      "\"just a string\"",
      "[1]",
      "[[]]",
      "[{\"type\":\"t\"}]",
      "[{\"token\":null}]",
      "[{\"token\":42}]",
      "[{\"token\":\"a\",\"url\":{}}]",
      "[{\"token\":\"a\"}] trailing",
      "[{\"token\":\"a\"}",
      "[" + "[".repeat(5000) + "]".repeat(5000) + "]",
      "[{\"token\":\"a\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}]",
      "\u0000\u0001",
    };
    for (String body : bad) {
      ReceiverResponse r = send(body);
      assertThat(r.status()).as(body.length() > 60 ? body.substring(0, 60) : body).isEqualTo(400);
      assertThat(r.body()).doesNotContain("sk_live");
    }
    assertThat(counting.calls).isEmpty();
  }

  @Test
  void unknownFieldsAreIgnored() {
    ReceiverResponse r =
        send(
            "[{\"token\":\"nope\",\"future_field\":{\"a\":[1,2,{}]},\"type\":null,\"url\":null,"
                + "\"n\":1.5e300}]");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body())
        .isEqualTo(
            "[{\"token_hash\":\""
                + TokenHashes.of("nope")
                + "\",\"token_type\":\"\",\"label\":\"false_positive\"}]");
  }

  @Test
  void aTokenOfTenKilobytesIsAFalsePositiveWithoutALookup() {
    String huge = "sk_live_" + "3".repeat(10 * 1024);
    ReceiverResponse r = reports.send(receiver, SignedReports.body(List.of(huge)));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains(TokenHashes.of(huge)).contains("false_positive");
    assertThat(counting.calls).isEmpty();
  }

  @Test
  void tenThousandMatchesAreAnsweredAndOneMoreIs413() {
    String apiId = workspace.apis().create(CreateApiRequest.of("acme")).apiId();
    List<String> tokens = new ArrayList<>();
    SecureRandom random = new SecureRandom();
    for (int i = 0; i < 10; i++) {
      tokens.add(
          workspace
              .keys()
              .create(CreateKeyRequest.builder(apiId).prefix("sk_live").build())
              .key()
              .reveal());
    }
    for (int i = tokens.size(); i < 10_000; i++) {
      tokens.add(i % 2 == 0 ? "ghp_" + i : KeyFormat.generate("sk_live", 16, random).reveal());
    }
    ReceiverResponse r = reports.send(receiver, lean(tokens));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().split("\"label\"", -1)).hasSize(10_001);
    assertThat(r.body().split("true_positive", -1)).hasSize(11);
    assertThat(counting.count("delete")).isEqualTo(10);

    List<String> more = new ArrayList<>(tokens);
    more.add("one_too_many");
    assertThat(reports.send(receiver, lean(more)).status()).isEqualTo(413);
    assertThat(counting.count("whoami")).isEqualTo(10 + 4_995);
  }

  /** Matches with only a token, so 10,000 fit in 1 MiB. */
  static byte[] lean(List<String> tokens) {
    StringBuilder b = new StringBuilder("[");
    for (String t : tokens) {
      b.append(b.length() == 1 ? "" : ",").append("{\"token\":\"").append(t).append("\"}");
    }
    return b.append("]").toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aSlowLookupIsLeftOutOfTheAnswerButTheKeyIsStillRevoked() throws Exception {
    String apiId = workspace.apis().create(CreateApiRequest.of("acme")).apiId();
    String token =
        workspace
            .keys()
            .create(CreateKeyRequest.builder(apiId).prefix("sk_live").build())
            .key()
            .reveal();
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    SignedReports.Counting slow =
        new SignedReports.Counting(workspace) {
          @Override
          void beforeKeysCall(String method) throws Exception {
            if (method.equals("whoami")) {
              release.await();
            }
          }
        };
    try (SecretScanningReceiver r =
        SecretScanningReceiver.builder(slow.unkey, reports.verifier())
            .apiKeyPrefixes("sk_live")
            .answerWithin(Duration.ofMillis(100))
            .playbookExecutor(Runnable::run)
            .build()) {
      ReceiverResponse answer = reports.send(r, SignedReports.body(List.of(token, "not-ours")));
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body())
          .doesNotContain(TokenHashes.of(token))
          .contains(TokenHashes.of("not-ours"));
      release.countDown();
      for (int i = 0; i < 500 && slow.count("delete") == 0; i++) {
        Thread.sleep(10);
      }
      assertThat(slow.count("delete")).isEqualTo(1);
    }
  }

  @Test
  void aFailingStoreDoesNotKeepALiveKeyAlive() {
    String apiId = workspace.apis().create(CreateApiRequest.of("acme")).apiId();
    String token =
        workspace
            .keys()
            .create(CreateKeyRequest.builder(apiId).prefix("sk_live").build())
            .key()
            .reveal();
    LeakDedupeStore broken =
        new LeakDedupeStore() {
          @Override
          public java.util.Optional<LeakRecord> find(String tokenHash) {
            throw new java.io.UncheckedIOException(new java.io.IOException("disk"));
          }

          @Override
          public LeakRecord claim(LeakRecord record) {
            throw new java.io.UncheckedIOException(new java.io.IOException("disk"));
          }

          @Override
          public void markDone(String tokenHash) {
            throw new java.io.UncheckedIOException(new java.io.IOException("disk"));
          }
        };
    try (SecretScanningReceiver r =
        SecretScanningReceiver.builder(counting.unkey, reports.verifier())
            .apiKeyPrefixes("sk_live")
            .dedupeStore(broken)
            .playbookExecutor(Runnable::run)
            .build()) {
      byte[] body = SignedReports.body(List.of(token));
      assertThat(reports.send(r, body).body()).contains("true_positive");
      assertThat(reports.send(r, body).body()).contains("true_positive");
      assertThat(counting.count("delete")).isEqualTo(1);
    }
  }
}
