package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.keyward.key.Secret;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileSecretStoreTest {
  @TempDir Path dir;

  @Test
  void readsPlainQuotedAndExportedValues() throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(env, "# c\nA=one\nexport B=\"two\"\n  C = 'three'\nD=\n");
    SecretStore store = SecretStore.envFile(env);
    assertThat(store.read("A")).contains(Secret.of("one"));
    assertThat(store.read("B")).contains(Secret.of("two"));
    assertThat(store.read("C")).contains(Secret.of("three"));
    assertThat(store.read("D")).isEmpty();
    assertThat(store.read("E")).isEmpty();
  }

  @Test
  void writeReplacesOneLineAndKeepsEverythingElseAndTheMode() throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(env, "# comment = not a value\nexport KEY=old\nOTHER=x\n\n# end\n");
    Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r-----"));
    SecretStore store = SecretStore.envFile(env);
    store.write("KEY", Secret.of("unkey_new"));
    store.write("ADDED", Secret.of("v"));
    assertThat(Files.readString(env))
        .isEqualTo("# comment = not a value\nexport KEY=unkey_new\nOTHER=x\n\n# end\nADDED=v\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env)))
        .isEqualTo("rw-r-----");
    store.delete("ADDED");
    assertThat(Files.readString(env)).doesNotContain("ADDED");
    try (var files = Files.list(dir)) {
      assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(".env");
    }
  }

  @Test
  void newFileIsOwnerOnly() throws Exception {
    Path env = dir.resolve("fresh.env");
    SecretStore.envFile(env).write("KEY", Secret.of("v"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env)))
        .isEqualTo("rw-------");
  }

  @Test
  void crashBeforeTheRenameLeavesTheOldFileIntact() throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(env, "KEY=old\n");
    for (String point : new String[] {"env.write", "env.force", "env.rename"}) {
      CrashStorage storage =
          new CrashStorage(0) {
            @Override
            public void checkpoint(String name) {
              if (name.equals(point)) {
                throw new CrashStorage.Crash(name);
              }
            }
          };
      assertThatThrownBy(() -> new EnvFileSecretStore(env, storage).write("KEY", Secret.of("new")))
          .isInstanceOf(CrashStorage.Crash.class);
      storage.kill();
      assertThat(Files.readString(env)).as(point).isEqualTo("KEY=old\n");
    }
  }

  @Test
  void toStringNamesTheFileNotTheValues() throws Exception {
    Path env = dir.resolve(".env");
    SecretStore store = SecretStore.envFile(env);
    store.write("KEY", Secret.of("unkey_supersecretvalue"));
    assertThat(store.toString()).contains(".env").doesNotContain("supersecret");
    SecretStore memory = SecretStore.inMemory();
    memory.write("KEY", Secret.of("unkey_supersecretvalue"));
    assertThat(memory.toString()).doesNotContain("supersecret");
  }

  // Finding: a store over a symbolic link replaced the link with a regular file, so the real file
  // kept the old key (which the rotation then revoked). It now writes through to the real file.

  @Test
  void writeGoesThroughALinkToTheRealFileInAnotherDirectoryAndKeepsTheLink() throws Exception {
    Path realDir = Files.createDirectories(dir.resolve("secrets"));
    Path real = realDir.resolve("app.env");
    Files.writeString(real, "# real\nKEY=old\n");
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
    Path appDir = Files.createDirectories(dir.resolve("app"));
    Path link = Files.createSymbolicLink(appDir.resolve(".env"), real);

    SecretStore store = SecretStore.envFile(link);
    store.write("KEY", Secret.of("unkey_new"));

    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(real);
    assertThat(Files.readString(real)).isEqualTo("# real\nKEY=unkey_new\n");
    assertThat(store.read("KEY")).contains(Secret.of("unkey_new"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real)))
        .isEqualTo("rw-------");
    assertThat(names(appDir)).containsExactly(".env");
    assertThat(names(realDir)).containsExactly("app.env");
  }

  @Test
  void writeGoesThroughAChainOfRelativeLinks() throws Exception {
    Path real = Files.createDirectories(dir.resolve("b")).resolve("real.env");
    Files.writeString(real, "KEY=old\nOTHER=1\n");
    Path middle = Files.createSymbolicLink(dir.resolve("middle.env"), Path.of("b/real.env"));
    Path first = Files.createSymbolicLink(dir.resolve(".env"), Path.of("middle.env"));

    SecretStore store = SecretStore.envFile(first);
    store.write("KEY", Secret.of("unkey_new"));
    store.delete("OTHER");

    assertThat(Files.readSymbolicLink(first)).isEqualTo(Path.of("middle.env"));
    assertThat(Files.readSymbolicLink(middle)).isEqualTo(Path.of("b/real.env"));
    assertThat(Files.readString(real)).isEqualTo("KEY=unkey_new\n");
  }

  @Test
  void danglingLinkIsRefusedByNameNotFollowedIntoANewFile() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve(".env"), dir.resolve("missing/real.env"));
    SecretStore store = SecretStore.envFile(link);

    assertThatThrownBy(() -> store.write("KEY", Secret.of("unkey_supersecretvalue")))
        .isInstanceOf(SecretStoreException.class)
        .satisfies(
            e ->
                assertThat(((SecretStoreException) e).reason())
                    .isEqualTo(SecretStoreException.Reason.BROKEN_LINK))
        .hasMessageContaining("the .env file " + link + " is a symbolic link that leads to no file")
        .hasMessageNotContaining("supersecret");
    assertThatThrownBy(() -> store.read("KEY"))
        .isInstanceOf(SecretStoreException.class)
        .hasMessageContaining("target is missing");
    assertThatThrownBy(() -> store.lockForRotation("key_1"))
        .isInstanceOf(SecretStoreException.class);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(names(dir)).containsExactly(".env");
  }

  @Test
  void linkIntoADirectoryThatRefusesNewFilesIsATypedErrorAndChangesNothing() throws Exception {
    Path real = Files.createDirectories(dir.resolve("ro")).resolve("real.env");
    Files.writeString(real, "KEY=old\n");
    Path link = Files.createSymbolicLink(dir.resolve(".env"), real);
    // the directory refuses to create files (EACCES), as a read-only directory does for non-root
    CrashStorage denying =
        new CrashStorage(0) {
          @Override
          public FileChannel create(Path path, Set<PosixFilePermission> mode) throws IOException {
            throw new AccessDeniedException(path.toString());
          }
        };
    EnvFileSecretStore store = new EnvFileSecretStore(link, denying);

    assertThatThrownBy(() -> store.write("KEY", Secret.of("unkey_supersecretvalue")))
        .isInstanceOf(SecretStoreException.class)
        .satisfies(
            e ->
                assertThat(((SecretStoreException) e).reason())
                    .isEqualTo(SecretStoreException.Reason.NOT_WRITABLE))
        .hasMessageContaining("cannot create files in " + real.getParent())
        .hasMessageContaining("the target of the link " + link)
        .hasMessageNotContaining("supersecret");
    assertThat(Files.readString(real)).isEqualTo("KEY=old\n");
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  @Test
  void linkIntoAReadOnlyDirectoryIsATypedError() throws Exception {
    assumeFalse(
        "root".equals(System.getProperty("user.name")), "root writes into a 0555 directory");
    Path roDir = Files.createDirectories(dir.resolve("ro"));
    Path real = roDir.resolve("real.env");
    Files.writeString(real, "KEY=old\n");
    Path link = Files.createSymbolicLink(dir.resolve(".env"), real);
    Files.setPosixFilePermissions(roDir, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      SecretStore store = SecretStore.envFile(link);
      assertThatThrownBy(() -> store.write("KEY", Secret.of("unkey_new")))
          .isInstanceOf(SecretStoreException.class)
          .satisfies(
              e ->
                  assertThat(((SecretStoreException) e).reason())
                      .isEqualTo(SecretStoreException.Reason.NOT_WRITABLE));
      assertThat(Files.readString(real)).isEqualTo("KEY=old\n");
    } finally {
      Files.setPosixFilePermissions(roDir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  // Finding: an existing .env that others could read received a root key silently.

  @Test
  void fileReadableByOthersGetsOneWarningWithoutAnyKeyAndIsWritten() throws Exception {
    Path real = dir.resolve("real.env");
    Files.writeString(real, "KEY=unkey_oldsupersecret\n");
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r--r--"));
    Path link = Files.createSymbolicLink(dir.resolve(".env"), real);
    CapturingLogger log = new CapturingLogger();
    EnvFileSecretStore store = new EnvFileSecretStore(link, Storage.SYSTEM, log);

    store.write("KEY", Secret.of("unkey_newsupersecret"));
    store.write("OTHER", Secret.of("unkey_othersupersecret"));

    assertThat(Files.readString(real)).contains("KEY=unkey_newsupersecret");
    assertThat(log.lines).hasSize(1);
    assertThat(log.lines.get(0))
        .startsWith("WARNING the .env file " + real + " is readable by every user (mode rw-r--r--)")
        .contains("chmod 600")
        .doesNotContain("supersecret")
        .doesNotContain("unkey_");
  }

  @Test
  void fileReadableByItsGroupIsWarnedAboutAndAnOwnerOnlyFileIsNot() throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(env, "KEY=old\n");
    Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r-----"));
    CapturingLogger log = new CapturingLogger();
    new EnvFileSecretStore(env, Storage.SYSTEM, log).write("KEY", Secret.of("unkey_new"));
    assertThat(log.lines).singleElement().asString().contains("readable by its group");

    Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
    CapturingLogger quiet = new CapturingLogger();
    EnvFileSecretStore owned = new EnvFileSecretStore(env, Storage.SYSTEM, quiet);
    owned.write("KEY", Secret.of("unkey_newer"));
    owned.lockForRotation("key_1").close();
    assertThat(quiet.lines).isEmpty();
  }

  @Test
  void refuseOptionRefusesAReadableFileBeforeLockingOrWriting() throws Exception {
    Path env = dir.resolve(".env");
    Files.writeString(env, "KEY=old\n");
    Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-rw-r--"));
    SecretStore store = SecretStore.envFile(env, EnvFileOption.REFUSE_READABLE_BY_OTHERS);

    assertThatThrownBy(() -> store.write("KEY", Secret.of("unkey_supersecretvalue")))
        .isInstanceOf(SecretStoreException.class)
        .satisfies(
            e ->
                assertThat(((SecretStoreException) e).reason())
                    .isEqualTo(SecretStoreException.Reason.READABLE_BY_OTHERS))
        .hasMessageContaining("REFUSE_READABLE_BY_OTHERS")
        .hasMessageNotContaining("supersecret");
    assertThatThrownBy(() -> store.lockForRotation("key_1"))
        .isInstanceOf(SecretStoreException.class);
    assertThat(Files.readString(env)).isEqualTo("KEY=old\n");
    assertThat(names(dir)).containsExactly(".env");

    Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
    store.write("KEY", Secret.of("unkey_new"));
    assertThat(store.read("KEY")).contains(Secret.of("unkey_new"));
  }

  @Test
  void lockFileIsOwnerOnlyBesideTheRealFileAndKept() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real")).resolve("x.env");
    Files.writeString(real, "KEY=old\n");
    Path link = Files.createSymbolicLink(dir.resolve(".env"), real);
    SecretStore.envFile(link).lockForRotation("key_1").close();
    Path lock = real.resolveSibling(".x.env.keyward-lock");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lock)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(lock)).isEqualTo("key_1\n");
  }

  private static List<String> names(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** A System.Logger that keeps every line it is given, at every level. */
  static final class CapturingLogger implements System.Logger {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public String getName() {
      return "capture";
    }

    @Override
    public boolean isLoggable(Level level) {
      return true;
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      lines.add(level + " " + msg + (thrown == null ? "" : " " + thrown));
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      lines.add(level + " " + java.text.MessageFormat.format(format, params));
    }
  }
}
