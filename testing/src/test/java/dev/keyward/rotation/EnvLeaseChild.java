package dev.keyward.rotation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child JVM of {@link EnvFileVersionedStoreContractTest}: takes the lease of the {@code .env}
 * file (arguments: file, name, holder), prints {@code locked}, and holds it until killed.
 */
public final class EnvLeaseChild {
  private EnvLeaseChild() {}

  public static void main(String[] args) throws IOException {
    VersionedSecretStore store = VersionedSecretStore.envFile(Path.of(args[0]));
    store.tryLock(args[1], args[2], Duration.ofSeconds(1));
    System.out.println("locked");
    System.out.flush();
    System.in.read(); // held until the parent kills this process
  }
}
