package dev.keyward.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.rotation.RootKeyIssuer;
import dev.keyward.rotation.RootKeyRotation;
import dev.keyward.rotation.RotationJournal;
import dev.keyward.rotation.RotationReport;
import dev.keyward.rotation.RotationVerifier;
import dev.keyward.rotation.SecretVersion;
import dev.keyward.rotation.VersionedSecret;
import dev.keyward.rotation.VersionedSecretStore.Lease;
import dev.keyward.rotation.VersionedSecretStore.Stage;
import dev.keyward.testing.InMemoryUnkey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The README's IAM policy lists exactly the Secrets Manager actions keyward calls: the fake records
 * every {@code X-Amz-Target} while a rotation, the rotation function's four steps and every store
 * operation but {@code delete} run, and the set must equal the policy's {@code Action} list.
 */
class IamPolicyTest {
  static final List<String> PERMS = List.of("api.*.verify_key", "api.*.read_key");

  @TempDir Path dir;

  @Test
  void readmePolicyListsExactlyTheActionsCalled() throws Exception {
    Map<String, Object> policy = readmePolicy();
    @SuppressWarnings("unchecked")
    Map<String, Object> statement = ((List<Map<String, Object>>) policy.get("Statement")).get(0);
    @SuppressWarnings("unchecked")
    List<String> listed = (List<String>) statement.get("Action");
    assertThat(statement.get("Effect")).isEqualTo("Allow");
    assertThat((String) statement.get("Resource"))
        .startsWith("arn:aws:secretsmanager:")
        .endsWith(":secret:prod/billing/*");

    try (FakeSecretsManager fake = FakeSecretsManager.start();
        SecretsManagerClient client = fake.client()) {
      SecretsManagerStore store =
          SecretsManagerStore.builder(client).prefix("prod/billing/").build();
      InMemoryUnkey workspace = InMemoryUnkey.builder().build();
      CreatedKey service =
          workspace.rootKeys().create(CreateRootKeyRequest.builder(PERMS).name("billing").build());
      store.write("UNKEY_ROOT_KEY", service.key(), SecretVersion.ABSENT, token());

      RotationReport report =
          RootKeyRotation.builder()
              .oldKeyId(service.keyId())
              .issuer(RootKeyIssuer.of(workspace))
              .store(store, "UNKEY_ROOT_KEY")
              .verifier(RotationVerifier.authenticatingWith(workspace))
              .journal(RotationJournal.open(dir.resolve("journal")))
              .build()
              .execute();
      assertThat(report.status()).isEqualTo(RotationReport.Status.DONE);

      SecretsManagerRotationFunction function =
          SecretsManagerRotationFunction.builder(store, workspace).build();
      String token = token();
      for (String step : List.of("createSecret", "setSecret", "testSecret", "finishSecret")) {
        function.handleRequest(
            Map.of("Step", step, "SecretId", "UNKEY_ROOT_KEY", "ClientRequestToken", token));
      }

      VersionedSecret current = store.readVersioned("UNKEY_ROOT_KEY").orElseThrow();
      store.write("UNKEY_ROOT_KEY", Secret.of("unkey_x" + token()), current.version(), token());
      VersionedSecret staged =
          store.stage("UNKEY_ROOT_KEY", Secret.of("unkey_y" + token()), token());
      store.unstage("UNKEY_ROOT_KEY", staged.version());
      store.readStage("UNKEY_ROOT_KEY", Stage.PREVIOUS);
      store.write("OTHER_KEY", Secret.of("unkey_z" + token()));
      try (Lease lease = store.tryLock("UNKEY_ROOT_KEY", "iam-test", Duration.ofMinutes(1))) {
        lease.renew();
      }

      TreeSet<String> called = new TreeSet<>(fake.actions());
      TreeSet<String> inPolicy =
          listed.stream()
              .map(a -> a.replaceFirst("^secretsmanager:", ""))
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(called).isEqualTo(inPolicy);
      assertThat(fake.missingAuthorization()).isEmpty();
    }
  }

  private static String token() {
    return UUID.randomUUID().toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> readmePolicy() throws Exception {
    Path root = Path.of(System.getProperty("keyward.rootDir", "..")).toAbsolutePath();
    String readme = Files.readString(root.resolve("README.md"));
    String marker = "<!-- readme:aws-iam-policy -->";
    int at = readme.indexOf(marker);
    assertThat(at).as("README has the marker " + marker).isGreaterThan(0);
    int start = readme.indexOf("```json\n", at) + "```json\n".length();
    int end = readme.indexOf("```", start);
    return (Map<String, Object>)
        new Moshi.Builder().build().adapter(Object.class).fromJson(readme.substring(start, end));
  }
}
