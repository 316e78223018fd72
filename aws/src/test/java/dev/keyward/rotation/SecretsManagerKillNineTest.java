package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.aws.FakeSecretsManager;
import dev.keyward.aws.SecretsManagerStore;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.ListRootKeysRequest;
import dev.keyward.model.RootKeyInfo;
import dev.keyward.testing.FakeUnkeyServer;
import dev.keyward.testing.InMemoryUnkey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Runs a root-key rotation on the Secrets Manager store in a child JVM that talks to this JVM's
 * FakeUnkeyServer and fake Secrets Manager, kills it with SIGKILL after each journal record in
 * turn, resumes in a new JVM (whose clock is past the dead child's lease), and checks against both
 * fakes: one live successor, stored as AWSCURRENT, no AWSPENDING left, no plaintext in the journal.
 * Long: runs with {@code -Plong}.
 */
@Tag("long")
class SecretsManagerKillNineTest {
  static final List<String> PERMS = List.of("api.*.verify_key", "api.*.read_key");

  @TempDir Path root;

  @Test
  void resumeInANewJvmAfterKillNineAtEveryJournalStep() throws Exception {
    int killedAt = 0;
    try (FakeSecretsManager aws = FakeSecretsManager.start();
        SecretsManagerClient client = aws.client()) {
      for (int k = 0; k < 40; k++) {
        InMemoryUnkey workspace = InMemoryUnkey.builder().build();
        CreatedKey service =
            workspace.rootKeys().create(CreateRootKeyRequest.builder(PERMS).name("svc").build());
        Path dir = Files.createDirectories(root.resolve("k" + k));
        String prefix = "kill/" + k + "/";
        SecretsManagerStore store = SecretsManagerStore.builder(client).prefix(prefix).build();
        store.write("UNKEY_ROOT_KEY", service.key());
        try (FakeUnkeyServer server = FakeUnkeyServer.start(workspace)) {
          String first = runChild(server, aws, service.keyId(), dir, prefix, k, false);
          if (first.startsWith("status")) {
            assertThat(killedAt).as("journal steps killed at").isGreaterThan(8);
            return;
          }
          killedAt++;
          String resumed = runChild(server, aws, service.keyId(), dir, prefix, -1, true);
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
          assertThat(marked.get(0).start()).as(at).isEqualTo(stored.start());
          assertThat(store.readStage("UNKEY_ROOT_KEY", VersionedSecretStore.Stage.PENDING))
              .as(at + ": no pending version left")
              .isEmpty();
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
    }
    throw new AssertionError("the rotation never finished");
  }

  private String runChild(
      FakeUnkeyServer server,
      FakeSecretsManager aws,
      String oldKeyId,
      Path dir,
      String prefix,
      int killAt,
      boolean resume)
      throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                SecretsManagerKillNineChild.class.getName(),
                server.url(),
                aws.endpoint().toString(),
                oldKeyId,
                dir.toString(),
                prefix,
                resume ? "resume" : "first"));
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectError(dir.resolve("child-stderr.txt").toFile());
    pb.environment().put("KEYWARD_TEST_ADMIN_KEY", server.bootstrapKey().reveal());
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
        "child ended without a status: " + Files.readString(dir.resolve("child-stderr.txt")));
  }
}
