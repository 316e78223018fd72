package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.keyward.key.Secret;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attacks on the {@code .env} store by a hostile file system and a concurrent world. */
class EnvFileHostileFileSystemTest {
  private static final Duration QUICK = Duration.ofSeconds(5);

  @TempDir Path dir;

  static void mkfifo(Path path) throws Exception {
    Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(p.waitFor()).as("mkfifo").isZero();
  }

  /**
   * Runs {@code call}, which must throw within {@link #QUICK}; if it blocks on {@code fifo}, opens
   * the FIFO at both ends to release it (a blocked open holds locks the rest of the run needs),
   * then fails.
   */
  static Throwable refusedWithoutBlocking(Path fifo, Runnable call) throws Exception {
    CompletableFuture<Throwable> thrown = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                call.run();
                thrown.complete(null);
              } catch (Throwable t) {
                thrown.complete(t);
              }
            });
    thread.setDaemon(true);
    thread.start();
    try {
      Throwable t = thrown.get(QUICK.toSeconds(), TimeUnit.SECONDS);
      assertThat(t).as("refused").isNotNull();
      return t;
    } catch (TimeoutException e) {
      try (FileChannel release =
          FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        release.write(ByteBuffer.wrap(new byte[1]));
      }
      throw new AssertionError("blocked on the FIFO " + fifo.getFileName(), e);
    }
  }

  @Test
  void fifoOrDirectoryInPlaceOfTheEnvFileIsRefusedWithoutBlocking() throws Exception {
    Path fifo = dir.resolve("fifo.env");
    mkfifo(fifo);
    Path directory = Files.createDirectory(dir.resolve("dir.env"));
    for (Path env : List.of(fifo, directory)) {
      SecretStore store = SecretStore.envFile(env);
      for (Runnable call :
          List.<Runnable>of(
              () -> store.read("KEY"),
              () -> store.write("KEY", Secret.of("new")),
              () -> store.delete("KEY"),
              () -> store.lockForRotation("key_1").close())) {
        Throwable refusal =
            env.equals(fifo) ? refusedWithoutBlocking(fifo, call) : catchThrowable(call::run);
        assertThat(refusal)
            .isInstanceOf(SecretStoreException.class)
            .hasMessageContaining("regular file")
            .extracting(e -> ((SecretStoreException) e).reason())
            .isEqualTo(SecretStoreException.Reason.NOT_A_REGULAR_FILE);
      }
    }
    assertThat(Files.isDirectory(directory)).isTrue();
    assertThat(Files.isRegularFile(fifo)).isFalse(); // not replaced by a regular file
    assertThat(Files.exists(fifo)).isTrue();
  }

  @Test
  void lockFileReplacedByAFifoALinkOrAHardLinkIsRefusedAndTheOtherFileUntouched() throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(env, "KEY=old\n");
    Path lock = dir.resolve("..env.keyward-lock");
    Path victim = dir.resolve("victim");
    Files.writeString(victim, "precious\n");
    SecretStore store = SecretStore.envFile(env);

    mkfifo(lock);
    refusedWithoutBlocking(lock, () -> store.lockForRotation("key_1"));
    Files.delete(lock);
    Files.createSymbolicLink(lock, victim);
    assertThatThrownBy(() -> store.lockForRotation("key_1")).isNotNull();
    Files.delete(lock);
    Files.createLink(lock, victim);
    assertThatThrownBy(() -> store.lockForRotation("key_1"))
        .hasRootCauseMessage(
            lock
                + ": the lock file is not a regular file with a single link;"
                + " remove it and retry");

    assertThat(Files.readString(victim)).isEqualTo("precious\n");
    Files.delete(lock);
    store.lockForRotation("key_1").close(); // a plain lock file works again
  }

  @Test
  void writersThroughDifferentSpellingsOfOneFileLoseNothing() throws Exception {
    Path env = dir.resolve(".env");
    Files.createDirectory(dir.resolve("sub"));
    Files.createSymbolicLink(dir.resolve("link.env"), env);
    Files.writeString(env, "# keep me\nKEEP=1\n");
    List<SecretStore> stores =
        List.of(
            SecretStore.envFile(env),
            SecretStore.envFile(dir.resolve("sub/../.env")),
            SecretStore.envFile(dir.resolve("link.env")),
            SecretStore.envFile(env));
    ExecutorService threads = Executors.newFixedThreadPool(stores.size());
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < stores.size(); t++) {
        SecretStore store = stores.get(t);
        String name = "K" + t;
        runs.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 40; i++) {
                    store.write(name, Secret.of("v" + i));
                  }
                  return null;
                }));
      }
      for (Future<?> run : runs) {
        run.get(); // a shared temporary file made some writes fail (NoSuchFileException)
      }
    } finally {
      threads.shutdownNow();
    }
    // every writer's last value survived every other writer's read-modify-write
    assertThat(Files.readString(env))
        .startsWith("# keep me\nKEEP=1\n")
        .contains("K0=v39\n", "K1=v39\n", "K2=v39\n", "K3=v39\n");
    assertThat(Files.isSymbolicLink(dir.resolve("link.env"))).isTrue();
    try (var files = Files.list(dir)) {
      assertThat(files)
          .extracting(p -> p.getFileName().toString())
          .containsExactlyInAnyOrder(".env", "sub", "link.env");
    }
  }

  @Test
  void aLinkSwappedInForTheNewTemporaryFileIsNotChmoddedThrough() throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(env, "KEY=old\n");
    Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
    Path victim = dir.resolve("victim");
    Files.writeString(victim, "precious\n");
    Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-r--r--"));
    Storage swapping =
        new Storage() {
          @Override
          public java.nio.channels.FileChannel open(Path path, java.nio.file.OpenOption... o)
              throws IOException {
            return SYSTEM.open(path, o);
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
            if (name.equals("create.mode")) {
              try (var temps = Files.list(dir)) {
                Path temp =
                    temps
                        .filter(p -> p.getFileName().toString().contains("keyward-tmp"))
                        .findFirst()
                        .orElseThrow();
                Files.delete(temp);
                Files.createSymbolicLink(temp, victim);
              } catch (IOException e) {
                throw new AssertionError(e);
              }
            }
          }
        };
    SecretStore store = new EnvFileSecretStore(env, swapping);
    assertThatThrownBy(() -> store.write("KEY", Secret.of("new"))).isNotNull();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(victim)))
        .isEqualTo("rw-r--r--");
    assertThat(Files.readString(victim)).isEqualTo("precious\n");
    assertThat(Files.readString(env)).isEqualTo("KEY=old\n");
  }

  @Test
  void temporaryFilesOfDeadWritersAreSweptPlantedLinksDeletedNotFollowed() throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(env, "KEY=old\n");
    Path victim = dir.resolve("victim");
    Files.writeString(victim, "precious\n");
    Path legacy = Files.createSymbolicLink(dir.resolve("..env.keyward-tmp"), victim);
    Path dead = Files.writeString(dir.resolve("..env.keyward-tmp-" + Integer.MAX_VALUE), "K=x");
    Path mine =
        Files.writeString(dir.resolve("..env.keyward-tmp-" + ProcessHandle.current().pid()), "x");
    Path live = Files.writeString(dir.resolve("..env.keyward-tmp-1"), "another writer's");

    SecretStore.envFile(env).write("KEY", Secret.of("new"));

    assertThat(Files.readString(env)).isEqualTo("KEY=new\n");
    assertThat(Files.readString(victim)).isEqualTo("precious\n");
    assertThat(legacy).doesNotExist();
    assertThat(dead).doesNotExist();
    assertThat(mine).doesNotExist();
    assertThat(live).as("pid 1 is alive: its file is left alone").exists();
  }

  @Test
  void everySpellingOfOneFileSharesOneRotationLock() throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(env, "KEY=old\n");
    Files.createDirectory(dir.resolve("sub"));
    Files.createSymbolicLink(dir.resolve("link.env"), env);
    Files.createSymbolicLink(dir.resolve("linkdir"), dir);
    try (SecretStore.RotationLock held = SecretStore.envFile(env).lockForRotation("key_1")) {
      for (Path spelling :
          List.of(
              dir.resolve("sub/../.env"),
              dir.resolve("link.env"),
              dir.resolve("linkdir/.env"),
              Path.of("").toAbsolutePath().relativize(env))) {
        assertThatThrownBy(() -> SecretStore.envFile(spelling).lockForRotation("key_1"))
            .as(spelling.toString())
            .isInstanceOf(ConcurrentRotationException.class);
      }
    }
  }

  @Test
  void readOnlyEnvFileIsReplacedAndKeepsItsMode() throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(env, "A=1\nKEY=old\n");
    Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("r--------"));
    SecretStore.envFile(env).write("KEY", Secret.of("new"));
    assertThat(Files.readString(env)).isEqualTo("A=1\nKEY=new\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env)))
        .isEqualTo("r--------");
  }
}
