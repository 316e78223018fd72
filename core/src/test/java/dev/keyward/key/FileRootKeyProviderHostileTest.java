package dev.keyward.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attacks on {@link RootKeyProvider#fromFile}: a FIFO, a huge file, a file being replaced. */
class FileRootKeyProviderHostileTest {
  private static final String KEY_A = "unkey_3ZxKq8mPv7RtWbN2cYhJdE";
  private static final String KEY_B = "unkey_9QwErTyUiOpAsDfGhJkLzX";

  @TempDir Path dir;

  @Test
  void aFifoIsRefusedInsteadOfBlockingEveryCaller() throws Exception {
    Path fifo = dir.resolve("root-key");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(p.waitFor()).isZero();
    RootKeyProvider provider = RootKeyProvider.fromFile(fifo);
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                provider.current();
                thrown.complete(null);
              } catch (Throwable t) {
                thrown.complete(t);
              }
            });
    caller.setDaemon(true);
    caller.start();
    Throwable refusal;
    try {
      refusal = thrown.get(5, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      try (FileChannel release =
          FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        release.write(ByteBuffer.wrap(new byte[1])); // let the blocked reader go
      }
      throw new AssertionError("current() blocked on a FIFO", e);
    }
    assertThat(refusal)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not a regular file");
  }

  @Test
  void aHugeFileIsRefusedBySizeWithoutBeingRead() throws Exception {
    Path huge = dir.resolve("root-key");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(1L << 40); // sparse: a terabyte, would never fit in memory
    }
    assertThatThrownBy(RootKeyProvider.fromFile(huge)::current)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("larger than 4096 bytes");
  }

  @Test
  void aFileAtomicallyReplacedWhileReadIsAlwaysOneWholeKey() throws Exception {
    Path file = dir.resolve("root-key");
    Files.writeString(file, KEY_A + "\n");
    RootKeyProvider provider = RootKeyProvider.fromFile(file);
    AtomicBoolean stop = new AtomicBoolean();
    Thread swapper =
        new Thread(
            () -> {
              int i = 0;
              while (!stop.get()) {
                try {
                  Path tmp = dir.resolve("tmp");
                  Files.write(
                      tmp,
                      ((i++ % 2 == 0 ? KEY_B : KEY_A) + "\n").getBytes(StandardCharsets.UTF_8));
                  Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }
            });
    swapper.start();
    try {
      for (int i = 0; i < 2000; i++) {
        assertThat(provider.current().reveal()).isIn(Set.of(KEY_A, KEY_B));
      }
    } finally {
      stop.set(true);
      swapper.join();
    }
  }
}
