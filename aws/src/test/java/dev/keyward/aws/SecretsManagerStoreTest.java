package dev.keyward.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.key.Secret;
import dev.keyward.rotation.SecretStoreConflictException;
import dev.keyward.rotation.SecretStoreException;
import dev.keyward.rotation.SecretVersion;
import dev.keyward.rotation.VersionedSecret;
import dev.keyward.rotation.VersionedSecretStore.Stage;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** What {@link SecretsManagerStore} adds to the contract: AWS's rules, retries, bad input. */
class SecretsManagerStoreTest {
  static final String NAME = "UNKEY_ROOT_KEY";
  static final String ID = "prod/billing/UNKEY_ROOT_KEY";

  FakeSecretsManager fake;
  SecretsManagerClient client;
  SecretsManagerStore store;

  @BeforeEach
  void start() throws IOException {
    fake = FakeSecretsManager.start();
    client = fake.client();
    store = SecretsManagerStore.builder(client).prefix("prod/billing/").build();
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  static String token() {
    return UUID.randomUUID().toString();
  }

  static Secret key(String label) {
    return Secret.of("unkey_" + label + UUID.randomUUID().toString().replace("-", ""));
  }

  @Test
  void retriedWriteAndStageLeaveTheVersionCountUnchanged() {
    Secret v1 = key("a");
    String t1 = token();
    VersionedSecret first = store.write(NAME, v1, SecretVersion.ABSENT, t1);
    Secret v2 = key("b");
    String t2 = token();
    store.write(NAME, v2, first.version(), t2);
    assertThat(fake.state.versionCount(ID)).isEqualTo(2);
    for (int i = 0; i < 3; i++) {
      assertThat(store.write(NAME, v2, first.version(), t2).version().token()).isEqualTo(t2);
      assertThat(store.write(NAME, v1, SecretVersion.ABSENT, t1).version().token()).isEqualTo(t1);
    }
    assertThat(fake.state.versionCount(ID)).as("retries made no version").isEqualTo(2);
    String t3 = token();
    Secret v3 = key("c");
    store.stage(NAME, v3, t3);
    store.stage(NAME, v3, t3);
    assertThat(fake.state.versionCount(ID)).isEqualTo(3);
    assertThat(store.readVersioned(NAME).orElseThrow().version().token()).isEqualTo(t2);
    assertThat(store.readStage(NAME, Stage.PREVIOUS).orElseThrow().value()).isEqualTo(v1);
  }

  @Test
  void writeIsACompareAndSetOnAwsCurrent() {
    VersionedSecret first = store.write(NAME, key("a"), SecretVersion.ABSENT, token());
    store.write(NAME, key("b"), first.version(), token());
    Secret late = key("c");
    SecretStoreConflictException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            SecretStoreConflictException.class,
            () -> store.write(NAME, late, first.version(), token()));
    assertThat(e.reason()).isEqualTo(SecretStoreException.Reason.VERSION_CONFLICT);
    assertThat(e.getMessage()).contains(ID).doesNotContain(late.reveal());
    assertThat(store.read(NAME).orElseThrow()).isNotEqualTo(late);
  }

