package dev.keyward.examples;

import dev.keyward.NotFoundException;
import dev.keyward.Unkey;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.rotation.LeakReport;
import dev.keyward.rotation.LeakResponse;
import dev.keyward.rotation.RootKeyIssuer;
import dev.keyward.rotation.RootKeyRotation;
import dev.keyward.rotation.RotationJournal;
import dev.keyward.rotation.RotationReport;
import dev.keyward.rotation.RotationVerifier;
import dev.keyward.rotation.SecretStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Rotates a root key kept in an {@code .env} file, then runs the leak playbook on its successor,
 * printing every step. Servers that manage root keys only in a dashboard (unkey.com answers 404 to
 * {@code rootKeys.*}) get a note and no rotation.
 */
public final class RotationDemo {
  private static final List<String> PERMISSIONS = List.of("api.*.verify_key", "api.*.read_key");

  private RotationDemo() {}

  /**
   * Runs the demo against {@code unkey} (a workspace-admin client). Its {@code .env} file, journal
   * and lock files go to a new directory inside {@code tempDir}, which is deleted with everything
   * in it when the demo ends, also when it fails.
   */
  public static void run(Unkey unkey, PrintStream out, Path tempDir) throws IOException {
    Path dir = Files.createTempDirectory(tempDir, "rotation-");
    try {
      runIn(unkey, out, dir);
    } finally {
      deleteTree(dir);
    }
  }

  /** Deletes {@code root} and everything in it (links themselves, never their targets). */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path path : paths) {
      Files.deleteIfExists(path);
    }
  }

  private static void runIn(Unkey unkey, PrintStream out, Path tempDir) throws IOException {
    CreatedKey service;
    try {
      service =
          unkey
              .rootKeys()
              .create(
                  CreateRootKeyRequest.builder(PERMISSIONS).name("keyward demo service").build());
    } catch (NotFoundException e) {
      out.println(
          "rotation: the server answered 404 to rootKeys.createRootKey: root keys are managed in"
              + " its dashboard there, so the rotation demo is skipped (use"
              + " RootKeyIssuer.dashboard())");
      return;
    }
    Path env = tempDir.resolve(".env");
    // owner-only from the first byte: the file holds a root key
    Files.createFile(
        env, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(
        env, "# keyward rotation demo\nUNKEY_ROOT_KEY=" + service.key().reveal() + "\n");
    out.println(
        "rotation: created root key "
            + service.keyId()
            + " "
            + service.key()
            + " and wrote it to "
            + env);

    RootKeyRotation rotation =
        RootKeyRotation.builder()
            .oldKeyId(service.keyId())
            .issuer(RootKeyIssuer.of(unkey))
            .store(SecretStore.envFile(env), "UNKEY_ROOT_KEY")
            .deploy(
                (planId, newKeyId) ->
                    out.println("rotation: deploy hook: services now read " + newKeyId))
            .verifier(
                RotationVerifier.authenticatingWith(unkey)
                    // the caller's own check (c): here, the service's typical call works with the
                    // new key
                    .withCheck(
                        secret ->
                            unkey.withRootKey(secret).keys().verify("keyward_demo_probe").code()
                                != null,
                        Duration.ofSeconds(10)))
            .journal(RotationJournal.open(tempDir.resolve("journal")))
            .build();
    rotation.plan().forEach(step -> out.println("rotation: plan " + step));
    RotationReport report = rotation.execute();
    report.events().forEach(event -> out.println("rotation: " + event));
    out.println("rotation: " + report.status() + ", new key " + report.newKeyId().orElse("-"));
    if (report.status() != RotationReport.Status.DONE) {
      return;
    }

    String apiId = unkey.apis().create(CreateApiRequest.of("keyward-demo-leak")).apiId();
    Clock clock = Clock.systemUTC();
    var since = clock.instant().minus(Duration.ofMinutes(1));
    CreatedKey recent =
        unkey.keys().create(CreateKeyRequest.builder(apiId).name("made after the leak").build());
    out.println("leak: API key " + recent.keyId() + " was created after the leak began");
    LeakReport leak =
        LeakResponse.builder()
            .leakedKeyId(report.newKeyId().orElseThrow())
            .issuer(RootKeyIssuer.of(unkey))
            .store(SecretStore.envFile(env), "UNKEY_ROOT_KEY")
            .verifier(RotationVerifier.authenticatingWith(unkey))
            .reviewApiKeys(unkey, List.of(apiId), since)
            .reroll(
                Duration.ZERO,
                (old, created) ->
                    out.println(
                        "leak: successor of "
                            + old
                            + " is "
                            + created.keyId()
                            + " "
                            + created.key()))
            .clock(clock)
            .build()
            .execute();
    leak.events().forEach(event -> out.println("leak: " + event));
    out.println(
        "leak: downtime "
            + leak.downtime().map(Duration::toString).orElse("open")
            + leak.failure().map(f -> ", failed: " + f.getMessage()).orElse(""));

    unkey.apis().delete(apiId);
    leak.replacementKeyId().ifPresent(id -> unkey.rootKeys().delete(id));
    out.println("rotation: cleaned up the demo API and root key");
  }
}
