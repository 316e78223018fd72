package dev.keyward.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * On any input, {@link WireReader} returns a tree or throws {@link WireFormatException} and nothing
 * else, with one of its fixed messages (so never the input). A tree it returns equals what Moshi's
 * own {@link JsonReader#readJsonValue()} reads from the same bytes, numbers compared as doubles.
 * The documented differences: keyward also rejects nesting beyond 64 and number literals beyond 64
 * characters or with exponents {@link BigDecimal} cannot hold; Moshi's {@code readJsonValue} also
 * rejects duplicate names and numbers beyond a double's range, which keyward keeps (last value
 * wins; {@code BigDecimal}). Regression inputs live in {@code WireReaderFuzzTestInputs/}; fuzz with
 * {@code JAZZER_FUZZ=1}.
 */
class WireReaderFuzzTest {
  @FuzzTest(maxDuration = "2m")
  void readsWhatMoshiReadsOrFailsCleanly(FuzzedDataProvider data) {
    byte[] json = data.consumeRemainingAsBytes();
    Object mine;
    try {
      mine = WireReader.read(new Buffer().write(json));
    } catch (WireFormatException e) {
      assertThat(WireReaderTest.MESSAGES).contains(e.getMessage());
      assertThat(e.getCause()).isNull();
      String text = new String(json, StandardCharsets.UTF_8).strip();
      if (text.length() >= 8) {
        assertThat(e.getMessage()).doesNotContain(text);
      }
      mine = e;
    }
    Object moshi;
    try {
      moshi = moshi(json);
    } catch (IOException | JsonDataException e) {
      moshi = e;
    }
    if (mine instanceof WireFormatException) {
      if (!(moshi instanceof Exception)) {
        assertThat(tooDeep(json) || hasLongNumber(json) || hasHugeExponent(json))
            .as("keyward rejected what Moshi reads: %s", ((Exception) mine).getMessage())
            .isTrue();
      }
      return;
    }
    if (moshi instanceof Exception e) {
      String message = String.valueOf(e.getMessage());
      // Moshi's own messages say which documented difference it hit; a duplicate name can hide an
      // infinite number from keyward's tree (found by fuzzing: {"a":1e109991,"a":2}).
      assertThat(
              message.contains("has multiple values")
                  || message.contains("forbids NaN and infinities")
                  || hasInfiniteNumber(mine))
          .as("Moshi rejected what keyward reads: %s", e.getClass().getSimpleName())
          .isTrue();
      return;
    }
    assertSameTree(mine, moshi);
  }

  private static @Nullable Object moshi(byte[] json) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().write(json));
    Object tree = reader.readJsonValue();
    if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
      throw new IOException("trailing data");
    }
    return tree;
  }

  /** Equal trees, where a keyward number equals a Moshi double of the same value. */
  private static void assertSameTree(@Nullable Object mine, @Nullable Object moshi) {
    if (mine instanceof Map<?, ?> m) {
      assertThat(moshi).isInstanceOf(Map.class);
      Map<?, ?> other = (Map<?, ?>) moshi;
      assertThat(new ArrayList<>(m.keySet())).isEqualTo(new ArrayList<>(other.keySet()));
      for (Map.Entry<?, ?> e : m.entrySet()) {
        assertSameTree(e.getValue(), other.get(e.getKey()));
      }
    } else if (mine instanceof List<?> l) {
      assertThat(moshi).isInstanceOf(List.class);
      List<?> other = (List<?>) moshi;
      assertThat(l).hasSameSizeAs(other);
      Iterator<?> it = other.iterator();
      for (Object o : l) {
        assertSameTree(o, it.next());
      }
    } else if (mine instanceof Number n) {
      assertThat(n).isInstanceOfAny(Long.class, BigDecimal.class);
      assertThat(moshi).isInstanceOf(Double.class);
      assertThat(n.doubleValue() == (Double) moshi).as("%s vs %s", n, moshi).isTrue();
    } else {
      assertThat(mine).isEqualTo(moshi);
    }
  }

  private static boolean hasInfiniteNumber(@Nullable Object tree) {
    if (tree instanceof Map<?, ?> m) {
      return m.values().stream().anyMatch(WireReaderFuzzTest::hasInfiniteNumber);
    }
    if (tree instanceof List<?> l) {
      return l.stream().anyMatch(WireReaderFuzzTest::hasInfiniteNumber);
    }
    return tree instanceof BigDecimal d && Double.isInfinite(d.doubleValue());
  }

  private static boolean hasLongNumber(byte[] json) {
    int run = 0;
    for (byte b : json) {
      boolean numeric =
          (b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E';
      run = numeric ? run + 1 : 0;
      if (run > WireReader.MAX_NUMBER_LENGTH) {
        return true;
      }
    }
    return false;
  }

  /** An exponent of ten or more digits: beyond what {@link BigDecimal} holds. */
  private static boolean hasHugeExponent(byte[] json) {
    for (int i = 0; i < json.length; i++) {
      if (json[i] == 'e' || json[i] == 'E') {
        int j = i + 1;
        if (j < json.length && (json[j] == '+' || json[j] == '-')) {
          j++;
        }
        int digits = 0;
        while (j < json.length && json[j] >= '0' && json[j] <= '9') {
          j++;
          digits++;
        }
        if (digits >= 10) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean tooDeep(byte[] json) {
    int depth = 0;
    for (byte b : json) {
      if (b == '[' || b == '{') {
        if (++depth > WireReader.MAX_DEPTH) {
          return true;
        }
      } else if (b == ']' || b == '}') {
        depth--;
      }
    }
    return false;
  }
}
