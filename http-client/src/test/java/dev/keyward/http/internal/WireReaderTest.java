package dev.keyward.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireReaderTest {
  /** Every message {@link WireReader} may fail with: fixed texts, so none can carry input. */
  static final Set<String> MESSAGES =
      Set.of(
          "malformed or truncated JSON (JsonEncodingException)",
          "malformed or truncated JSON (EOFException)",
          "malformed or truncated JSON (JsonDataException)",
          "malformed or truncated JSON (NumberFormatException)",
          "malformed JSON number",
          "malformed JSON: data after the document",
          "malformed JSON: a number longer than 64 characters",
          "JSON nested deeper than 64 levels");

  private static Object read(String json) {
    return WireReader.read(new Buffer().writeUtf8(json));
  }

  @Test
  void readsEveryValueTypeIntoTheTreeTypes() {
    Object tree =
        read(
            " {\"s\":\"x\",\"t\":true,\"f\":false,\"n\":null,\"i\":-42,\"d\":1.50,\"e\":2E+3,"
                + "\"a\":[1,[],{}],\"o\":{\"k\":\"v\"}} \r\n\t");
    assertThat(tree).isInstanceOf(LinkedHashMap.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) tree;
    assertThat(m.keySet()).containsExactly("s", "t", "f", "n", "i", "d", "e", "a", "o");
    assertThat(m.get("s")).isEqualTo("x");
    assertThat(m.get("t")).isEqualTo(true);
    assertThat(m.get("f")).isEqualTo(false);
    assertThat(m.containsKey("n")).isTrue();
    assertThat(m.get("n")).isNull();
    assertThat(m.get("i")).isEqualTo(-42L);
    assertThat(m.get("d")).isEqualTo(new BigDecimal("1.50"));
    assertThat(m.get("e")).isEqualTo(new BigDecimal("2E+3"));
    assertThat(m.get("a")).isEqualTo(Arrays.asList(1L, List.of(), Map.of()));
    assertThat(m.get("o")).isEqualTo(Map.of("k", "v"));
  }

  @Test
  void integralNumbersStayExactAtAnySize() {
    assertThat(read("999999999999999999")).isEqualTo(999999999999999999L);
    assertThat(read("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(read("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(read("9223372036854775808")).isEqualTo(new BigDecimal("9223372036854775808"));
    assertThat(read("-0")).isEqualTo(0L);
    assertThat(read("0")).isEqualTo(0L);
    assertThat(read("1.0")).isEqualTo(new BigDecimal("1.0"));
  }

  @Test
  void numberLiteralsAreBounded() {
    assertThat(read("1" + "0".repeat(63))).isEqualTo(new BigDecimal("1" + "0".repeat(63)));
    assertThatThrownBy(() -> read("[1" + "0".repeat(64) + "]"))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("malformed JSON: a number longer than 64 characters");
  }

  @Test
  void exponentsBeyondBigDecimalAreRejected() {
    // Moshi reads 1e-99999999999 as the double 0.0; keyward keeps numbers exact, so it cannot.
    assertThatThrownBy(() -> read("{\"n\":1e-99999999999}"))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("malformed JSON number");
  }

  @Test
  void decodesEscapesSurrogatePairsAndUtf8() {
    assertThat(read("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\""))
        .isEqualTo("a\"b\\c/d\b\f\n\r\t\u00e9\uD83D\uDE00");
    assertThat(read("\"caf\u00e9 \u20ac \uD83D\uDE00\""))
        .isEqualTo("caf\u00e9 \u20ac \uD83D\uDE00");
    assertThat(read("\"\u00e9\\n\u20ac\"")).isEqualTo("\u00e9\n\u20ac");
    assertThat(read("\"\\u0000\"")).isEqualTo("\u0000");
  }

  @Test
  void invalidUtf8BecomesTheReplacementCharacter() {
    byte[] json = {'"', 'a', (byte) 0xC3, '"'};
    assertThat(WireReader.read(new Buffer().write(json))).isEqualTo("a\uFFFD");
  }

  @Test
  void knownNamesAreTheInternedConstantsAndOthersAreReadAsWritten() {
    Map<?, ?> first = (Map<?, ?>) read("{\"requestId\":1}");
    Map<?, ?> second = (Map<?, ?>) read("{\"requestId\":2}");
    Object name = first.keySet().iterator().next();
    assertThat(name).isSameAs("requestId");
    assertThat(second.keySet().iterator().next()).isSameAs(name);
    // A known name written with an escape still matches; unknown names and near misses are exact.
    Map<?, ?> escaped = (Map<?, ?>) read("{\"\\u0076alid\":true}");
    assertThat(escaped.keySet().iterator().next()).isSameAs("valid");
    assertThat(read("{\"axb\":1,\"ayb\":2,\"axb\":3,\"a\\u0078b\":4,\"\":5,\"ids\":6,\"i\":7}"))
        .isEqualTo(Map.of("axb", 4L, "ayb", 2L, "", 5L, "ids", 6L, "i", 7L));
  }

  @Test
  void duplicateNamesKeepTheLastValue() {
    assertThat(read("{\"a\":1,\"b\":2,\"a\":3}")).isEqualTo(Map.of("a", 3L, "b", 2L));
    assertThat(read("{\"keyId\":\"k1\",\"keyId\":null}")).isEqualTo(nullValued("keyId"));
  }

  private static Map<String, Object> nullValued(String name) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(name, null);
    return m;
  }

  @Test
  void nestingIsBounded() {
    String ok = "[".repeat(WireReader.MAX_DEPTH) + "]".repeat(WireReader.MAX_DEPTH);
    assertThat(read(ok)).isInstanceOf(List.class);
    String objects =
        "{\"a\":".repeat(WireReader.MAX_DEPTH) + "1" + "}".repeat(WireReader.MAX_DEPTH);
    assertThat(read(objects)).isInstanceOf(Map.class);
    String deep = "[".repeat(WireReader.MAX_DEPTH + 1) + "]".repeat(WireReader.MAX_DEPTH + 1);
    assertThatThrownBy(() -> read(deep))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("JSON nested deeper than 64 levels");
    String deepBomb = "[".repeat(100_000);
    assertThatThrownBy(() -> read(deepBomb)).isInstanceOf(WireFormatException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "{",
        "}",
        "[1,]",
        "{\"a\":1,}",
        "{\"a\"1}",
        "{a:1}",
        "{'a':1}",
        "['a']",
        "01",
        "-01",
        "1.",
        ".5",
        "1e",
        "1e+",
        "-",
        "+1",
        "--1",
        "tru",
        "nul",
        "NaN",
        "Infinity",
        "\"abc",
        "\"\\x\"",
        "\"\\u12G4\"",
        "\"\\u12\"",
        "1 2",
        "{} []",
        "[1 2]",
        "{\"a\":1 \"b\":2}",
        "// c\n1",
        "/* c */1",
        "# c\n1",
        "[1]x",
        "\"\\",
        "{\"a\"",
        "{\"a\":",
        "[",
        "[1"
      })
  void rejectsWhatRfc8259Rejects(String json) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOf(WireFormatException.class)
        .satisfies(e -> assertThat(MESSAGES).contains(e.getMessage()))
        .satisfies(e -> assertThat(e.getCause()).isNull());
  }

  /**
   * Where Moshi's strict mode is more liberal than RFC 8259 (and than the hand-written parser
   * keyward had before): raw control characters in strings, the {@code \'} and backslash-newline
   * escapes, and literals in any letter case. None of these can change what a well-formed answer
   * means, so keyward takes Moshi's reading rather than owning a parser.
   */
  @Test
  void acceptsMoshisStrictModeExtensionsToRfc8259() {
    assertThat(read("\"a\nb\"")).isEqualTo("a\nb");
    assertThat(read("\"\t\"")).isEqualTo("\t");
    assertThat(read("\"it\\'s\"")).isEqualTo("it's");
    assertThat(read("\"a\\\nb\"")).isEqualTo("a\nb");
    assertThat(read("[True,fALSE,NULL]")).isEqualTo(Arrays.asList(true, false, null));
  }

  @Test
  void errorsNeverEchoTheInputNorItsNames() {
    String key = "unkey_3ZZ8mN5dYk1TGQ7vWz2p";
    for (String json :
        List.of(
            "{\"key\":\"" + key + "\" \"x\"}",
            "[\"" + key,
            "{\"" + key + "\":tru}",
            "{\"" + key + "\":{\"a\":[1,2,01]}}",
            "{\"" + key + "\":[\"\\u12G4\"]}",
            "{\"" + key + "\":1}x",
            "{\"" + key + "\":[1" + "0".repeat(70) + "]}")) {
      assertThatThrownBy(() -> read(json))
          .as(json)
          .isInstanceOf(WireFormatException.class)
          .satisfies(e -> assertThat(MESSAGES).contains(e.getMessage()))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("unkey_").doesNotContain("$"))
          .satisfies(e -> assertThat(e.getCause()).isNull());
    }
  }

  @Test
  void malformedResponsesReachTheCodecsAsWireFormatException() {
    assertThatThrownBy(
            () ->
                VerifyKeyCodec.VERIFY_KEY.decode(
                    new Buffer().writeUtf8("{\"meta\":{\"requestId\":\"r\"},\"data\":{\"valid\":")))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("malformed or truncated JSON (EOFException)");
  }
}
