package dev.keyward.kubernetes;

import static dev.keyward.kubernetes.MockCluster.NAMESPACE;
import static dev.keyward.kubernetes.MockCluster.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.key.Secret;
import dev.keyward.rotation.SecretStoreConflictException;
import dev.keyward.rotation.SecretStoreException;
import dev.keyward.rotation.SecretVersion;
import dev.keyward.rotation.VersionedSecret;
import dev.keyward.rotation.VersionedSecretStore.Stage;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the contract does not cover: the Secret's layout, 409 retries, typed refusals. */
class KubernetesSecretStoreTest {
  MockCluster cluster;
  KubernetesClient admin;

  @BeforeEach
  void start() {
    cluster = MockCluster.start();
    admin = cluster.newClient();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  static String token() {
    return UUID.randomUUID().toString();
  }

  static Secret key(String label) {
    return Secret.of("unkey_" + label + UUID.randomUUID().toString().replace("-", ""));
  }

  io.fabric8.kubernetes.api.model.Secret raw() {
    return admin.secrets().inNamespace(NAMESPACE).withName(SECRET).get();
  }

  static String decoded(io.fabric8.kubernetes.api.model.Secret s, String key) {
    return new String(Base64.getDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8);
  }

  @Test
  void mockRefusesAStaleResourceVersionWith409() {
    io.fabric8.kubernetes.api.model.Secret first = raw();
    io.fabric8.kubernetes.api.model.Secret second = raw();
    first.getData().put("A", "YQ==");
    admin.secrets().inNamespace(NAMESPACE).resource(first).update();
    second.getData().put("B", "Yg==");
    assertThatThrownBy(() -> admin.secrets().inNamespace(NAMESPACE).resource(second).update())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
  }

  @Test
  void layoutKeepsOtherKeysAndValuesOnlyInData() {
    KubernetesSecretStore store = cluster.store();
    Secret v1 = key("a");
    Secret v2 = key("b");
    VersionedSecret first = store.write("UNKEY_ROOT_KEY", v1, SecretVersion.ABSENT, token());
    VersionedSecret pending = store.stage("UNKEY_ROOT_KEY", v2, token());
    io.fabric8.kubernetes.api.model.Secret s = raw();
    assertThat(decoded(s, "OTHER")).isEqualTo("kept");
    assertThat(decoded(s, "UNKEY_ROOT_KEY")).isEqualTo(v1.reveal());
    assertThat(decoded(s, "UNKEY_ROOT_KEY.keyward-pending")).isEqualTo(v2.reveal());
    String annotations = s.getMetadata().getAnnotations().toString();
    assertThat(annotations)
        .contains("versions.keyward.dev/UNKEY_ROOT_KEY")
        .doesNotContain(v1.reveal(), v2.reveal())
        .doesNotContain(s.getData().get("UNKEY_ROOT_KEY"));
    store.promote("UNKEY_ROOT_KEY", pending.version());
    s = raw();
    assertThat(decoded(s, "UNKEY_ROOT_KEY")).isEqualTo(v2.reveal());
    assertThat(decoded(s, "UNKEY_ROOT_KEY.keyward-previous")).isEqualTo(v1.reveal());
    assertThat(s.getData()).doesNotContainKey("UNKEY_ROOT_KEY.keyward-pending");
    assertThat(decoded(s, "OTHER")).isEqualTo("kept");
    assertThat(store.readStage("UNKEY_ROOT_KEY", Stage.PREVIOUS).orElseThrow().version())
        .isEqualTo(first.version());
  }

  @Test
  void aRetriedWriteLeavesTheSecretsVersionUnchanged() {
    KubernetesSecretStore store = cluster.store();
    Secret v1 = key("a");
    String t = token();
    VersionedSecret first = store.write("UNKEY_ROOT_KEY", v1, SecretVersion.ABSENT, t);
    String resourceVersion = raw().getMetadata().getResourceVersion();
    long puts = cluster.requests().stream().filter(r -> r.startsWith("PUT")).count();
    assertThat(cluster.store().write("UNKEY_ROOT_KEY", v1, SecretVersion.ABSENT, t).version())
        .isEqualTo(first.version());
    assertThat(cluster.store().stage("UNKEY_ROOT_KEY", v1, t).version()).isEqualTo(first.version());
    assertThat(raw().getMetadata().getResourceVersion()).isEqualTo(resourceVersion);
    assertThat(cluster.requests().stream().filter(r -> r.startsWith("PUT")).count())
        .isEqualTo(puts);
  }

  @Test
  void writesToOtherNamesRetryOn409AndKeepPerNameVersions() throws Exception {
    VersionedSecret a0 = cluster.store().write("A", key("a"), SecretVersion.ABSENT, token());
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String name = "N" + i;
      KubernetesSecretStore handle = cluster.store();
      Thread t =
          new Thread(
              () -> {
                try {
                  SecretVersion v = SecretVersion.ABSENT;
                  for (int n = 0; n < 8; n++) {
                    v = handle.write(name, key(name), v, token()).version();
                  }
                } catch (RuntimeException e) {
                  synchronized (failures) {
                    failures.add(e);
                  }
                }
              });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failures).isEmpty();
    long conflicts =
        cluster.requests().stream().filter(r -> r.startsWith("PUT")).count() - 1 - 4 * 8;
    assertThat(conflicts).as("some updates were refused with 409 and retried").isGreaterThan(0);
    KubernetesSecretStore store = cluster.store();
    for (int i = 0; i < 4; i++) {
      assertThat(store.readVersioned("N" + i).orElseThrow().version().token()).isEqualTo("8");
    }
    assertThat(store.readVersioned("A").orElseThrow().version()).isEqualTo(a0.version());
    Secret late = key("late");
    assertThat(store.write("A", late, a0.version(), token()).value()).isEqualTo(late);
  }

