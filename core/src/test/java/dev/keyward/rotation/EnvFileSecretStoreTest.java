package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.key.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
}
