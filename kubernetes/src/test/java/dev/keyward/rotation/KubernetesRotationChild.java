package dev.keyward.rotation;

import dev.keyward.http.RequestOptions;
import dev.keyward.http.RetryPolicy;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.Secret;
import dev.keyward.kubernetes.KubernetesSecretStore;
import dev.keyward.kubernetes.MockCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * A child JVM that runs (or resumes) a root-key rotation on the parent's mock Kubernetes server
 * (the store) and {@code FakeUnkeyServer} (the issuer), over loopback. Arguments: Kubernetes URL,
 * Unkey URL, old key id, journal directory, mode: {@code journal} prints {@code at <n>} before each
 * journal write and waits for a line from the parent (so the parent can {@code kill -9} it there);
 * {@code deploy} prints {@code deploying} in the deploy hook and waits for a line; {@code plain}
 * never waits. The admin key comes in {@code KEYWARD_TEST_ADMIN_KEY}. It prints {@code status
 * <STATUS> <newKeyId>}, or {@code refused <holder>} if another rotation holds the lease.
 */
public final class KubernetesRotationChild {
  private KubernetesRotationChild() {}

  public static void main(String[] args) {
    String mode = args[4];
    UnkeyHttpClient admin =
        UnkeyHttpClient.builder()
            .baseUrl(args[1])
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
            if (mode.equals("journal") && name.startsWith("journal.write:")) {
              handshake("at " + records[0]++, parent);
            }
          }
        };
    KubernetesClient client = MockCluster.client(args[0]);
    try {
      RotationReport report =
          RootKeyRotation.builder()
              .oldKeyId(args[2])
              .issuer(RootKeyIssuer.of(admin))
              .store(
                  KubernetesSecretStore.of(client, MockCluster.NAMESPACE, MockCluster.SECRET),
                  "UNKEY_ROOT_KEY")
              .deploy(
                  (planId, keyId) -> {
                    if (mode.equals("deploy")) {
                      handshake("deploying", parent);
                    }
                  })
              .verifier(
                  RotationVerifier.authenticatingWith(
                      k -> admin.withOptions(RequestOptions.builder().rootKey(k).build())))
              .journal(RotationJournal.open(Path.of(args[3]), pausing))
              .build()
              .execute();
      System.out.println("status " + report.status() + " " + report.newKeyId().orElse("-"));
    } catch (ConcurrentRotationException e) {
      System.out.println("refused " + e.holder().orElse("?") + " | " + e.getMessage());
    }
    System.out.flush();
    client.close();
    System.exit(0);
  }

  static void handshake(String line, BufferedReader parent) {
    System.out.println(line);
    System.out.flush();
    try {
      if (parent.readLine() == null) {
        System.exit(3);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
