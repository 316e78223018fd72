package dev.keyward.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Shapes in which a key reaches a log line without anyone hiding it on purpose. In scope: keys
 * whose body is base62 rather than base58 (migrated keys), JSON escaped once or more (a body logged
 * by a JSON encoder), huge adversarial runs (time stays linear). Out of scope, pinned here so that
 * a change is deliberate: deliberate obfuscation ({@code \u005f}, {@code %5F}, base64 of the line),
 * keys split across lines or by invisible characters, unregistered prefixes.
 */
class RedactorEvasionTest {
  private final Redactor redactor = Redactor.builder().prefix("sk_live").build();

  @Test
  void base62Body_isMaskedWhole() {
    // 0, O, I and l are not base58: the scan stopped there and printed the rest of the key.
    assertThat(redactor.redact("k=sk_live_abcdefghij0OIlmnopqrstuvwx end"))
        .isEqualTo("k=sk_live_abcd**** end");
    assertThat(redactor.redact("k=sk_live_ab0defghijklmnopqrstuvwx end"))
        .isEqualTo("k=sk_live_ab0d**** end");
    assertThat(Redactor.defaults().redact("unkey_configuration")).isEqualTo("unkey_conf****");
  }

  @Test
  void doublyEscapedJson_isMasked() {
    String once = "{\"msg\":\"{\\\"key\\\":\\\"3ZxK9mQ2pL7vN4rT8wY6\\\"}\"}";
    assertThat(redactor.redact(once)).isEqualTo("{\"msg\":\"{\\\"key\\\":\\\"3ZxK****\\\"}\"}");
    String twice =
        "{\"log\":\"{\\\"msg\\\":\\\"{\\\\\\\"key\\\\\\\":\\\\\\\"3ZxK9mQ2pL7vN4rT8wY6\\\\\\\"}\\\"}\"}";
    String out = redactor.redact(twice);
    assertThat(out).doesNotContain("9mQ2pL7vN4rT8wY6").contains("3ZxK****");
    assertThat(redactor.redact(out)).isSameAs(out);
  }

  /** The fastest of three runs, in nanoseconds. */
  long fastest(String text) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      String out = redactor.redact(text);
      best = Math.min(best, System.nanoTime() - start);
      assertThat(out.length()).isLessThanOrEqualTo(2 * text.length());
    }
    return best;
  }

  /**
   * Linear, not fast: ten times the input may take at most 30 times as long (quadratic would be a
   * hundred). A ratio measured in one run, so a loaded machine slows both sides alike; speed itself
   * is the benchmarks' business.
   */
  @Test
  void tenMegabyteAdversarialRuns_stayLinear() {
    String[] units = {
      "unkey_",
      "\"key\":\"",
      "\\\\\\\"key\\\\\\\":",
      "bearer ",
      "\"key\\\\\\\\\\\\",
      "sk_live_0",
      "b"
    };
    for (String unit : units) {
      long small = fastest(unit.repeat(1_000_000 / unit.length()));
      long large = fastest(unit.repeat(10_000_000 / unit.length()));
      assertThat(large).as(unit).isLessThan(30 * Math.max(small, 1_000_000L));
    }
  }

  @Test
  void outOfScopeShapes_areLeftAsTheyAre() {
    String[] shapes = {
      "sk\\u005flive_3ZxK9mQ2pL7vN4rT8wY6",
      "sk%5Flive%5F3ZxK9mQ2pL7vN4rT8wY6",
      "c2tfbGl2ZV8zWnhLOW1RMnBMN3ZONHJUOHdZNg==",
      "pk_test_3ZxK9mQ2pL7vN4rT8wY6",
      "sk_live_3ZxK\n9mQ2pL7vN4rT8wY6",
      "{key=3ZxK9mQ2pL7vN4rT8wY6}",
      "X-API-Key: 3ZxK9mQ2pL7vN4rT8wY6"
    };
    for (String shape : shapes) {
      assertThat(redactor.redact(shape)).as(shape).isSameAs(shape);
    }
  }
}
