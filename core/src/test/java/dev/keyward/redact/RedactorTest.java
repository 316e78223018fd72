package dev.keyward.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
  static final String ROOT_KEY = "unkey_3Zx9Qm2Lk8PfR7tWvYc4Hn";
  static final String API_KEY = "sk_live_8fKq2RtYwPz3Nv7Hc5Jm";

  private final Redactor redactor = Redactor.builder().prefix("sk_live").build();

  @Test
  void rootKeyInFreeText_keepsStart() {
    assertThat(Redactor.defaults().redact("using " + ROOT_KEY + " now"))
        .isEqualTo("using unkey_3Zx9**** now");
  }

  @Test
  void registeredPrefix_keepsPrefixAndFourCharacters() {
    assertThat(redactor.redact("key=" + API_KEY)).isEqualTo("key=sk_live_8fKq****");
  }

  @Test
  void unregisteredPrefix_isLeftAlone() {
    assertThat(Redactor.defaults().redact("key=" + API_KEY)).isEqualTo("key=" + API_KEY);
  }

  @Test
  void prefixWithTrailingUnderscore_isTheSamePrefix() {
    Redactor r = Redactor.builder().prefix("sk_live_").build();
    assertThat(r.prefixes()).containsExactly("sk_live", "unkey");
    assertThat(r.redact(API_KEY)).isEqualTo("sk_live_8fKq****");
  }

  @Test
  void longestPrefixWins_inFieldValues() {
    Redactor r = Redactor.builder().prefix("sk").prefix("sk_live").build();
    assertThat(r.redact("{\"key\":\"" + API_KEY + "\"}"))
        .isEqualTo("{\"key\":\"sk_live_8fKq****\"}");
  }

  @Test
  void shortTailAfterPrefix_isAWordNotAKey() {
    assertThat(Redactor.defaults().redact("unkey_api and unkey_1234567"))
        .isEqualTo("unkey_api and unkey_1234567");
    assertThat(Redactor.defaults().redact("unkey_12345678")).isEqualTo("unkey_1234****");
  }

  @Test
  void keyInUrlQuery() {
    assertThat(redactor.redact("GET https://api.example.com/v1?key=" + API_KEY + "&x=1 200"))
        .isEqualTo("GET https://api.example.com/v1?key=sk_live_8fKq****&x=1 200");
  }

  @Test
  void bearerToken_anyCase() {
    assertThat(redactor.redact("Authorization: Bearer " + ROOT_KEY))
        .isEqualTo("Authorization: Bearer unkey_3Zx9****");
    assertThat(redactor.redact("authorization: bearer eyJhbGciOi.eyJzdWIi.SflKxw"))
        .isEqualTo("authorization: bearer eyJh****");
    assertThat(redactor.redact("BEARER\tabc")).isEqualTo("BEARER\t****");
  }

  @Test
  void bearerWithoutToken_isNoMatch() {
    assertThat(redactor.redact("Bearer")).isEqualTo("Bearer");
    assertThat(redactor.redact("Bearer ")).isEqualTo("Bearer ");
    assertThat(redactor.redact("bearers of news")).isEqualTo("bearers of news");
    assertThat(redactor.redact("Bearer \"x\"")).isEqualTo("Bearer \"x\"");
  }

  @Test
  void jsonFields_caseInsensitive_keepStart() {
    String json =
        "{\"keyId\":\"key_123\",\"KEY\":\"9sLk3Qw7Er5Ty2\",\"rootkey\" : \"abc\","
            + "\"plainText\":\"ZZZZ1234567890\",\"authorization\":\"Bearer 7Hc5Jm8fKq2RtY\"}";
    assertThat(redactor.redact(json))
        .isEqualTo(
            "{\"keyId\":\"key_123\",\"KEY\":\"9sLk****\",\"rootkey\" : \"****\","
                + "\"plainText\":\"ZZZZ****\",\"authorization\":\"Bearer 7Hc5****\"}");
  }

  @Test
  void jsonFieldWithPrefixedValue_keepsPrefixAndFour() {
    assertThat(redactor.redact("{\"key\": \"" + API_KEY + "\"}"))
        .isEqualTo("{\"key\": \"sk_live_8fKq****\"}");
  }

  @Test
  void jsonFieldValueWithEscapes_isMaskedToTheClosingQuote() {
    assertThat(redactor.redact("{\"key\":\"ab\\\"cdefghij\",\"x\":1}"))
        .isEqualTo("{\"key\":\"ab\\\"****\",\"x\":1}");
  }

  @Test
  void escapedJsonInsideAString() {
    String line = "body=\"{\\\"key\\\":\\\"9sLk3Qw7Er5Ty2\\\",\\\"apiId\\\":\\\"api_1\\\"}\"";
    assertThat(redactor.redact(line))
        .isEqualTo("body=\"{\\\"key\\\":\\\"9sLk****\\\",\\\"apiId\\\":\\\"api_1\\\"}\"");
  }

  @Test
  void jsonFieldWithNonStringValue_isLeftAlone() {
    String json = "{\"key\":null,\"plaintext\":42,\"rootKey\":{}}";
    assertThat(redactor.redact(json)).isSameAs(json);
  }

  @Test
  void registeredField() {
    Redactor r = Redactor.builder().field("x-api-key").build();
    assertThat(r.redact("{\"X-API-KEY\":\"9sLk3Qw7Er5Ty2\"}"))
        .isEqualTo("{\"X-API-KEY\":\"9sLk****\"}");
  }

  @Test
  void multiLineMessageAndStackTrace() {
    String trace =
        "java.lang.IllegalStateException: rejected "
            + ROOT_KEY
            + "\n"
            + "\tat com.example.Foo.bar(Foo.java:12)\n"
            + "Caused by: java.io.IOException: {\"key\":\""
            + API_KEY
            + "\"}\n"
            + "\tat com.example.Foo.baz(Foo.java:20)\n";
    assertThat(redactor.redact(trace))
        .isEqualTo(
            "java.lang.IllegalStateException: rejected unkey_3Zx9****\n"
                + "\tat com.example.Foo.bar(Foo.java:12)\n"
                + "Caused by: java.io.IOException: {\"key\":\"sk_live_8fKq****\"}\n"
                + "\tat com.example.Foo.baz(Foo.java:20)\n");
  }

  @Test
  void adjacentAndOverlappingKeys_areAllMasked() {
    String text = ROOT_KEY + ROOT_KEY + " " + ROOT_KEY + "," + API_KEY;
    String out = redactor.redact(text);
    assertThat(out).doesNotContain("Qm2Lk8PfR7tWvYc4Hn").doesNotContain("2RtYwPz3Nv7Hc5Jm");
    assertThat(out).isEqualTo("unkey_3Zx9****_3Zx9**** unkey_3Zx9****,sk_live_8fKq****");
  }

  @Test
  void prefixAtVeryEnd_andTruncatedInputs_doNotThrow() {
    for (String s :
        List.of(
            "unkey_",
            "x unkey",
            "_",
            "\"key\"",
            "\"key\":",
            "\"key\":\"",
            "\"key\":\"abc",
            "\\\"key\\\":\\\"",
            "Bearer",
            "b",
            "\"",
            "\"key\"  \n :  ",
            "")) {
      assertThat(redactor.redact(s)).isNotNull();
    }
    assertThat(redactor.redact("{\"key\":\"9sLk3Qw7Er5Ty2")).isEqualTo("{\"key\":\"9sLk****");
  }

  @Test
  void loneSurrogates_doNotThrow() {
    String text = "\uD800 unkey_3Zx9Qm2Lk8PfR7t\uDC00 \"key\":\"\uDBFFabcdefghi\" Bearer \uD800";
    assertThat(redactor.redact(text))
        .isEqualTo("\uD800 unkey_3Zx9****\uDC00 \"key\":\"\uDBFFabc****\" Bearer \uD800");
  }

  @Test
  void megabyteJson_isLinear() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < 60_000; i++) {
      sb.append("{\"keyId\":\"key_")
          .append(i)
          .append("\",\"key\":\"")
          .append(ROOT_KEY)
          .append("\"},");
    }
    String json = sb.append("{}]").toString();
    assertThat(json.length()).isGreaterThan(3_000_000);
    long t0 = System.nanoTime();
    String out = redactor.redact(json);
    // Linear: ~30 ms. Quadratic rescans took 4.5 s at a third of this size, so ~40 s here; the wide
    // bound
    // keeps the test meaningful on a loaded CI machine.
    assertThat(System.nanoTime() - t0).isLessThan(5_000_000_000L);
    assertThat(out).doesNotContain("Qm2Lk8PfR7tWvYc4Hn");
  }

  @Test
  void pathologicalRepetition_doesNotThrow() {
    String s = "\"key\"".repeat(100_000) + "Bearer ".repeat(100_000) + "unkey_".repeat(100_000);
    assertThat(redactor.redact(s)).isNotNull();
  }

  @Test
  void redactingTwice_changesNothing() {
    String once =
        redactor.redact(
            "Bearer "
                + ROOT_KEY
                + " {\"key\":\"abc\",\"rootKey\":\"9sLk3Qw7Er5Ty2\"} "
                + API_KEY
                + " Bearer xyz");
    assertThat(redactor.redact(once)).isSameAs(once);
  }

  @Test
  void cleanText_isReturnedAsIs() {
    String line =
        "2026-01-01 12:00:00.123 INFO  [main] c.e.OrderService - order_id=42 processed by \"batch\""
            + " in 12 ms";
    assertThat(redactor.redact(line)).isSameAs(line);
    assertThat(redactor.containsSecret(line)).isFalse();
    assertThat(redactor.containsSecret(ROOT_KEY)).isTrue();
  }

  @Test
  void cleanText_allocatesNothing() throws Exception {
    // Reflection: the test runs inside module dev.keyward.core, which does not read
    // java.management.
    Object threads =
        Class.forName("java.lang.management.ManagementFactory")
            .getMethod("getThreadMXBean")
            .invoke(null);
    Method allocated =
        Class.forName("com.sun.management.ThreadMXBean")
            .getMethod("getThreadAllocatedBytes", long.class);
    long thread = Thread.currentThread().getId();
    String line =
        "2026-01-01 12:00:00.123 INFO  [main] c.e.OrderService - order_id=42 processed by \"batch\""
            + " bearing 3 items for customer_name=Bob, total=99.50 EUR, region=eu-west-1,"
            + " retries=0, attempt=1 ok";
    for (int i = 0; i < 20_000; i++) {
      redactor.redact(line);
    }
    long delta = -1;
    for (int attempt = 0; attempt < 5 && delta != 0; attempt++) {
      long before = (long) allocated.invoke(threads, thread);
      allocated.invoke(threads, thread); // the reflective call's own allocation, measured alone
      long overhead = (long) allocated.invoke(threads, thread) - before;
      long start = (long) allocated.invoke(threads, thread);
      for (int i = 0; i < 10_000; i++) {
        redactor.redact(line);
      }
      long end = (long) allocated.invoke(threads, thread);
      delta = end - start - overhead / 2;
    }
    assertThat(delta).isLessThanOrEqualTo(0);
  }

  @Test
  void allocationProbe_seesAllocation() throws Exception {
    // Positive control: the same probe reports the allocation of a line with a key.
    Object threads =
        Class.forName("java.lang.management.ManagementFactory")
            .getMethod("getThreadMXBean")
            .invoke(null);
    Method allocated =
        Class.forName("com.sun.management.ThreadMXBean")
            .getMethod("getThreadAllocatedBytes", long.class);
    long thread = Thread.currentThread().getId();
    long start = (long) allocated.invoke(threads, thread);
    for (int i = 0; i < 1_000; i++) {
      redactor.redact("a " + ROOT_KEY);
    }
    assertThat((long) allocated.invoke(threads, thread) - start).isGreaterThan(10_000);
  }

  @Test
  void redactTo_appends() {
    StringBuilder out = new StringBuilder("> ");
    redactor.redactTo(new StringBuilder("a " + ROOT_KEY), out);
    redactor.redactTo(" clean", out);
    assertThat(out).hasToString("> a unkey_3Zx9**** clean");
    redactor.redactTo(out, out);
    assertThat(out).hasToString("> a unkey_3Zx9**** clean> a unkey_3Zx9**** clean");
  }

  @Test
  void redactInPlace_masksOnlyFromIndex() {
    StringBuilder sb = new StringBuilder("head " + ROOT_KEY + " | tail " + ROOT_KEY);
    int from = sb.indexOf("|");
    assertThat(redactor.redactInPlace(sb, from)).isTrue();
    assertThat(sb).hasToString("head " + ROOT_KEY + " | tail unkey_3Zx9****");
    assertThat(redactor.redactInPlace(sb, from)).isFalse();
    StringBuilder split = new StringBuilder(ROOT_KEY);
    assertThat(redactor.redactInPlace(split, 3)).isFalse();
    assertThatThrownBy(() -> redactor.redactInPlace(sb, -1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void builderRejectsBadPrefixAndField_withoutEchoingThem() {
    assertThatThrownBy(() -> Redactor.builder().prefix("bad prefix"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("prefix must be 1 to 16 characters of [A-Za-z0-9_]");
    assertThatThrownBy(() -> Redactor.builder().prefix("_"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Redactor.builder().prefix("a".repeat(17)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Redactor.builder().field("a\"b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("a\"b");
  }

  @Test
  void defaults_coverUnkeyAndFourFields() {
    assertThat(Redactor.defaults().prefixes()).containsExactly("unkey");
    assertThat(Redactor.defaults().fields())
        .containsExactly("key", "rootKey", "plaintext", "Authorization");
    assertThat(Redactor.defaults().toString()).contains("unkey");
  }
}
