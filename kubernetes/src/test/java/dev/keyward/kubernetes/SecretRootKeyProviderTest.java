package dev.keyward.kubernetes;

import static dev.keyward.kubernetes.MockCluster.NAMESPACE;
import static dev.keyward.kubernetes.MockCluster.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.key.Secret;
import dev.keyward.rotation.SecretStoreException;
import dev.keyward.rotation.SecretVersion;
import dev.keyward.rotation.VersionedSecret;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecretRootKeyProviderTest {
  MockCluster cluster;

  @BeforeEach
  void start() {
    cluster = MockCluster.start();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  static Secret key(String label) {
    return Secret.of("unkey_" + label + UUID.randomUUID().toString().replace("-", ""));
  }

  @Test
  void seesARotationWithoutACallPerRead() throws Exception {
    KubernetesSecretStore store = cluster.store();
    Secret first = key("a");
    VersionedSecret v1 =
        store.write("UNKEY_ROOT_KEY", first, SecretVersion.ABSENT, UUID.randomUUID().toString());
    try (SecretRootKeyProvider provider =
        SecretRootKeyProvider.watch(cluster.newClient(), NAMESPACE, SECRET, "UNKEY_ROOT_KEY")) {
      assertThat(provider.current()).isEqualTo(first);
      assertThat(provider.isWatching()).isTrue();
      Secret second = key("b");
      VersionedSecret pending = store.stage("UNKEY_ROOT_KEY", second, UUID.randomUUID().toString());
      store.promote("UNKEY_ROOT_KEY", pending.version());
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!provider.current().equals(second) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(provider.current()).as("the update was seen").isEqualTo(second);
      long gets = cluster.requests().stream().filter(r -> r.startsWith("GET")).count();
      for (int i = 0; i < 50; i++) {
        provider.current();
      }
      assertThat(cluster.requests().stream().filter(r -> r.startsWith("GET")).count())
          .isEqualTo(gets);
      assertThat(provider.toString()).doesNotContain(second.reveal());
      assertThat(v1.version()).isNotEqualTo(pending.version());
    }
  }

  @Test
  void aMissingKeyOrSecretNamesItNeverTheValue() {
    try (SecretRootKeyProvider provider =
        SecretRootKeyProvider.watch(cluster.newClient(), NAMESPACE, SECRET, "UNKEY_ROOT_KEY")) {
      assertThatThrownBy(provider::current)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("Secret billing/unkey has no data key UNKEY_ROOT_KEY");
    }
    try (SecretRootKeyProvider provider =
        SecretRootKeyProvider.watch(cluster.newClient(), NAMESPACE, "gone", "UNKEY_ROOT_KEY")) {
      assertThatThrownBy(provider::current)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Secret billing/gone not found");
    }
  }

  @Test
  void aRefusedWatchIsPermissionDenied() {
    cluster.refuse(403, r -> r.getPath().contains("/secrets"));
    assertThatThrownBy(
            () ->
                SecretRootKeyProvider.watch(
                    cluster.newClient(), NAMESPACE, SECRET, "UNKEY_ROOT_KEY"))
        .isInstanceOfSatisfying(
            SecretStoreException.class,
            e -> assertThat(e.reason()).isEqualTo(SecretStoreException.Reason.PERMISSION_DENIED))
        .hasMessageContaining("list and watch Secret billing/unkey");
  }
}
