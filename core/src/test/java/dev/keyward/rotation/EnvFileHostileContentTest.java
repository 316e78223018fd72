package dev.keyward.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.key.InvalidKeyFormatException;
import dev.keyward.key.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the {@code .env} store with hostile content: every line but the one written must come
 * back byte for byte, and the written variable must end up defined exactly once.
 */
class EnvFileHostileContentTest {
  @TempDir Path dir;

  private Path env(byte[] bytes) throws Exception {
    Path env = dir.resolve(".env");
    Files.write(env, bytes);
    return env;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void crlfFileKeepsItsLineEndingsAndOnlyTheWrittenValueChanges() throws Exception {
    Path env = env(ascii("# c\r\nA=one\r\nKEY=old\r\nB=\"x\"\r\n"));
    SecretStore store = SecretStore.envFile(env);
    assertThat(store.read("KEY")).contains(Secret.of("old"));
    store.write("KEY", Secret.of("new"));
    assertThat(Files.readAllBytes(env)).isEqualTo(ascii("# c\r\nA=one\r\nKEY=new\r\nB=\"x\"\r\n"));
  }

  @Test
  void aLoneCarriageReturnInsideAnotherValueIsNotTurnedIntoANewLine() throws Exception {
    Path env = env(ascii("A=\"one\rtwo\"\nKEY=old\n"));
    SecretStore.envFile(env).write("KEY", Secret.of("new"));
    assertThat(Files.readAllBytes(env)).isEqualTo(ascii("A=\"one\rtwo\"\nKEY=new\n"));
  }

  @Test
  void byteOrderMarkBeforeTheVariableIsReadAndReplacedNotDuplicated() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Path env = env(concat(bom, ascii("KEY=old\nA=1\n")));
    SecretStore store = SecretStore.envFile(env);
    assertThat(store.read("KEY")).contains(Secret.of("old"));
    store.write("KEY", Secret.of("new"));
    assertThat(Files.readAllBytes(env)).isEqualTo(concat(bom, ascii("KEY=new\nA=1\n")));
  }

  @Test
  void bytesThatAreNotUtf8InOtherLinesAreKeptByteForByte() throws Exception {
    // a Latin-1 comment and a binary value: not UTF-8, and not ours to judge
    byte[] original = concat(ascii("# caf"), new byte[] {(byte) 0xE9, 0, (byte) 0xFF, '\n'});
    original = concat(original, ascii("KEY=old\n"));
    Path env = env(original);
    SecretStore store = SecretStore.envFile(env);
    assertThat(store.read("KEY")).contains(Secret.of("old"));
    store.write("KEY", Secret.of("new"));
    byte[] expected = Arrays.copyOf(original, original.length);
    expected[expected.length - 4] = 'n';
    expected[expected.length - 3] = 'e';
    expected[expected.length - 2] = 'w';
    assertThat(Files.readAllBytes(env)).isEqualTo(expected);
  }

  @Test
  void exportQuotesDuplicatesCommentsAndNoTrailingNewline() throws Exception {
    Path env =
        env(ascii("# KEY=commented\nexport KEY=\"old\"\nKEY_PREVIOUS=p\nX=1\nKEY=dup\nLAST=z"));
    SecretStore store = SecretStore.envFile(env);
    assertThat(store.read("KEY")).contains(Secret.of("old"));
    store.write("KEY", Secret.of("new"));
    // the first definition is replaced, the later duplicate dropped (else it would win in most
    // loaders), everything else kept; the last line gains its newline
    assertThat(Files.readString(env))
        .isEqualTo("# KEY=commented\nexport KEY=new\nKEY_PREVIOUS=p\nX=1\nLAST=z\n");
  }

  @Test
  void appendingToACrlfFileUsesCrlf() throws Exception {
    Path env = env(ascii("A=1\r\n"));
    SecretStore.envFile(env).write("KEY", Secret.of("new"));
    assertThat(Files.readAllBytes(env)).isEqualTo(ascii("A=1\r\nKEY=new\r\n"));
  }

  @Test
  void deleteKeepsEveryOtherByte() throws Exception {
    Path env = env(ascii("A=1\r\nKEY=old\r\nB=\"2\rx\""));
    SecretStore.envFile(env).delete("KEY");
    assertThat(Files.readAllBytes(env)).isEqualTo(ascii("A=1\r\nB=\"2\rx\"\n"));
  }

  @Test
  void aValueThatIsNotAsciiIsRefusedWithoutEchoingIt() throws Exception {
    Path env = env(concat(ascii("KEY=abcd"), new byte[] {(byte) 0xFF, '\n'}));
    assertThatThrownBy(() -> SecretStore.envFile(env).read("KEY"))
        .isInstanceOf(InvalidKeyFormatException.class)
        .hasMessageNotContaining("abcd");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
