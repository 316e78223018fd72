package dev.keyward.rotation;

import dev.keyward.key.Secret;
import java.nio.file.Path;

/**
 * The child JVM of {@link EnvFileKillTest}: writes {@code <name>=v<i>} into the {@code .env} file
 * for ever, printing {@code writing} after its first write; the parent kills it with SIGKILL. A
 * failed write ends it with status 1. Arguments: the {@code .env} path and the variable name.
 */
public final class EnvWriteChild {
  private EnvWriteChild() {}

  public static void main(String[] args) {
    SecretStore store = SecretStore.envFile(Path.of(args[0]));
    for (long i = 0; ; i++) {
      try {
        store.write(args[1], Secret.of("v" + i));
      } catch (RuntimeException e) {
        System.out.println("failed: " + e);
        System.out.flush();
        System.exit(1);
      }
      if (i == 0) {
        System.out.println("writing");
        System.out.flush();
      }
    }
  }
}
