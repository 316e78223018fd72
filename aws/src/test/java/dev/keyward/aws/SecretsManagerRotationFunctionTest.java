package dev.keyward.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.key.Secret;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.ListRootKeysRequest;
import dev.keyward.model.RootKeyInfo;
import dev.keyward.rotation.RotationException;
import dev.keyward.rotation.SecretVersion;
import dev.keyward.rotation.VersionedSecretStore.Stage;
import dev.keyward.testing.InMemoryUnkey;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The rotation-function adapter: each of the four steps invoked twice, as AWS may. */
class SecretsManagerRotationFunctionTest {
  static final List<String> PERMS = List.of("api.*.verify_key", "api.*.read_key");

  FakeSecretsManager fake;
  SecretsManagerClient client;
  SecretsManagerStore store;
  InMemoryUnkey workspace;
  CreatedKey service;
  String arn;
  final List<Duration> slept = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    fake = FakeSecretsManager.start();
    client = fake.client();
    store = SecretsManagerStore.builder(client).build();
    workspace = InMemoryUnkey.builder().build();
    service =
        workspace.rootKeys().create(CreateRootKeyRequest.builder(PERMS).name("billing").build());
    store.write("billing/unkey", service.key(), SecretVersion.ABSENT, UUID.randomUUID().toString());
    arn = fake.state.arnOf("billing/unkey");
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  SecretsManagerRotationFunction function() {
    return SecretsManagerRotationFunction.builder(store, workspace)
        .overlap(Duration.ofMinutes(2))
        .sleeper(slept::add)
        .build();
  }

  Map<String, Object> event(String step, String token) {
    return Map.of("Step", step, "SecretId", arn, "ClientRequestToken", token);
  }

  List<RootKeyInfo> live() {
    return workspace.rootKeys().listAll(ListRootKeysRequest.of()).stream()
        .filter(k -> k.name() != null && k.name().startsWith("billing"))
        .toList();
  }

  @Test
  void everyStepInvokedTwiceRotatesOnce() {
    SecretsManagerRotationFunction f = function();
    String token = UUID.randomUUID().toString();

    f.handleRequest(event("createSecret", token));
    f.handleRequest(event("createSecret", token));
    assertThat(fake.state.versionCount(arn)).as("one pending version").isEqualTo(2);
    assertThat(live()).as("one new key").hasSize(2);
    Secret pending = store.readStage(arn, Stage.PENDING).orElseThrow().value();
    assertThat(store.readStage(arn, Stage.PENDING).orElseThrow().version().token())
        .isEqualTo(token);
    assertThat(store.read(arn).orElseThrow()).isEqualTo(service.key());

    f.handleRequest(event("setSecret", token));
    f.handleRequest(event("setSecret", token));
    f.handleRequest(event("testSecret", token));
    f.handleRequest(event("testSecret", token));
    assertThat(fake.state.versionCount(arn)).isEqualTo(2);

    f.handleRequest(event("finishSecret", token));
    f.handleRequest(event("finishSecret", token));
    assertThat(store.readVersioned(arn).orElseThrow().version().token()).isEqualTo(token);
    assertThat(store.read(arn).orElseThrow()).isEqualTo(pending);
    assertThat(store.readStage(arn, Stage.PREVIOUS).orElseThrow().value()).isEqualTo(service.key());
    assertThat(store.readStage(arn, Stage.PENDING)).isEmpty();
    assertThat(live()).as("the old key is revoked, the new one live").hasSize(1);
    assertThat(live().get(0).name()).isEqualTo("billing [aws-" + token + "]");
    assertThat(live().get(0).permissions()).containsExactlyInAnyOrderElementsOf(PERMS);
    assertThat(live().get(0).keyId()).isNotEqualTo(service.keyId());
    assertThat(slept)
        .as("the overlap was slept once, before the revocation")
        .containsExactly(Duration.ofMinutes(2));

    f.handleRequest(event("createSecret", token));
    assertThat(live()).as("a late createSecret is a no-op").hasSize(1);
    assertThat(fake.state.versionCount(arn)).isEqualTo(2);

    String next = UUID.randomUUID().toString();
    for (String step : List.of("createSecret", "setSecret", "testSecret", "finishSecret")) {
      f.handleRequest(event(step, next));
      f.handleRequest(event(step, next));
    }
    assertThat(live()).hasSize(1);
    assertThat(live().get(0).name()).isEqualTo("billing [aws-" + next + "]");
    assertThat(fake.state.versionCount(arn)).isEqualTo(3);
  }

  @Test
  void createSecretDeletesTheKeyOfACrashedAttempt() {
    String token = UUID.randomUUID().toString();
    // an attempt created the key, then died before PutSecretValue: nobody holds this key
    workspace
        .rootKeys()
        .create(CreateRootKeyRequest.builder(PERMS).name("billing [aws-" + token + "]").build());
    function().handleRequest(event("createSecret", token));
    assertThat(live()).hasSize(2);
    Secret pending = store.readStage(arn, Stage.PENDING).orElseThrow().value();
    assertThat(live()).anyMatch(k -> k.start().equals(pending.start()));
  }

  @Test
  void testSecretFailsWhenThePendingKeyIsRejected() {
    String token = UUID.randomUUID().toString();
    SecretsManagerRotationFunction f = function();
    f.handleRequest(event("createSecret", token));
    Secret pending = store.readStage(arn, Stage.PENDING).orElseThrow().value();
    String pendingId =
        live().stream()
            .filter(k -> k.start().equals(pending.start()))
            .findFirst()
            .orElseThrow()
            .keyId();
    workspace.rootKeys().delete(pendingId);
    RotationException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            RotationException.class, () -> f.handleRequest(event("testSecret", token)));
    assertThat(e.getMessage()).contains("401").doesNotContain(pending.reveal());
    assertThat(store.read(arn).orElseThrow()).isEqualTo(service.key());
    assertThatThrownBy(() -> f.handleRequest(event("finishSecret", UUID.randomUUID().toString())))
        .isInstanceOf(RotationException.class);
    assertThat(store.read(arn).orElseThrow()).as("AWSCURRENT unchanged").isEqualTo(service.key());
  }

  @Test
  void badEventsNameTheField() {
    SecretsManagerRotationFunction f = function();
    assertThatThrownBy(() -> f.handleRequest(Map.of("Step", "createSecret", "SecretId", arn)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ClientRequestToken");
    assertThatThrownBy(() -> f.handleRequest(event("rotate", UUID.randomUUID().toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Step");
    assertThatThrownBy(
            () ->
                SecretsManagerRotationFunction.builder(store, workspace)
                    .overlap(Duration.ofMinutes(11)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