  @Test
  void theFakeRejectsWhatAwsRejects() {
    store.write(NAME, key("a"), SecretVersion.ABSENT, token());
    String t = token();
    client.putSecretValue(
        b -> b.secretId(ID).secretString("one").clientRequestToken(t).versionStages("X"));
    client.putSecretValue(
        b -> b.secretId(ID).secretString("one").clientRequestToken(t).versionStages("X"));
    assertThat(fake.state.versionCount(ID)).as("same token, same value: ignored").isEqualTo(2);
    assertThatThrownBy(
            () ->
                client.putSecretValue(
                    b -> b.secretId(ID).secretString("two").clientRequestToken(t)))
        .isInstanceOf(ResourceExistsException.class);
    assertThatThrownBy(
            () ->
                client.getSecretValue(b -> b.secretId(ID).versionId(UUID.randomUUID().toString())))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> client.getSecretValue(b -> b.secretId(ID).versionStage("AWSPENDING")))
        .isInstanceOf(ResourceNotFoundException.class);
    String current = client.getSecretValue(b -> b.secretId(ID)).versionId();
    assertThatThrownBy(
            () ->
                client.updateSecretVersionStage(
                    b ->
                        b.secretId(ID)
                            .versionStage("AWSCURRENT")
                            .moveToVersionId(t)
                            .removeFromVersionId(t)))
        .as("AWSCURRENT is not on RemoveFromVersionId")
        .isInstanceOf(InvalidParameterException.class);
    assertThat(client.getSecretValue(b -> b.secretId(ID)).versionId()).isEqualTo(current);
    client.updateSecretVersionStage(
        b ->
            b.secretId(ID)
                .versionStage("AWSCURRENT")
                .moveToVersionId(t)
                .removeFromVersionId(current));
    assertThat(client.getSecretValue(b -> b.secretId(ID).versionStage("AWSPREVIOUS")).versionId())
        .isEqualTo(current);
  }

  @Test
  void missingSecretLabelAndVersionAreTyped() {
    assertThat(store.read(NAME)).isEmpty();
    assertThat(store.readStage(NAME, Stage.PENDING)).isEmpty();
    SecretStoreException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            SecretStoreException.class, () -> store.promote(NAME, SecretVersion.of(token())));
    assertThat(e.reason()).isEqualTo(SecretStoreException.Reason.NOT_FOUND);
    assertThat(e.getMessage()).contains(ID);
    store.write(NAME, key("a"), SecretVersion.ABSENT, token());
    SecretStoreConflictException unknown =
        org.junit.jupiter.api.Assertions.assertThrows(
            SecretStoreConflictException.class,
            () -> store.promote(NAME, SecretVersion.of(token())));
    assertThat(unknown.reason()).isEqualTo(SecretStoreException.Reason.NO_SUCH_VERSION);
    assertThat(store.unstage(NAME, SecretVersion.of(token()))).isFalse();
  }

  @Test
  void deniedExpiredAndUnknownCredentialsArePermissionDeniedWithoutSecrets() {
    Secret value = key("a");
    store.write(NAME, value, SecretVersion.ABSENT, token());
    for (String keyId :
        List.of(
            FakeSecretsManager.READ_ONLY_KEY,
            FakeSecretsManager.EXPIRED_KEY,
            FakeSecretsManager.UNKNOWN_KEY)) {
      try (SecretsManagerClient other = fake.client(keyId)) {
        SecretsManagerStore s = SecretsManagerStore.builder(other).prefix("prod/billing/").build();
        SecretStoreException e =
            org.junit.jupiter.api.Assertions.assertThrows(
                SecretStoreException.class, () -> s.stage(NAME, key("b"), token()));
        assertThat(e.reason()).as(keyId).isEqualTo(SecretStoreException.Reason.PERMISSION_DENIED);
        assertThat(e.getMessage())
            .as(keyId)
            .contains(ID)
            .doesNotContain(value.reveal())
            .doesNotContain(FakeSecretsManager.SECRET_ACCESS_KEY)
            .doesNotContain(keyId);
        assertThat(e.getCause()).as("no AWS message is chained").isNull();
      }
    }
  }

  @Test
  void arnsAreUsedAsTheyAreAndTheirLockIsNamedAfterTheSecret() {
    store.write(NAME, key("a"), SecretVersion.ABSENT, token());
    String arn = fake.state.arnOf(ID);
    assertThat(store.secretId(arn)).isEqualTo(arn);
    assertThat(store.lockId(arn)).isEqualTo(ID + "-keyward-lock");
    assertThat(store.read(arn)).isEqualTo(store.read(NAME));
    assertThatThrownBy(() -> store.secretId("bad name!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("bad name");
    assertThatThrownBy(() -> store.stage(NAME, key("x"), "short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("short");
  }

  @Test
  void deleteSchedulesDeletionAndTheNameThenReadsEmpty() {
    store.write(NAME, key("a"), SecretVersion.ABSENT, token());
    store.delete(NAME);
    store.delete(NAME);
    store.delete("NEVER_WRITTEN");
    assertThat(store.read(NAME)).isEmpty();
    SecretStoreException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            SecretStoreException.class,
            () -> store.write(NAME, key("b"), SecretVersion.ABSENT, token()));
    assertThat(e.getMessage()).contains(ID).contains("scheduled for deletion");
  }

  @Test
  void aWriteWhoseMoveWasCutShortIsCompletedByItsRetry() {
    VersionedSecret first = store.write(NAME, key("a"), SecretVersion.ABSENT, token());
    Secret next = key("b");
    String t = token();
    // the process died after PutSecretValue, before UpdateSecretVersionStage
    client.putSecretValue(
        b ->
            b.secretId(ID)
                .secretString(next.reveal())
                .clientRequestToken(t)
                .versionStages("KEYWARD_NEXT"));
    assertThat(store.read(NAME).orElseThrow()).isNotEqualTo(next);
    assertThat(store.write(NAME, next, first.version(), t).version().token()).isEqualTo(t);
    assertThat(store.read(NAME).orElseThrow()).isEqualTo(next);
    assertThat(fake.state.versionCount(ID)).isEqualTo(2);
  }
}
