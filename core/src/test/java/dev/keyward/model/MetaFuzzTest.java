package dev.keyward.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keyward.internal.Meta;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request's {@code meta} built by the fuzzer from every JSON and non-JSON value kind (cycles,
 * NaN, infinities, huge numbers, non-String keys, deep nesting, lone surrogates): the builder
 * either keeps an unmodifiable copy equal to the input, within the documented bounds, or throws an
 * {@link IllegalArgumentException} whose message holds no string value of the input. Regression
 * inputs live in {@code MetaFuzzTestInputs/}; fuzz with {@code JAZZER_FUZZ=1}.
 */
class MetaFuzzTest {
  /** Strings the fuzzer put in values, to check that no message repeats one. */
  private final Set<String> values = new HashSet<>();

  /** Keys the fuzzer used: a message may name one, so a value inside a key is not a leak. */
  private final Set<String> keys = new HashSet<>();

  @FuzzTest(maxDuration = "3m")
  void copyThrowsOnlyTypedErrors(FuzzedDataProvider data) {
    values.clear();
    keys.clear();
    Map<String, Object> meta = new LinkedHashMap<>();
    fill(data, meta, 1, new ArrayList<>(List.of(meta)));
    Map<String, Object> copy;
    try {
      copy = CreateKeyRequest.builder("api_12345678").meta(meta).build().meta();
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).startsWith("meta");
      // The message is a path (printable keys, documented) and then fixed text.
      String path = e.getMessage().replaceAll("<key #\\d+>", "");
      String text = path.substring(path.indexOf(' '));
      for (String value : values) {
        if (value.length() >= 8 && keys.stream().noneMatch(k -> k.contains(value))) {
          assertThat(text).doesNotContain(value);
        }
      }
      return;
    }
    assertThat(copy).isEqualTo(meta);
    assertThat(copy.size()).isLessThanOrEqualTo(100);
    assertThat(depth(copy)).isLessThanOrEqualTo(Meta.MAX_DEPTH);
    // What a response carries back is accepted as it is.
    Map<String, Object> read =
        KeyInfo.builder("key_123", "sk_3Zx", true, Instant.EPOCH).meta(copy).build().meta();
    assertThat(read).isEqualTo(copy);
  }

  private void fill(FuzzedDataProvider data, Map<String, Object> map, int depth, List<Object> all) {
    int entries = data.consumeInt(0, depth == 1 ? 110 : 4);
    for (int i = 0; i < entries && data.remainingBytes() > 0; i++) {
      String key = data.consumeString(30);
      keys.add(key);
      map.put(key, value(data, depth + 1, all));
    }
  }

  private Object value(FuzzedDataProvider data, int depth, List<Object> all) {
    switch (data.consumeInt(0, 13)) {
      case 0:
        return string(data);
      case 1:
        return data.consumeLong();
      case 2:
        return data.consumeDouble();
      case 3:
        return data.consumeBoolean();
      case 4:
        return new BigDecimal(BigInteger.valueOf(data.consumeLong()), data.consumeInt());
      case 5:
        return new BigInteger(1, data.consumeBytes(40));
      case 6:
        return data.consumeFloat();
      case 7:
        {
          Map<String, Object> child = new LinkedHashMap<>();
          all.add(child);
          fill(data, child, depth, all);
          return child;
        }
      case 8:
        {
          List<Object> child = new ArrayList<>();
          all.add(child);
          int items = data.consumeInt(0, 4);
          for (int i = 0; i < items && data.remainingBytes() > 0; i++) {
            child.add(value(data, depth + 1, all));
          }
          return child;
        }
      case 9:
        return all.get(data.consumeInt(0, all.size() - 1)); // a cycle or a shared subtree
      case 10:
        return Map.of(data.consumeInt(), "non-String key");
      case 11:
        return new StringBuilder(string(data)); // not a JSON value
      case 12:
        {
          Object nested = string(data);
          for (int i = data.consumeInt(0, 40); i > 0; i--) {
            nested = List.of(nested);
          }
          return nested;
        }
      default:
        return data.consumeBoolean() ? Map.of() : new ArrayList<>();
    }
  }

  private String string(FuzzedDataProvider data) {
    String s = data.consumeString(30);
    values.add(s);
    return s;
  }

  private static int depth(Object value) {
    int deepest = 0;
    if (value instanceof Map<?, ?> map) {
      for (Object child : map.values()) {
        deepest = Math.max(deepest, depth(child));
      }
      return deepest + 1;
    }
    if (value instanceof List<?> list) {
      for (Object child : list) {
        deepest = Math.max(deepest, depth(child));
      }
      return deepest + 1;
    }
    return 0;
  }
}
