package dev.keyward.key;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.redact.Redactor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code Secret.toString()} (and {@link KeyFormat#visibleStart}, {@link KeyFormat#start}, the
 * {@link Redactor}) show a bounded number of a key's characters whatever the key's shape. Finding
 * 1: a 43-character base64url token with {@code _} near its end printed 39 characters.
 */
class SecretMaskTest {
  /** The documented bound of {@code Secret.toString()}: {@code Secret.MAX_VISIBLE}. */
  private static final int BOUND = 12;

  private static final String BASE58 = Base58.ALPHABET;
  private static final String BASE64URL =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final String[] CHARSETS = {
    BASE58, BASE64URL, "_", "a_", "0123456789abcdef_", visibleAscii(), "é_\u200BЖ😀a"
  };
  private static final String[] PREFIXES = {
    "", "sk_", "sk_live_", "unkey_", "a_", "abcdefghijklmnop_", "x_y_z_", "_", "__", "A1_b2_C3_"
  };

  @Test
  void base64urlTokenWithUnderscoreNearItsEndShowsAtMost4Characters() {
    String token = "Zk3pQ9xW2mLr8TvB5nY7cJ4hD6gF1sA0eUoIqKwEr_x"; // 43 characters
    assertThat(token).hasSize(43);
    String shown = Secret.of(token).toString();
    assertThat(shown).isEqualTo("Zk3p…****");
    assertThat(longestCommonRun(shown, token)).isLessThanOrEqualTo(4);
  }

  @Test
  void unkeyShapedKeysKeepTheirStart() {
    assertThat(Secret.of("unkey_3ZxKq8mPv7RtWbN2cYhJdE").toString()).isEqualTo("unkey_3ZxK…****");
    assertThat(Secret.of("sk_live_3ZxKq8mPv7RtWbN2cYhJdE").toString())
        .isEqualTo("sk_live_3ZxK…****");
    // a prefix too long for its start to fit the bound shows the prefix only, or 4 characters
    assertThat(Secret.of("acme_prod_3ZxKq8mPv7RtWbN2cYhJdE").toString())
        .isEqualTo("acme_prod_…****");
    assertThat(Secret.of("abcdefghijklmnop_3ZxKq8mPv7RtWbN2cYhJdE").toString())
        .isEqualTo("abcd…****");
    assertThat(Secret.MAX_VISIBLE).isEqualTo(BOUND);
  }

  @Test
  void seededShapesNeverShowMoreThanTheBound() {
    Random random = new Random(0x5EC2E7L);
    int accepted = 0;
    for (int round = 0; round < 20_000; round++) {
      String key = randomKey(random, round);
      String visible = KeyFormat.visibleStart(key);
      assertThat(key).as("visible part is a prefix of the key").startsWith(visible);
      assertThat(visible.length()).as(describe(key)).isLessThanOrEqualTo(BOUND);
      assertThat(2 * visible.length()).as(describe(key)).isLessThanOrEqualTo(key.length());
      assertThat(KeyFormat.start(key).length()).as(describe(key)).isLessThanOrEqualTo(21);
      Secret secret;
      try {
        secret = Secret.of(key);
      } catch (InvalidKeyFormatException | NullPointerException rejected) {
        continue;
      }
      accepted++;
      String shown = secret.toString();
      assertThat(shown).isEqualTo(visible + "…****");
      assertThat(longestCommonRun(shown, key)).as(describe(key)).isLessThanOrEqualTo(BOUND);
    }
    assertThat(accepted).as("most generated keys are valid secrets").isGreaterThan(10_000);
  }

  @Test
  void underscoreAtEveryPositionOfABase64urlToken() {
    Random random = new Random(43);
    for (int length = 1; length <= 200; length++) {
      String base = randomString(random, BASE64URL.replace("_", ""), length);
      for (int i = 0; i < length; i++) {
        String key = base.substring(0, i) + "_" + base.substring(i + 1);
        int run = longestCommonRun(Secret.of(key).toString(), key);
        assertThat(run).as(describe(key)).isLessThanOrEqualTo(BOUND);
        assertThat(2 * run).as(describe(key)).isLessThanOrEqualTo(length);
        if (key.length() - i - 1 < 16) { // too short a body for Unkey's shape: 4 at most
          assertThat(run).as(describe(key)).isLessThanOrEqualTo(4);
        }
      }
    }
  }

  @Test
  void redactorShowsABoundedRunOfAnyKey() {
    Redactor redactor = Redactor.builder().prefix("sk_live").build();
    Random random = new Random(7);
    for (int round = 0; round < 5_000; round++) {
      String prefix = PREFIXES[random.nextInt(PREFIXES.length)];
      String body =
          randomString(random, random.nextBoolean() ? BASE58 : BASE64URL, 8 + random.nextInt(80));
      String key = prefix + body;
      for (String text :
          new String[] {
            "{\"key\":\"" + key + "\"}",
            "Authorization: Bearer " + key,
            "{\"plaintext\": \"" + key + "\", \"rootKey\":\"" + key + "\"}"
          }) {
        String redacted = redactor.redact(text);
        // the registered prefix sk_live_ plus Unkey's 4 start characters
        assertThat(longestCommonRun(redacted, key))
            .as(describe(key) + " in " + text.substring(0, 8))
            .isLessThanOrEqualTo(Math.max(BOUND, longestCommonRun(text.replace(key, ""), key)));
      }
    }
  }

  private static String randomKey(Random random, int round) {
    int length = random.nextInt(201);
    String charset = CHARSETS[random.nextInt(CHARSETS.length)];
    StringBuilder key = new StringBuilder(randomString(random, charset, length));
    if (round % 3 == 0 && length > 0) {
      key.setCharAt(round % length, '_'); // '_' at every position over the rounds
    }
    if (round % 5 == 0) {
      key.insert(0, PREFIXES[random.nextInt(PREFIXES.length)]);
    }
    return key.toString();
  }

  private static String randomString(Random random, String charset, int length) {
    int[] points = charset.codePoints().toArray();
    StringBuilder s = new StringBuilder(length);
    while (s.length() < length) {
      s.appendCodePoint(points[random.nextInt(points.length)]);
    }
    return s.length() > length ? s.substring(0, length) : s.toString();
  }

  private static String visibleAscii() {
    StringBuilder s = new StringBuilder();
    for (char c = 0x21; c <= 0x7e; c++) {
      s.append(c);
    }
    return s.toString();
  }

  /** The length of the longest substring of {@code key} that appears in {@code text}. */
  static int longestCommonRun(String text, String key) {
    int best = 0;
    int[] previous = new int[key.length() + 1];
    for (int i = 1; i <= text.length(); i++) {
      int[] current = new int[key.length() + 1];
      for (int j = 1; j <= key.length(); j++) {
        if (text.charAt(i - 1) == key.charAt(j - 1)) {
          current[j] = previous[j - 1] + 1;
          best = Math.max(best, current[j]);
        }
      }
      previous = current;
    }
    return best;
  }

  /** Describes a failing key by shape only (a test's output is a log too). */
  private static String describe(String key) {
    return "key of length " + key.length() + " with '_' at " + key.indexOf('_');
  }
}
