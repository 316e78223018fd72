package dev.keyward.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.NotFoundException;
import dev.keyward.key.KeyFormat;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.testing.InMemoryUnkey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecretScanningReceiverTest {
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
    receiver = receiver(ApiKeyAction.REVOKE);
  }

  @AfterEach
  void tearDown() {
    receiver.close();
  }

  SecretScanningReceiver receiver(ApiKeyAction action) {
    return SecretScanningReceiver.builder(counting.unkey, reports.verifier())
        .apiKeyPrefixes("sk_live")
        .apiKeyAction(action)
        .notifier(notices::add)
        .playbookExecutor(Runnable::run) // synchronous: the test sees the outcome at once
        .build();
  }

  CreatedKey liveKey(String owner) {
    return workspace
        .keys()
        .create(CreateKeyRequest.builder(apiId).prefix("sk_live").externalId(owner).build());
  }

  static String feedback(String token, String label) {
    return "{\"token_hash\":\""
        + TokenHashes.of(token)
        + "\",\"token_type\":\"acme_api_key\",\"label\":\""
        + label
        + "\"}";
  }

  @Test
  void liveKeyIsRevokedAndItsOwnerTold() {
    CreatedKey key = liveKey("customer_42");
    String token = key.key().reveal();

    ReceiverResponse r = reports.send(receiver, SignedReports.body(List.of(token)));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("[" + feedback(token, "true_positive") + "]");
    assertThat(counting.count("delete")).isEqualTo(1);
    assertThat(notices)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.keyId()).isEqualTo(key.keyId());
              assertThat(n.kind()).isEqualTo(TokenKind.API_KEY);
              assertThat(n.outcome()).isEqualTo(LeakNotice.Outcome.REVOKED);
              assertThat(n.ownerExternalId()).contains("customer_42");
              assertThat(n.url()).isEqualTo("https://github.com/o/r/blob/abc/f.txt");
              assertThat(n.source()).isEqualTo("content");
            });
    try {
      workspace.keys().whoami(key.key());
      throw new AssertionError("the key should be gone");
    } catch (NotFoundException expected) {
      // revoked
    }
  }

  @Test
  void redeliveryChangesNothing() {
    String token = liveKey("c1").key().reveal();
    byte[] body = SignedReports.body(List.of(token, token));

    ReceiverResponse first = reports.send(receiver, body);
    ReceiverResponse again = reports.send(receiver, body);

    assertThat(first.body()).isEqualTo("[" + feedback(token, "true_positive") + "]");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(counting.count("delete")).isEqualTo(1);
    assertThat(counting.count("whoami")).isEqualTo(1);
    assertThat(notices).hasSize(1);
  }

  @Test
  void rerollRevokesAtOnceAndHandsTheSuccessorToTheNotifier() {
    receiver.close();
    receiver = receiver(ApiKeyAction.REROLL);
    CreatedKey key = liveKey("c2");

    reports.send(receiver, SignedReports.body(List.of(key.key().reveal())));

    assertThat(counting.count("reroll")).isEqualTo(1);
    assertThat(counting.count("delete")).isZero();
    LeakNotice n = notices.get(0);
    assertThat(n.outcome()).isEqualTo(LeakNotice.Outcome.REROLLED);
    assertThat(n.replacement()).get().extracting(CreatedKey::keyId).isNotEqualTo(key.keyId());
    assertThat(workspace.keys().verify(key.key()).valid()).isFalse();
    assertThat(workspace.keys().verify(n.replacement().get().key()).valid()).isTrue();
  }

  @Test
  void otherTokensAreFalsePositivesAndOnlyOurPrefixesAreLookedUp() {
    SecureRandom random = new SecureRandom();
    String unknown = KeyFormat.generate("sk_live", 16, random).reveal();
    String otherPrefix = KeyFormat.generate("pk_test", 16, random).reveal();
    String plain = "NMIfyYncKcRALEXAMPLE";
    String huge = "sk_live_" + "a".repeat(10 * 1024);

    ReceiverResponse r =
        reports.send(receiver, SignedReports.body(List.of(unknown, otherPrefix, plain, huge)));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body())
        .isEqualTo(
            "["
                + String.join(
                    ",",
                    feedback(unknown, "false_positive"),
                    feedback(otherPrefix, "false_positive"),
                    feedback(plain, "false_positive"),
                    feedback(huge, "false_positive"))
                + "]");
    assertThat(counting.count("whoami")).isEqualTo(1);
    assertThat(counting.count("delete")).isZero();
  }

  @Test
  void knownRootKeyGoesToLeakResponse() {
    CreatedKey created =
        workspace
            .rootKeys()
            .create(dev.keyward.model.CreateRootKeyRequest.of(List.of("api.*.verify_key")));
    Secret root = created.key();
    String rootId = created.keyId();
    dev.keyward.rotation.SecretStore store = dev.keyward.rotation.SecretStore.inMemory();
    List<String> responded = new ArrayList<>();
    receiver.close();
    receiver =
        SecretScanningReceiver.builder(counting.unkey, reports.verifier())
            .apiKeyPrefixes("sk_live")
            .rootKeys(
                KnownRootKeys.ofSecrets(java.util.Map.of(rootId, root)),
                keyId -> {
                  responded.add(keyId);
                  return dev.keyward.rotation.LeakResponse.builder()
                      .leakedKeyId(keyId)
                      .issuer(dev.keyward.rotation.RootKeyIssuer.of(workspace))
                      .store(store, "UNKEY_ROOT_KEY")
                      .verifier(dev.keyward.rotation.RotationVerifier.authenticatingWith(workspace))
                      .build();
                })
            .notifier(notices::add)
            .playbookExecutor(Runnable::run)
            .build();
    String strangerRoot = KeyFormat.generate("unkey", 16, new SecureRandom()).reveal();

    ReceiverResponse r =
        reports.send(receiver, SignedReports.body(List.of(root.reveal(), strangerRoot)));

    assertThat(r.body())
        .contains(feedback(root.reveal(), "true_positive"))
        .contains(feedback(strangerRoot, "false_positive"));
    assertThat(responded).containsExactly(rootId);
    LeakNotice n = notices.get(0);
    assertThat(n.outcome()).isEqualTo(LeakNotice.Outcome.ROOT_KEY_RESPONSE_RAN);
    assertThat(n.rootKeyReport().orElseThrow().failure()).isEmpty();
    assertThat(store.read("UNKEY_ROOT_KEY")).isPresent();
    assertThat(counting.count("whoami")).isZero();
  }

  @Test
  void aReportWithoutAValidSignatureIsRefusedBeforeParsingAndRevokesNothing() {
    String token = liveKey("c3").key().reveal();
    byte[] body = SignedReports.body(List.of(token));
    String sig = reports.sign(body);
    byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);

    assertThat(receiver.receive(body, null, sig).status()).isEqualTo(401);
    assertThat(receiver.receive(body, SignedReports.KEY_ID, null).status()).isEqualTo(401);
    assertThat(receiver.receive(body, "other-key", sig).status()).isEqualTo(401);
    assertThat(receiver.receive(body, SignedReports.KEY_ID, "%%%not-base64").status())
        .isEqualTo(401);
    assertThat(receiver.receive(body, SignedReports.KEY_ID, "MAA=").status()).isEqualTo(401);
    assertThat(receiver.receive(notJson, SignedReports.KEY_ID, sig).status()).isEqualTo(401);
    assertThat(receiver.receive(null, SignedReports.KEY_ID, sig).status()).isEqualTo(401);
    assertThat(receiver.receive(body, SignedReports.KEY_ID, sig).status()).isEqualTo(200);
    assertThat(counting.count("whoami")).isEqualTo(1);
    assertThat(counting.count("delete")).isEqualTo(1);
  }
}