  @Test
  void aValueEditedByHandGetsItsOwnVersion() {
    KubernetesSecretStore store = cluster.store();
    VersionedSecret first = store.write("UNKEY_ROOT_KEY", key("a"), SecretVersion.ABSENT, token());
    io.fabric8.kubernetes.api.model.Secret s = raw();
    Secret edited = key("edit");
    s.getData()
        .put(
            "UNKEY_ROOT_KEY",
            Base64.getEncoder().encodeToString(edited.reveal().getBytes(StandardCharsets.UTF_8)));
    admin.secrets().inNamespace(NAMESPACE).resource(s).update();
    VersionedSecret now = store.readVersioned("UNKEY_ROOT_KEY").orElseThrow();
    assertThat(now.value()).isEqualTo(edited);
    assertThat(now.version()).isNotEqualTo(first.version());
    assertThat(now.version().token()).doesNotContain(edited.reveal());
    SecretStoreConflictException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            SecretStoreConflictException.class,
            () -> store.write("UNKEY_ROOT_KEY", key("b"), first.version(), token()));
    assertThat(e.reason()).isEqualTo(SecretStoreException.Reason.VERSION_CONFLICT);
    Secret next = key("c");
    store.write("UNKEY_ROOT_KEY", next, now.version(), token());
    assertThat(store.readStage("UNKEY_ROOT_KEY", Stage.PREVIOUS).orElseThrow().value())
        .isEqualTo(edited);
  }

  @Test
  void aMissingSecretOrNamespaceIsNotFoundNamingIt() {
    assertThatThrownBy(() -> KubernetesSecretStore.of(admin, NAMESPACE, "nope").read("K"))
        .isInstanceOfSatisfying(
            SecretStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(SecretStoreException.Reason.NOT_FOUND))
        .hasMessageContaining("Secret billing/nope not found");
    assertThatThrownBy(
            () ->
                KubernetesSecretStore.of(admin, "ghost", SECRET)
                    .write("K", key("a"), SecretVersion.ABSENT, token()))
        .isInstanceOfSatisfying(
            SecretStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(SecretStoreException.Reason.NOT_FOUND))
        .hasMessageContaining("ghost/unkey")
        .hasMessageContaining("namespace ghost");
    assertThat(cluster.store().read("ABSENT_KEY")).isEmpty();
  }

  @Test
  void forbiddenAndUnauthorizedArePermissionDeniedNamingTheObjectNeverTheValue() {
    KubernetesSecretStore store = cluster.store();
    Secret value = key("a");
    cluster.refuse(403, r -> r.getMethod().equals("PUT"));
    assertThatThrownBy(() -> store.write("UNKEY_ROOT_KEY", value, SecretVersion.ABSENT, token()))
        .isInstanceOfSatisfying(
            SecretStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(SecretStoreException.Reason.PERMISSION_DENIED))
        .hasMessageContaining("403")
        .hasMessageContaining("update Secret billing/unkey")
        .hasNoCause()
        .message()
        .doesNotContain(value.reveal());
    cluster.refuse(401, r -> r.getPath().contains("/leases"));
    assertThatThrownBy(() -> store.tryLock("UNKEY_ROOT_KEY", "me", java.time.Duration.ofMinutes(1)))
        .isInstanceOfSatisfying(
            SecretStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(SecretStoreException.Reason.PERMISSION_DENIED))
        .hasMessageContaining("401")
        .hasMessageContaining("Lease billing/keyward.unkey.unkey-root-key");
    cluster.refuse(500, r -> true);
    assertThatThrownBy(() -> store.read("UNKEY_ROOT_KEY"))
        .isInstanceOf(KubernetesCallException.class)
        .hasMessageContaining("HTTP 500")
        .hasMessageContaining("get Secret billing/unkey");
  }

  @Test
  void aDataKeyThatHoldsNoKeyIsTyped() {
    cluster.createSecret(Map.of("UNKEY_ROOT_KEY", "not a key"));
    assertThatThrownBy(() -> cluster.store().read("UNKEY_ROOT_KEY"))
        .isInstanceOf(SecretStoreException.class)
        .hasMessageContaining("data key UNKEY_ROOT_KEY of Secret billing/unkey does not hold a key")
        .message()
        .doesNotContain("not a key");
  }

  @Test
  void namesMustBeDataKeysAndAnnotationNames() {
    assertThatThrownBy(() -> cluster.store().read("bad/name"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name must match");
  }
}
