package dev.keyward.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootKeyProviderTest {
  private static final String KEY_A = "unkey_3ZxKq8mPv7RtWbN2cYhJdE";
  private static final String KEY_B = "unkey_9aBcDeFgHiJkLmNoPqRsTu";

  @Test
  void of_returnsTheSecret() {
    Secret s = Secret.of(KEY_A);
    assertThat(RootKeyProvider.of(s).current()).isSameAs(s);
  }

  @Test
  void fromEnvironment_missingVariableNamesIt() {
    String name = "KEYWARD_TEST_SURELY_UNSET_" + System.nanoTime();
    RootKeyProvider provider = RootKeyProvider.fromEnvironment(name);
    assertThatThrownBy(provider::current)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(name)
        .hasMessageContaining("not set");
  }

  @Test
  void fromEnvironment_readsAVariableThatIsSet() {
    // PATH is set in every test JVM; it is not a key but Secret.of accepts any token without spaces
    String path = System.getenv("PATH");
    if (path != null
        && !path.isBlank()
        && path.strip().chars().noneMatch(c -> c <= ' ')
        && path.length() <= 512) {
      assertThat(RootKeyProvider.fromEnvironment("PATH").current().reveal())
          .isEqualTo(path.strip());
    }
  }

  @Test
  void fromFile_readsStripsAndRereadsWhenTheFileChanges(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("root-key");
    Files.write(file, (KEY_A + "\n").getBytes(StandardCharsets.UTF_8));
    RootKeyProvider provider = RootKeyProvider.fromFile(file);
    Secret first = provider.current();
    assertThat(first.reveal()).isEqualTo(KEY_A);
    assertThat(provider.current()).isSameAs(first); // unchanged file: not re-read

    Files.write(file, KEY_B.getBytes(StandardCharsets.UTF_8));
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
    assertThat(provider.current().reveal()).isEqualTo(KEY_B);
  }

  @Test
  void fromFile_followsASwappedSymlinkLikeKubernetes(@TempDir Path dir) throws Exception {
    Path v1 = Files.createDirectory(dir.resolve("..2024_01"));
    Path v2 = Files.createDirectory(dir.resolve("..2024_02"));
    Files.write(v1.resolve("root-key"), KEY_A.getBytes(StandardCharsets.UTF_8));
    Files.write(v2.resolve("root-key"), KEY_B.getBytes(StandardCharsets.UTF_8));
    FileTime same = FileTime.from(Instant.parse("2024-01-01T00:00:00Z"));
    Files.setLastModifiedTime(v1.resolve("root-key"), same);
    Files.setLastModifiedTime(v2.resolve("root-key"), same);
    Path data = dir.resolve("..data");
    Files.createSymbolicLink(data, v1.getFileName());
    Path link = Files.createSymbolicLink(dir.resolve("root-key"), Path.of("..data/root-key"));
    RootKeyProvider provider = RootKeyProvider.fromFile(link);
    assertThat(provider.current().reveal()).isEqualTo(KEY_A);

    Path tmp = Files.createSymbolicLink(dir.resolve("..data_tmp"), v2.getFileName());
    Files.move(
        tmp,
        data,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    assertThat(provider.current().reveal()).isEqualTo(KEY_B);
  }

  @Test
  void fromFile_missingOrEmptyFileNamesThePathNotTheContent(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("absent");
    assertThatThrownBy(RootKeyProvider.fromFile(file)::current)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString());
    Path empty = Files.write(dir.resolve("empty"), new byte[0]);
    assertThatThrownBy(RootKeyProvider.fromFile(empty)::current)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("empty");
    Path bad =
        Files.write(dir.resolve("bad"), "unkey_secret part".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(RootKeyProvider.fromFile(bad)::current)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining("unkey_secret");
  }

  @Test
  void fromFile_nonAsciiKeyIsAClearErrorNamingFileAndRule(@TempDir Path dir) throws Exception {
    // a byte-order mark and a zero-width space survive strip(): OkHttp would fail on them later
    Path bom =
        Files.write(
            dir.resolve("bom"),
            "\uFEFFunkey_3ZxKq8mPv7RtWbN2\u200B".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(RootKeyProvider.fromFile(bom)::current)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(bom.toString())
        .hasMessageContaining("secret has a non-ASCII character at index 0")
        .hasMessageContaining("visible ASCII")
        .hasMessageNotContaining("3ZxK");
  }

  @Test
  void fromFile_largerThanAKeyCanBe_isNeverReadToTheEnd(@TempDir Path dir) throws Exception {
    Path sparse = dir.resolve("huge");
    try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(sparse.toFile(), "rw")) {
      file.setLength(3L << 30); // 3 GiB of holes: readAllBytes threw OutOfMemoryError here
    }
    assertThatThrownBy(() -> RootKeyProvider.fromFile(sparse).current())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "root key file "
                + sparse
                + " is larger than 4096 bytes: a key has at most 512"
                + " characters");
    Files.writeString(sparse, " ".repeat(3000) + KEY_A + "\n".repeat(500));
    assertThat(RootKeyProvider.fromFile(sparse).current().reveal()).isEqualTo(KEY_A);
  }
}
