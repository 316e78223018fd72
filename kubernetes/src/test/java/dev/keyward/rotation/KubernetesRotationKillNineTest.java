package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.key.Secret;
import dev.keyward.kubernetes.KubernetesSecretStore;
import dev.keyward.kubernetes.MockCluster;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.ListRootKeysRequest;
import dev.keyward.model.RootKeyInfo;
import dev.keyward.testing.FakeUnkeyServer;
import dev.keyward.testing.InMemoryUnkey;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code kill -9} run on the Kubernetes store: a rotation in a child JVM, against a mock
 * Kubernetes server and a {@code FakeUnkeyServer} in this JVM, is killed with SIGKILL after each
 * journal record in turn; its Lease is then let expire (its {@code renewTime} moved a day back, as
 * if the ttl had passed), and a new JVM resumes. Invariant 2 is checked against both servers.
 */
@Tag("long")
class KubernetesRotationKillNineTest {
  static final List<String> PERMS = List.of("api.*.verify_key", "api.*.read_key");

  @TempDir Path root;

  @Test
  void resumeInANewJvmAfterKillNineAtEveryJournalStep() throws Exception {
    int killedAt = 0;
    for (int k = 0; k < 40; k++) {
      InMemoryUnkey workspace = InMemoryUnkey.builder().build();
      CreatedKey service =
          workspace.rootKeys().create(CreateRootKeyRequest.builder(PERMS).name("svc").build());
      Path dir = Files.createDirectories(root.resolve("k" + k));
      try (MockCluster cluster = MockCluster.start();
          FakeUnkeyServer unkey = FakeUnkeyServer.start(workspace)) {
        KubernetesSecretStore store = cluster.store();
        store.write("UNKEY_ROOT_KEY", service.key());
        String admin = unkey.bootstrapKey().reveal();
        String[] args = {
          cluster.url(), unkey.url(), service.keyId(), dir.resolve("journal").toString(), "journal"
        };
        String first;
        try (ChildJvm child = new ChildJvm(dir.resolve("stderr-1.txt"), admin, args)) {
          first = runUntil(child, k);
        }
        if (first.startsWith("status")) {
          assertThat(killedAt).as("journal steps killed at").isGreaterThan(8);
          return;
        }
        killedAt++;
        expireLeases(cluster.newClient());
        String resumed;
        try (ChildJvm child = new ChildJvm(dir.resolve("stderr-2.txt"), admin, args)) {
          resumed = runUntil(child, -1);
        }
        String at = "killed after " + k + " journal records";
        assertThat(resumed).as(at).startsWith("status DONE");
        String newKeyId = resumed.split(" ")[2];
        List<RootKeyInfo> marked =
            workspace.rootKeys().listAll(ListRootKeysRequest.of()).stream()
                .filter(r -> r.name() != null && r.name().startsWith("svc"))
                .toList();
        assertThat(marked)
            .as(at + ": exactly one live successor, no old key")
            .extracting(RootKeyInfo::keyId)
            .containsExactly(newKeyId);
        Secret stored = store.read("UNKEY_ROOT_KEY").orElseThrow();
        assertThat(store.readStage("UNKEY_ROOT_KEY", VersionedSecretStore.Stage.PENDING))
            .as(at + ": no pending version left")
            .isEmpty();
        assertThat(marked.get(0).start()).as(at).isEqualTo(stored.start());
        assertThat(workspace.as(stored).keys().verify(Secret.of("unkey_nonexistent000000")).valid())
            .isFalse();
        try (Stream<Path> files = Files.list(dir.resolve("journal"))) {
          for (Path f : files.toList()) {
            assertThat(Files.readString(f))
                .as(at)
                .doesNotContain(stored.reveal())
                .doesNotContain(service.key().reveal());
          }
        }
      }
    }
    throw new AssertionError("the rotation never finished");
  }

  /** Answers the child's pauses until it has {@code killAt} durable records, then kills it. */
  private static String runUntil(ChildJvm child, int killAt) throws Exception {
    while (true) {
      String line = child.readLine();
      if (line.startsWith("status") || line.startsWith("refused")) {
        return line;
      }
      if (line.equals("at " + killAt)) {
        assertThat(child.kill()).as("killed by SIGKILL").isEqualTo(137);
        return "killed";
      }
      child.go();
    }
  }

  /** What the passing of a Lease's ttl does: its renewTime lies a day in the past. */
  private static void expireLeases(KubernetesClient client) {
    for (Lease l : client.leases().inNamespace(MockCluster.NAMESPACE).list().getItems()) {
      if (l.getSpec().getRenewTime() != null) {
        l.getSpec().setRenewTime(ZonedDateTime.now(ZoneOffset.UTC).minusDays(1));
        client.leases().inNamespace(MockCluster.NAMESPACE).resource(l).update();
      }
    }
  }
}
