package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.key.Secret;
import dev.keyward.kubernetes.KubernetesSecretStore;
import dev.keyward.kubernetes.MockCluster;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.testing.FakeUnkeyServer;
import dev.keyward.testing.InMemoryUnkey;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two rotations of one root key from two JVMs (two machines: each its own journal) against the same
 * Secret of a mock server in this JVM: the first holds the store's Lease while it deploys, the
 * second is refused naming the first as the holder, and the first completes.
 */
class KubernetesTwoJvmRotationTest {
  @TempDir Path dir;

  @Test
  void oneProceedsTheOtherIsRefusedNamingTheHolder() throws Exception {
    InMemoryUnkey workspace = InMemoryUnkey.builder().build();
    CreatedKey service =
        workspace
            .rootKeys()
            .create(CreateRootKeyRequest.builder(List.of("api.*.verify_key")).name("svc").build());
    try (MockCluster cluster = MockCluster.start();
        FakeUnkeyServer unkey = FakeUnkeyServer.start(workspace)) {
      KubernetesSecretStore store = cluster.store();
      store.write("UNKEY_ROOT_KEY", service.key());
      String admin = unkey.bootstrapKey().reveal();
      try (ChildJvm first =
          new ChildJvm(
              dir.resolve("first-stderr.txt"),
              admin,
              cluster.url(),
              unkey.url(),
              service.keyId(),
              dir.resolve("journal-a").toString(),
              "deploy")) {
        assertThat(first.readLine()).isEqualTo("deploying");
        String refusal;
        try (ChildJvm second =
            new ChildJvm(
                dir.resolve("second-stderr.txt"),
                admin,
                cluster.url(),
                unkey.url(),
                service.keyId(),
                dir.resolve("journal-b").toString(),
                "plain")) {
          refusal = second.readLine();
          assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(refusal)
            .startsWith("refused " + service.keyId() + "@" + first.process.pid())
            .contains("the lease on UNKEY_ROOT_KEY is held by " + service.keyId() + "@");
        first.go();
        String status = first.readLine();
        assertThat(status).startsWith("status DONE ");
        Secret stored = store.read("UNKEY_ROOT_KEY").orElseThrow();
        assertThat(stored).isNotEqualTo(service.key());
        assertThat(workspace.as(stored).keys().verify(Secret.of("unkey_nonexistent000000")).valid())
            .isFalse();
        assertThat(refusal).doesNotContain(stored.reveal()).doesNotContain(service.key().reveal());
      }
    }
  }
}
