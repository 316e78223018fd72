package dev.keyward.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.key.KeyFormat;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.testing.InMemoryUnkey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Parser differentials, hostile encodings, foreign keys and lookalikes on the receiver. */
class ReportAttackTest {
  final SignedReports reports = new SignedReports();
  final InMemoryUnkey workspace = InMemoryUnkey.builder().build();
  final List<LeakNotice> notices = new CopyOnWriteArrayList<>();
  SignedReports.Counting counting;
  SecretScanningReceiver receiver;
  String apiId;

  @BeforeEach
  void setUp() {
    apiId = workspace.apis().create(CreateApiRequest.of("payments")).apiId();
    counting = new SignedReports.Counting(workspace);
    receiver =
        SecretScanningReceiver.builder(counting.unkey, reports.verifier())
            .apiKeyPrefixes("sk_live")
            .notifier(notices::add)
            .playbookExecutor(Runnable::run)
            .build();
  }

  @AfterEach
  void tearDown() {
    receiver.close();
  }

  CreatedKey liveKey() {
    return workspace.keys().create(CreateKeyRequest.builder(apiId).prefix("sk_live").build());
  }

  ReceiverResponse send(String json) {
    return reports.send(receiver, json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aDuplicatedTokenFieldIsHashedClassifiedAndRevokedAsOneValue() {
    CreatedKey live = liveKey();
    String dead = "sk_live_" + "1".repeat(22);
    ReceiverResponse lastLive =
        send("[{\"token\":\"" + dead + "\",\"token\":\"" + live.key().reveal() + "\"}]");
    assertThat(lastLive.status()).isEqualTo(200);
    assertThat(lastLive.body())
        .contains(TokenHashes.of(live.key().reveal()))
        .doesNotContain(TokenHashes.of(dead))
        .contains("true_positive");
    assertThat(counting.count("delete")).isEqualTo(1);
    assertThat(notices).singleElement().extracting(LeakNotice::keyId).isEqualTo(live.keyId());

    CreatedKey other = liveKey();
    ReceiverResponse lastDead =
        send("[{\"token\":\"" + other.key().reveal() + "\",\"token\":\"" + dead + "\"}]");
    assertThat(lastDead.body())
        .contains(TokenHashes.of(dead))
        .doesNotContain(TokenHashes.of(other.key().reveal()))
        .contains("false_positive");
    assertThat(counting.count("delete"))
        .as("the key whose value was overridden stays")
        .isEqualTo(1);
  }

  @Test
  void tokensThatAreNotStringsAndBrokenEncodingsAre400WithoutALookup() {
    for (String bad :
        List.of(
            "[{\"token\":12345678901234567890123456789}]",
            "[{\"token\":[\"sk_live_x\"]}]",
            "[{\"token\":{\"a\":\"sk_live_x\"}}]",
            "[{\"token\":true}]",
            "[{\"token\":null}]",
            "[{\"type\":\"only\"}]",
            "\uFEFF[{\"token\":\"sk_live_1111111111111111111111\"}]",
            "[{\"token\":\"sk_live_1111111111111111111111\"}]\u0000",
            "[" + "[".repeat(200_000) + "]".repeat(200_000) + "]",
            "[{\"x\":" + "[".repeat(200_000) + "]".repeat(200_000) + ",\"token\":\"a\"}]",
            "[{\"token\":\"\\ud800\"},",
            // valid JSON that Moshi's strict reader refuses: a defined answer all the same
            "[{\"token\":\"sk_live_1111111111111111111111\",\"x\":1" + "0".repeat(100) + "}]",
            "{\"token\":\"sk_live_1111111111111111111111\"}")) {
      ReceiverResponse r = send(bad);
      assertThat(r.status()).as(bad.substring(0, Math.min(60, bad.length()))).isEqualTo(400);
    }
    assertThat(counting.calls).isEmpty();
  }

  @Test
  void oddButValidTokensGetFeedbackWithoutALookup() {
    ReceiverResponse r =
        send(
            "[{\"token\":\"sk_live_\\u0000111111111111111111111\",\"x\":12345678901234567890123"
                + "},{\"token\":\"\"},{\"token\":\"sk_live_\\ud800\"}]");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).doesNotContain("true_positive").contains("false_positive");
    assertThat(counting.calls).isEmpty();
  }

  @Test
  void keysOfAnotherWorkspaceAndOtherPrefixesAreFalsePositives() {
    InMemoryUnkey elsewhere = InMemoryUnkey.builder().build();
    String otherApi = elsewhere.apis().create(CreateApiRequest.of("theirs")).apiId();
    String foreign =
        elsewhere
            .keys()
            .create(CreateKeyRequest.builder(otherApi).prefix("sk_live").build())
            .key()
            .reveal();
    String ourTestKey =
        workspace
            .keys()
            .create(CreateKeyRequest.builder(apiId).prefix("sk_test").build())
            .key()
            .reveal();
    ReceiverResponse r = reports.send(receiver, SignedReports.body(List.of(foreign, ourTestKey)));
    assertThat(r.body()).doesNotContain("true_positive");
    assertThat(counting.count("delete")).isZero();
    assertThat(counting.count("whoami")).as("sk_test is not one of our prefixes").isEqualTo(1);
    assertThat(elsewhere.keys().whoami(Secret.of(foreign))).isNotNull();
  }

  @Test
  void onlyTheDeploymentsOwnRootKeyRunsTheRootKeyResponse() {
    Secret ours = Secret.of("unkey_" + "3".repeat(24));
    Secret lookalike = Secret.of("unkey_" + "3".repeat(23) + "4");
    assertThat(KeyFormat.looksLikeRootKey(ours.reveal())).isTrue();
    AtomicInteger responses = new AtomicInteger();
    List<String> ids = new ArrayList<>();
    receiver.close();
    receiver =
        SecretScanningReceiver.builder(counting.unkey, reports.verifier())
            .rootKeys(
                KnownRootKeys.ofSecrets(Map.of("root_1", ours)),
                keyId -> {
                  responses.incrementAndGet();
                  ids.add(keyId);
                  throw new IllegalStateException("no LeakResponse in this test");
                })
            .playbookExecutor(Runnable::run)
            .build();
    ReceiverResponse r =
        reports.send(
            receiver,
            SignedReports.body(List.of(lookalike.reveal(), ours.reveal() + "x", ours.reveal())));
    assertThat(r.body())
        .contains("{\"token_hash\":\"" + TokenHashes.of(ours.reveal()) + "\",")
        .containsOnlyOnce("true_positive");
    assertThat(responses).hasValue(1);
    assertThat(ids).containsExactly("root_1");
  }

  @Test
  void aFullBodyOfLongTokensIsAnsweredInTime() {
    List<String> tokens = new ArrayList<>();
    // as many 512-character tokens of our shape as fit in 1 MiB: each costs a whoami (404)
    for (int i = 0; tokens.size() < 1_700; i++) {
      String n = Integer.toString(i).replace('0', 'z');
      tokens.add("sk_live_" + n + "x".repeat(512 - 8 - n.length()));
    }
    byte[] body = SignedReports.body(tokens);
    assertThat(body.length).isLessThanOrEqualTo(SecretScanningReceiver.DEFAULT_MAX_BODY_BYTES);
    long start = System.nanoTime();
    ReceiverResponse r = reports.send(receiver, body);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(r.status()).isEqualTo(200);
    assertThat(took).isLessThan(Duration.ofSeconds(20));
    assertThat(counting.count("whoami")).isEqualTo(1_700);

    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      tooMany.add("sk_live_" + "1".repeat(504));
    }
    assertThat(reports.send(receiver, SignedReports.body(tooMany)).status()).isEqualTo(413);
  }
}
