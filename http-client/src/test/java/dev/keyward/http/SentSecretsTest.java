package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import okio.ByteString;
import org.junit.jupiter.api.Test;

/** The scan that finds sent secrets in keyward's own request bodies agrees with a JSON reader. */
class SentSecretsTest {
  private static final String[] NAMES = {"key", "rootKey", "plaintext", "name", "keyId", "apiId"};
  private static final String ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-:,{}[] ";

  @Test
  void scanFindsWhatTheReaderFinds() {
    Random random = new Random(20261204);
    int scanned = 0;
    int withSecrets = 0;
    for (int i = 0; i < 5_000; i++) {
      ByteString json = ByteString.encodeUtf8(object(random, 0));
      List<String> viaScan = new ArrayList<>();
      List<String> viaReader = new ArrayList<>();
      if (SentSecrets.scan(json, viaScan)) {
        scanned++;
      }
      SentSecrets.read(json, viaReader);
      assertThat(new HashSet<>(viaScan)).as(json.utf8()).isEqualTo(new HashSet<>(viaReader));
      withSecrets += viaReader.isEmpty() ? 0 : 1;
    }
    assertThat(scanned).isEqualTo(5_000); // no escapes generated: the scan always applies
    assertThat(withSecrets).isGreaterThan(1_000); // the comparison saw real findings
  }

  @Test
  void aFieldNameInsideAStringIsNotAField() {
    // Inside a string a quote is escaped, so the body has a backslash and the reader decides.
    ByteString json = ByteString.encodeUtf8("{\"name\":\"\\\"key\\\":\\\"sk_live_notAField1\"}");
    assertThat(SentSecrets.scan(json, new ArrayList<>())).isFalse();
    List<String> found = new ArrayList<>();
    SentSecrets.read(json, found);
    assertThat(found).isEmpty();
  }

  private static String object(Random random, int depth) {
    StringBuilder b = new StringBuilder("{");
    int fields = random.nextInt(4);
    for (int f = 0; f < fields; f++) {
      if (f > 0) {
        b.append(',');
      }
      b.append('"').append(NAMES[random.nextInt(NAMES.length)]).append("\":");
      int kind = depth < 3 ? random.nextInt(4) : random.nextInt(2);
      switch (kind) {
        case 0 -> b.append('"').append(text(random)).append('"');
        case 1 -> b.append(random.nextInt(1000));
        case 2 -> b.append(object(random, depth + 1));
        default ->
            b.append('[')
                .append(object(random, depth + 1))
                .append(",\"")
                .append(text(random))
                .append("\"]");
      }
    }
    return b.append('}').toString();
  }

  private static String text(Random random) {
    StringBuilder b = new StringBuilder();
    int length = random.nextInt(24);
    for (int i = 0; i < length; i++) {
      b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }
}
