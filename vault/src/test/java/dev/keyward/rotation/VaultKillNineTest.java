package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.key.Secret;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.ListRootKeysRequest;
import dev.keyward.model.RootKeyInfo;
import dev.keyward.testing.FakeUnkeyServer;
import dev.keyward.testing.InMemoryUnkey;
import dev.keyward.vault.FakeVaultServer;
import dev.keyward.vault.VaultAuth;
import dev.keyward.vault.VaultSecretStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill -9 run on the Vault store: a root-key rotation in a child JVM against a {@link
 * FakeUnkeyServer} and a {@link FakeVaultServer} in this JVM, killed with SIGKILL after each
 * journal record in turn and resumed in a new JVM (whose store clock is past the dead run's lease);
 * checks Invariant 2 against both servers. Long (child JVMs): runs with {@code -Plong}.
 */
@Tag("long")
class VaultKillNineTest {
  static final List<String> PERMS = List.of("api.*.verify_key", "api.*.read_key");

  @TempDir Path root;

  final FakeVaultServer vault = FakeVaultServer.start(Clock.systemUTC());

  @AfterEach
  void stop() {
    vault.close();
  }

  VaultSecretStore store(String prefix) {
    return VaultSecretStore.builder(URI.create(vault.url()), VaultAuth.token(vault.rootToken()))
        .pathPrefix(prefix)
        .build();
  }

  @Test
  void resumeInANewJvmAfterKillNineAtEveryJournalStep() throws Exception {
    int killedAt = 0;
    for (int k = 0; k < 40; k++) {
      InMemoryUnkey workspace = InMemoryUnkey.builder().build();
      CreatedKey service =
          workspace.rootKeys().create(CreateRootKeyRequest.builder(PERMS).name("svc").build());
      Path dir = Files.createDirectories(root.resolve("k" + k));
      String prefix = "k" + k + "/";
      store(prefix).write("UNKEY_ROOT_KEY", service.key());
      try (FakeUnkeyServer server = FakeUnkeyServer.start(workspace)) {
        String first = runChild(server, service.keyId(), dir, k, prefix, 0);
        if (first.startsWith("status")) {
          assertThat(killedAt).as("journal steps killed at").isGreaterThan(8);
          return;
        }
        killedAt++;
        String resumed = runChild(server, service.keyId(), dir, -1, prefix, 20);
        String at = "killed after " + k + " journal records";
        assertThat(resumed).as(at).startsWith("status DONE");
        String newKeyId = resumed.split(" ")[2];

        List<RootKeyInfo> live =
            workspace.rootKeys().listAll(ListRootKeysRequest.of()).stream().toList();
        List<RootKeyInfo> marked =
            live.stream().filter(r -> r.name() != null && r.name().startsWith("svc")).toList();
        assertThat(marked)
            .as(at + ": exactly one live successor, no old key")
            .extracting(RootKeyInfo::keyId)
            .containsExactly(newKeyId);
        Secret stored = store(prefix).read("UNKEY_ROOT_KEY").orElseThrow();
        assertThat(store(prefix).readStage("UNKEY_ROOT_KEY", VersionedSecretStore.Stage.PENDING))
            .as(at + ": no pending version left")
            .isEmpty();
        assertThat(marked.get(0).start()).as(at).isEqualTo(stored.start());
        assertThat(
                workspace
                    .as(stored)
                    .keys()
                    .verify(Secret.of("unkey_nonexistent0000000000"))
                    .valid())
            .isFalse();
        try (Stream<Path> files = Files.list(dir.resolve("journal"))) {
          for (Path f : files.toList()) {
            String text = Files.readString(f);
            assertThat(text)
                .as(at)
                .doesNotContain(stored.reveal())
                .doesNotContain(service.key().reveal());
          }
        }
      }
    }
    throw new AssertionError("the rotation never finished");
  }

  /** Runs the child; kills it with SIGKILL once {@code killAt} records are durable (-1: never). */
  private String runChild(
      FakeUnkeyServer server, String oldKeyId, Path dir, int killAt, String prefix, int minutes)
      throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                VaultKillNineChild.class.getName(),
                server.url(),
                oldKeyId,
                dir.toString(),
                vault.url(),
                prefix,
                Integer.toString(minutes)));
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectError(dir.resolve("child-stderr.txt").toFile());
    pb.environment().put("KEYWARD_TEST_ADMIN_KEY", server.bootstrapKey().reveal());
    pb.environment().put("KEYWARD_TEST_VAULT_TOKEN", vault.rootToken().reveal());
    Process child = pb.start();
    try (BufferedReader out =
            new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        Writer in = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("status")) {
          assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
          return line;
        }
        if (line.equals("at " + killAt)) {
          child.destroyForcibly();
          assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
          assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
          return "killed";
        }
        in.write("go\n");
        in.flush();
      }
    } catch (IOException e) {
      // the child's pipes close when it dies
    }
    child.waitFor(30, TimeUnit.SECONDS);
    throw new AssertionError(
        "child ended without a status; see "
            + dir.resolve("child-stderr.txt")
            + ": "
            + Files.readString(dir.resolve("child-stderr.txt")));
  }
}
