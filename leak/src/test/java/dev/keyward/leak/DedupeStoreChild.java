package dev.keyward.leak;

import java.nio.file.Path;

/**
 * The child JVM of {@link FileDedupeStoreAttackTest}: opens a file dedupe store and either holds it
 * ({@code hold}: prints {@code open}, then waits for its stdin to close) or appends records for
 * ever ({@code append}: prints {@code appending} after the first). Prints {@code refused} and exits
 * 3 if the store cannot be opened. Arguments: the store's path and the mode.
 */
public final class DedupeStoreChild {
  private DedupeStoreChild() {}

  public static void main(String[] args) throws Exception {
    FileDedupeStore store;
    try {
      store = LeakDedupeStore.file(Path.of(args[0]));
    } catch (java.io.IOException e) {
      System.out.println("refused");
      System.out.flush();
      System.exit(3);
      return;
    }
    if (args[1].equals("hold")) {
      System.out.println("open");
      System.out.flush();
      while (System.in.read() >= 0) {
        // hold the store until the parent closes our stdin or kills us
      }
      store.close();
      return;
    }
    for (long i = 0; ; i++) {
      String hash = TokenHashes.of("token-" + i);
      store.claim(new LeakRecord(hash, TokenKind.API_KEY, "key_" + i, false));
      store.markDone(hash);
      if (i == 0) {
        System.out.println("appending");
        System.out.flush();
      }
    }
  }
}
