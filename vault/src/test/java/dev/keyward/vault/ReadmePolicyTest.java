package dev.keyward.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.key.Secret;
import dev.keyward.rotation.SecretVersion;
import dev.keyward.rotation.VersionedSecret;
import dev.keyward.rotation.VersionedSecretStore.Lease;
import dev.keyward.rotation.VersionedSecretStore.Stage;
import dev.keyward.testing.TestClock;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's Vault policy is exactly what the store needs: every operation of a rotation (write,
 * stage, promote, read of every stage, unstage, delete, lease take/renew/release) succeeds with a
 * token holding only that policy, and the capabilities the fake saw used are the ones it lists.
 */
class ReadmePolicyTest {
  private static final Pattern BLOCK =
      Pattern.compile("<!-- vault-policy -->\\n```hcl\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern RULE =
      Pattern.compile("path \"([^\"]+)\" \\{\\s*capabilities = \\[([^]]*)]\\s*}");

  static Map<String, Set<String>> readmePolicy() throws IOException {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (!Files.isRegularFile(dir.resolve("README.md"))) {
      dir = dir.getParent();
    }
    Matcher block = BLOCK.matcher(Files.readString(dir.resolve("README.md")));
    assertThat(block.find()).as("README has the vault-policy block").isTrue();
    Map<String, Set<String>> policy = new LinkedHashMap<>();
    Matcher rule = RULE.matcher(block.group(1));
    while (rule.find()) {
      policy.put(
          rule.group(1),
          Arrays.stream(rule.group(2).split(","))
              .map(c -> c.trim().replace("\"", ""))
              .collect(Collectors.toCollection(TreeSet::new)));
    }
    return policy;
  }

  @Test
  void theReadmePolicyIsWhatARotationUses() throws IOException {
    Map<String, Set<String>> policy = readmePolicy();
    assertThat(policy).isNotEmpty();
    TestClock clock = TestClock.create();
    try (FakeVaultServer vault = FakeVaultServer.start(clock)) {
      Secret secretId = Secret.of("approle-secret-id-policy-test-000");
      vault.appRole("billing-rotator", secretId, policy, Duration.ofHours(1));
      VaultSecretStore store =
          VaultSecretStore.builder(
                  URI.create(vault.url()), VaultAuth.appRole("billing-rotator", secretId))
              .pathPrefix("billing/")
              .clock(clock)
              .build();
      String name = "UNKEY_ROOT_KEY";
      try (Lease lease = store.tryLock(name, "policy-test", Duration.ofMinutes(5))) {
        lease.renew();
        VersionedSecret first =
            store.write(
                name,
                Secret.of("unkey_policyOld000000000000"),
                SecretVersion.ABSENT,
                "tok-11111111111111111111111111111111");
        VersionedSecret staged =
            store.stage(
                name,
                Secret.of("unkey_policyNew000000000000"),
                "tok-22222222222222222222222222222222");
        store.promote(name, staged.version());
        assertThat(store.readStage(name, Stage.PREVIOUS).orElseThrow().version())
            .isEqualTo(first.version());
        VersionedSecret again =
            store.stage(
                name,
                Secret.of("unkey_policyThird0000000000"),
                "tok-33333333333333333333333333333333");
        store.readStage(name, Stage.PENDING).orElseThrow();
        store.unstage(name, again.version());
        store.delete(name);
      }
      Set<String> used = new TreeSet<>();
      for (FakeVaultServer.Access a : vault.accesses()) {
        assertThat(a.capability()).as(a.toString()).isNotEqualTo("denied");
        if (a.path().equals("auth/approle/login")) {
          continue; // needs no policy
        }
        String glob =
            policy.keySet().stream()
                .filter(
                    g ->
                        g.endsWith("*")
                            ? a.path().startsWith(g.replace("*", ""))
                            : a.path().equals(g))
                .findFirst()
                .orElse(null);
        assertThat(glob).as("a README rule covers " + a).isNotNull();
        assertThat(policy.get(glob)).as(a.toString()).contains(a.capability());
        used.add(a.capability());
      }
      Set<String> listed = new TreeSet<>();
      policy.values().forEach(listed::addAll);
      assertThat(used).as("the README lists no capability the store never uses").isEqualTo(listed);
    }
  }
}
