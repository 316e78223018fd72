package dev.keyward.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Redaction never throws, and a key embedded anywhere in arbitrary text never keeps more than its
 * start. Regression inputs live in {@code RedactorFuzzTestInputs/}; fuzz with {@code
 * JAZZER_FUZZ=1}.
 */
class RedactorFuzzTest {
  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final Redactor REDACTOR = Redactor.builder().prefix("sk_live").build();

  @FuzzTest(maxDuration = "3m")
  void embeddedKeyIsAlwaysMasked(FuzzedDataProvider data) {
    String before = data.consumeString(300);
    String after = data.consumeString(300);
    String prefix = data.consumeBoolean() ? "unkey_" : "sk_live_";
    String body = base58(data.consumeBytes(40), 16);
    String key = prefix + body;
    String wrapped;
    switch (data.consumeInt(0, 4)) {
      case 0:
        wrapped = "Bearer " + key;
        break;
      case 1:
        wrapped = "{\"" + fieldCase(data, "rootKey") + "\":\"" + key + "\"}";
        break;
      case 2:
        wrapped = "https://api.example.com/v2?key=" + key + "&limit=1";
        break;
      case 3:
        wrapped = "\\\"key\\\":\\\"" + key + "\\\"";
        break;
      default:
        wrapped = key;
    }
    String text = before + wrapped + after;
    String out = REDACTOR.redact(text);

    String secret = body.substring(SecretScanner.START_CHARS);
    // The property is about the embedded key; the fuzzer may copy its body elsewhere too.
    if (occurrences(text, secret) == 1) {
      assertThat(out).doesNotContain(secret);
    }
    assertThat(out.length()).isLessThanOrEqualTo(2 * text.length() + 8);
    assertNoPrefixedKey(out);
    assertThat(REDACTOR.redact(out)).isEqualTo(out);
    String rest = data.consumeRemainingAsString();
    String restOut = REDACTOR.redact(rest);
    assertThat(restOut.length()).isLessThanOrEqualTo(2 * rest.length() + 8);
    assertNoPrefixedKey(restOut);
  }

  /**
   * No registered prefix, {@code _} and 8 letters or digits is left: the rule the scanner masks.
   */
  private static void assertNoPrefixedKey(String out) {
    for (String prefix : REDACTOR.prefixes()) {
      String head = prefix + "_";
      for (int i = out.indexOf(head); i >= 0; i = out.indexOf(head, i + 1)) {
        int end = i + head.length();
        while (end < out.length()
            && end - i - head.length() < 8
            && isAlphanumeric(out.charAt(end))) {
          end++;
        }
        assertThat(end - i - head.length()).as("key left at %s in %s", i, out).isLessThan(8);
      }
    }
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  @FuzzTest(maxDuration = "1m")
  void unprefixedValueInCleanContextIsMasked(FuzzedDataProvider data) {
    String before = data.consumeString(200);
    String after = data.consumeString(200);
    String value = base58(data.consumeBytes(40), 8);
    if (before.indexOf('"') >= 0
        || before.indexOf('\\') >= 0
        || !(before.isEmpty() || before.endsWith(" "))) {
      return; // an earlier string or word could swallow the opening; the property is about clean
      // context
    }
    String text =
        before + (data.consumeBoolean() ? "\"key\": \"" + value + "\"" : "Bearer " + value) + after;
    String out = REDACTOR.redact(text);
    String secret = value.substring(SecretScanner.START_CHARS);
    if (occurrences(text, secret) == 1) {
      assertThat(out).doesNotContain(secret);
    }
  }

  private static String fieldCase(FuzzedDataProvider data, String name) {
    return data.consumeBoolean() ? name.toUpperCase(java.util.Locale.ROOT) : name;
  }

  private static String base58(byte[] bytes, int minLength) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(BASE58.charAt((b & 0xff) % BASE58.length()));
    }
    int i = 0;
    while (sb.length() < minLength) {
      sb.append(BASE58.charAt(i++ * 7 % BASE58.length()));
    }
    return sb.toString();
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }
}
