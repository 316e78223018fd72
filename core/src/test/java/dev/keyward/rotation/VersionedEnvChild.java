package dev.keyward.rotation;

import dev.keyward.key.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * The child JVM of {@link VersionedEnvFileStoreAttackTest}. Modes (first argument):
 *
 * <ul>
 *   <li>{@code plain <env> <name> <value>}: one plain {@code write}, then prints {@code done}.
 *   <li>{@code loop <env> <name>}: compare-and-set writes for ever, printing {@code writing} after
 *       the first; the parent kills it with SIGKILL.
 *   <li>{@code rounds <env> <name> <dir> <id> <n>}: for each round r, reads the current version,
 *       creates {@code ready-r-id}, waits for {@code go-r}, writes {@code id-r} expecting the
 *       version read, and writes {@code won|conflict <start> <end>} (System.nanoTime) to {@code
 *       done-r-id}.
 * </ul>
 */
public final class VersionedEnvChild {
  private VersionedEnvChild() {}

  public static void main(String[] args) throws Exception {
    VersionedSecretStore store = VersionedSecretStore.envFile(Path.of(args[1]));
    String name = args[2];
    switch (args[0]) {
      case "plain" -> {
        store.write(name, Secret.of(args[3]));
        System.out.println("done");
      }
      case "loop" -> {
        for (long i = 0; ; i++) {
          SecretVersion v = store.readVersioned(name).orElseThrow().version();
          store.write(name, Secret.of("unkey_v" + i), v, token());
          if (i == 0) {
            System.out.println("writing");
            System.out.flush();
          }
        }
      }
      case "rounds" -> {
        Path dir = Path.of(args[3]);
        String id = args[4];
        for (int r = 0; r < Integer.parseInt(args[5]); r++) {
          SecretVersion v = store.readVersioned(name).orElseThrow().version();
          Files.createFile(dir.resolve("ready-" + r + "-" + id));
          while (!Files.exists(dir.resolve("go-" + r))) {
            Thread.onSpinWait();
          }
          long start = System.nanoTime();
          String outcome;
          try {
            store.write(name, Secret.of("unkey_" + id + "x" + r), v, token());
            outcome = "won";
          } catch (SecretStoreConflictException e) {
            outcome = "conflict";
          }
          long end = System.nanoTime();
          Path temp = dir.resolve("tmp-" + r + "-" + id);
          Files.writeString(temp, outcome + " " + start + " " + end);
          Files.move(temp, dir.resolve("done-" + r + "-" + id), StandardCopyOption.ATOMIC_MOVE);
        }
      }
      default -> throw new IllegalArgumentException("unknown mode");
    }
  }

  private static String token() {
    return UUID.randomUUID().toString().replace("-", "");
  }
}
