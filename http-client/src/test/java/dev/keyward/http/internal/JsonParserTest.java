package dev.keyward.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonParserTest {
  private static Object parse(String json) {
    return JsonParser.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsEveryValueTypeIntoTheTreeTypes() {
    Object tree =
        parse(
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
    assertThat(parse("999999999999999999")).isEqualTo(999999999999999999L);
    assertThat(parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(parse("9223372036854775808")).isEqualTo(new BigDecimal("9223372036854775808"));
    assertThat(parse("-0")).isEqualTo(0L);
    assertThat(parse("0")).isEqualTo(0L);
  }

  @Test
  void numberLiteralsAreBounded() {
    assertThat(parse("1" + "0".repeat(63))).isEqualTo(new BigDecimal("1" + "0".repeat(63)));
    assertThatThrownBy(() -> parse("[1" + "0".repeat(64) + "]"))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("malformed JSON: expected a number of at most 64 characters at byte 1");
  }

  @Test
  void decodesEscapesSurrogatePairsAndUtf8() {
    assertThat(parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\""))
        .isEqualTo("a\"b\\c/d\b\f\n\r\t\u00e9\uD83D\uDE00");
    assertThat(parse("\"caf\u00e9 \u20ac \uD83D\uDE00\""))
        .isEqualTo("caf\u00e9 \u20ac \uD83D\uDE00");
    assertThat(parse("\"\u00e9\\n\u20ac\"")).isEqualTo("\u00e9\n\u20ac");
    assertThat(parse("\"\\u0000\"")).isEqualTo("\u0000");
  }

  @Test
  void invalidUtf8BecomesTheReplacementCharacter() {
    byte[] json = {'"', 'a', (byte) 0xC3, '"'};
    assertThat(JsonParser.parse(json)).isEqualTo("a\uFFFD");
  }

  @Test
  void repeatedNamesShareOneStringAndCollisionsStayCorrect() {
    Map<?, ?> first = (Map<?, ?>) parse("{\"requestId\":1}");
    Map<?, ?> second = (Map<?, ?>) parse("{\"requestId\":2}");
    assertThat(second.keySet().iterator().next()).isSameAs(first.keySet().iterator().next());
    // Same length and end bytes, so the same cache slot: each parse still reads its own name.
    assertThat(parse("{\"axb\":1,\"ayb\":2,\"axb\":3,\"a\\u0078b\":4,\"\":5}"))
        .isEqualTo(Map.of("axb", 4L, "ayb", 2L, "", 5L));
  }

  @Test
  void duplicateNamesKeepTheLastValue() {
    assertThat(parse("{\"a\":1,\"b\":2,\"a\":3}")).isEqualTo(Map.of("a", 3L, "b", 2L));
  }

  @Test
  void nestingIsBounded() {
    String ok = "[".repeat(JsonParser.MAX_DEPTH) + "]".repeat(JsonParser.MAX_DEPTH);
    assertThat(parse(ok)).isInstanceOf(List.class);
    String deep = "[".repeat(JsonParser.MAX_DEPTH + 2) + "]".repeat(JsonParser.MAX_DEPTH + 2);
    assertThatThrownBy(() -> parse(deep))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("nested deeper than 64");
    String deepBomb = "[".repeat(100_000);
    assertThatThrownBy(() -> parse(deepBomb)).isInstanceOf(WireFormatException.class);
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
        "01",
        "1.",
        ".5",
        "1e",
        "1e+",
        "-",
        "+1",
        "--1",
        "tru",
        "nul",
        "True",
        "NaN",
        "Infinity",
        "\"abc",
        "\"\\x\"",
        "\"\\u12G4\"",
        "\"\\u12\"",
        "\"a\nb\"",
        "\"\t\"",
        "1 2",
        "{} []",
        "[1 2]",
        "{\"a\":1 \"b\":2}",
        "// c\n1",
        "/* c */1",
        "[1]x",
        "\"\\",
        "{\"a\"",
        "{\"a\":",
        "[",
        "[1"
      })
  void rejectsWhatRfc8259Rejects(String json) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(WireFormatException.class)
        .hasMessageStartingWith("malformed JSON: expected ");
  }

  @Test
  void errorsNameTheOffsetButNeverTheInput() {
    assertThatThrownBy(() -> parse("{\"key\":\"unkey_3ZZ8mN5dYk1TGQ7vWz2p\" \"x\"}"))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("malformed JSON: expected ',' or '}' in an object at byte 36")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("unkey_"));
    assertThatThrownBy(() -> parse("[\"unkey_3ZZ8mN5dYk1TGQ7vWz2p"))
        .hasMessage(
            "malformed JSON: expected the closing quote of a string at the end of the input");
  }
}
