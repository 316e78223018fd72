package dev.keyward.rotation;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child JVM of {@link RootKeyRotationLockTest}: takes the {@code .env} store's rotation lock
 * for a key, prints {@code locked} (or {@code refused: <message>}), and holds it until its stdin
 * ends. Arguments: the {@code .env} path and the key id.
 */
public final class StoreLockChild {
  private StoreLockChild() {}

  public static void main(String[] args) throws Exception {
    SecretStore store = SecretStore.envFile(Path.of(args[0]));
    try (SecretStore.RotationLock lock = store.lockForRotation(args[1])) {
      System.out.println("locked");
      System.out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      while (in.readLine() != null) {
        // hold the lock until the parent closes our stdin
      }
    } catch (ConcurrentRotationException e) {
      System.out.println("refused: " + e.getMessage());
      System.out.flush();
    }
  }
}
