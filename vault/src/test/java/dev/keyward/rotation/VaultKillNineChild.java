package dev.keyward.rotation;

import dev.keyward.http.RequestOptions;
import dev.keyward.http.RetryPolicy;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.Secret;
import dev.keyward.vault.VaultAuth;
import dev.keyward.vault.VaultSecretStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The child JVM of {@link VaultKillNineTest}: runs (or resumes) a root-key rotation against the
 * parent's {@code FakeUnkeyServer} with the key in the parent's {@code FakeVaultServer}. Before
 * each journal write it prints {@code at <n>} and waits for the parent's answer, so the parent can
 * {@code kill -9} it there. Arguments: Unkey URL, old key id, working directory, Vault URL, path
 * prefix, minutes to add to the store's clock (a resume's: the dead run's lease has expired); the
 * admin key comes in {@code KEYWARD_TEST_ADMIN_KEY}, the Vault token in {@code
 * KEYWARD_TEST_VAULT_TOKEN}.
 */
public final class VaultKillNineChild {
  private VaultKillNineChild() {}

  public static void main(String[] args) {
    String url = args[0];
    String oldKeyId = args[1];
    Path dir = Path.of(args[2]);
    UnkeyHttpClient admin =
        UnkeyHttpClient.builder()
            .baseUrl(url)
            .rootKey(Secret.of(System.getenv("KEYWARD_TEST_ADMIN_KEY")))
            .retryPolicy(RetryPolicy.none())
            .noHttpLogging()
            .build();
    BufferedReader parent =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    int[] records = {0};
    Storage pausing =
        new Storage() {
          @Override
          public FileChannel open(Path path, OpenOption... options) throws IOException {
            return SYSTEM.open(path, options);
          }

          @Override
          public void move(Path from, Path to) throws IOException {
            SYSTEM.move(from, to);
          }

          @Override
          public void syncDirectory(Path directory) throws IOException {
            SYSTEM.syncDirectory(directory);
          }

          @Override
          public void checkpoint(String name) {
            if (name.startsWith("journal.write:")) {
              System.out.println("at " + records[0]);
              System.out.flush();
              try {
                if (parent.readLine() == null) {
                  System.exit(3);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              records[0]++;
            }
          }
        };
    RotationReport report =
        RootKeyRotation.builder()
            .oldKeyId(oldKeyId)
            .issuer(RootKeyIssuer.of(admin))
            .store(
                VaultSecretStore.builder(
                        URI.create(args[3]),
                        VaultAuth.token(Secret.of(System.getenv("KEYWARD_TEST_VAULT_TOKEN"))))
                    .pathPrefix(args[4])
                    .clock(
                        Clock.offset(
                            Clock.systemUTC(), Duration.ofMinutes(Long.parseLong(args[5]))))
                    .build(),
                "UNKEY_ROOT_KEY")
            .verifier(
                RotationVerifier.authenticatingWith(
                    k -> admin.withOptions(RequestOptions.builder().rootKey(k).build())))
            .journal(RotationJournal.open(dir.resolve("journal"), pausing))
            .build()
            .execute();
    System.out.println("status " + report.status() + " " + report.newKeyId().orElse("-"));
    System.out.flush();
  }
}
