package dev.keyward.rotation;

import dev.keyward.aws.FakeSecretsManager;
import dev.keyward.aws.SecretsManagerStore;
import dev.keyward.http.RequestOptions;
import dev.keyward.http.RetryPolicy;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.Secret;
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
 * The child JVM of {@link SecretsManagerKillNineTest}: runs (or resumes) a root-key rotation
 * against the parent's FakeUnkeyServer, with the key in the parent's fake Secrets Manager. Before
 * each journal write it prints {@code at <n>} and waits for the parent's go. Arguments: Unkey URL,
 * Secrets Manager URL, old key id, working directory, secret prefix, and {@code resume} for a run
 * whose lease clock is past the dead child's lease.
 */
public final class SecretsManagerKillNineChild {
  private SecretsManagerKillNineChild() {}

  public static void main(String[] args) {
    UnkeyHttpClient admin =
        UnkeyHttpClient.builder()
            .baseUrl(args[0])
            .rootKey(Secret.of(System.getenv("KEYWARD_TEST_ADMIN_KEY")))
            .retryPolicy(RetryPolicy.none())
            .noHttpLogging()
            .build();
    Path dir = Path.of(args[3]);
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
    Clock clock =
        args.length > 5 && args[5].equals("resume")
            ? Clock.offset(Clock.systemUTC(), RootStaging.LEASE_MARGIN.plus(Duration.ofMinutes(5)))
            : Clock.systemUTC();
    SecretsManagerStore store =
        SecretsManagerStore.builder(
                FakeSecretsManager.client(URI.create(args[1]), "AKIAKEYWARDCHILD0000"))
            .prefix(args[4])
            .clock(clock)
            .build();
    RotationReport report =
        RootKeyRotation.builder()
            .oldKeyId(args[2])
            .issuer(RootKeyIssuer.of(admin))
            .store(store, "UNKEY_ROOT_KEY")
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
