package dev.keyward.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.key.Secret;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.AbstractCollection;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Collections that lie or change while a builder reads them: what is checked is what is kept (one
 * read, then checks on that copy), and a lie about {@code size()} is never trusted for a limit or
 * an allocation. Numbers in a request's meta are written as keyward can read them back.
 */
class HostileCollectionsTest {
  private static final Secret KEY = Secret.of("sk_live_3ZxK9mQ2pL7vN4rT8wY6uB1cE5hJ");

  /** Answers {@code first} to the first {@code get}, {@code later} to every other read. */
  private static List<String> changing(String first, String later) {
    return new AbstractList<>() {
      private int reads;

      @Override
      public String get(int index) {
        return reads++ == 0 ? first : later;
      }

      @Override
      public int size() {
        return 1;
      }
    };
  }

  /** Says it holds one permission; {@code toArray()} (what a copy reads) yields {@code count}. */
  private static List<String> understated(int count) {
    return new AbstractList<>() {
      @Override
      public String get(int index) {
        return "documents.read";
      }

      @Override
      public int size() {
        return 1;
      }

      @Override
      public Object[] toArray() {
        Object[] all = new Object[count];
        Arrays.fill(all, "documents.read");
        return all;
      }
    };
  }

  @Test
  void listThatChangesAfterItsCheck_keepsWhatWasChecked() {
    // Checked get(0), then copied toArray(): a 600-character tag (limit 512) got through.
    assertThat(VerifyKeyRequest.builder(KEY).tags(changing("ok", "x".repeat(600))).build().tags())
        .containsExactly("ok");
    // Checked get(0), then copied a null: a bare NullPointerException from List.copyOf.
    assertThat(VerifyKeyRequest.builder(KEY).tags(changing("ok", null)).build().tags())
        .containsExactly("ok");
    assertThatThrownBy(() -> VerifyKeyRequest.builder(KEY).tags(changing(null, "ok")))
        .isInstanceOf(NullPointerException.class)
        .hasMessageStartingWith("tags[0] must not be null");
  }

  @Test
  void listThatUnderstatesItsSize_cannotPassTheLimit() {
    assertThatThrownBy(
            () -> CreateKeyRequest.builder("api_12345678").permissions(understated(1001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("permissions must hold 0 to 1000 items");
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void rawListWithANonString_isTypedError() {
    List raw = new java.util.ArrayList<>(List.of("a", 42));
    assertThatThrownBy(() -> CreateKeyRequest.builder("api_12345678").roles(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("roles[1] must be a String");
  }

  @Test
  void metaThatUnderstatesItsSize_cannotPassTheLimit() {
    Map<String, Object> lying =
        new AbstractMap<>() {
          @Override
          public Set<Entry<String, Object>> entrySet() {
            Map<String, Object> all = new LinkedHashMap<>();
            for (int i = 0; i < 5000; i++) {
              all.put("k" + i, i);
            }
            return all.entrySet();
          }

          @Override
          public int size() {
            return 1;
          }
        };
    assertThatThrownBy(() -> CreateKeyRequest.builder("api_12345678").meta(lying))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("meta may hold at most 100 properties");
  }

  @Test
  void collectionThatLiesAboutItsSize_isCopiedFromItsElements() {
    for (int size : new int[] {Integer.MAX_VALUE, -5}) {
      Map<String, Object> meta = Map.of("a", sized(size));
      assertThat(CreateKeyRequest.builder("api_12345678").meta(meta).build().meta())
          .isEqualTo(Map.of("a", List.of(1L)));
    }
  }

  private static AbstractCollection<Object> sized(int size) {
    return new AbstractCollection<>() {
      @Override
      public Iterator<Object> iterator() {
        return List.<Object>of(1L).iterator();
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  @Test
  void bigDecimalSubclass_canWriteOnlyANumber() {
    BigDecimal injecting =
        new BigDecimal("1") {
          private static final long serialVersionUID = 1L;

          @Override
          public String toString() {
            return "1,\"admin\":true";
          }
        };
    assertThatThrownBy(() -> CreateKeyRequest.builder("api_12345678").meta(Map.of("n", injecting)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("meta.n is a number whose toString() is not a JSON number");

    BigInteger honest =
        new BigInteger("12345") {
          private static final long serialVersionUID = 1L;
        };
    Object copied =
        CreateKeyRequest.builder("api_12345678").meta(Map.of("n", honest)).build().meta().get("n");
    assertThat(copied.getClass()).isEqualTo(BigInteger.class);
    assertThat(copied).isEqualTo(new BigInteger("12345"));
  }

  @Test
  void requestNumberLongerThanTheReaderTakes_isRejected() {
    BigInteger sixtyFiveDigits = BigInteger.TEN.pow(64);
    assertThatThrownBy(
            () -> CreateKeyRequest.builder("api_12345678").meta(Map.of("n", sixtyFiveDigits)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "meta.n is a number of more than 64 characters; allowed: numbers whose JSON text has"
                + " at most 64 characters");
    BigInteger sixtyFour = BigInteger.TEN.pow(63);
    assertThat(CreateKeyRequest.builder("api_12345678").meta(Map.of("n", sixtyFour)).build().meta())
        .containsEntry("n", sixtyFour);
    assertThat(
            CreateKeyRequest.builder("api_12345678")
                .meta(Map.of("n", new BigDecimal("1e400")))
                .build()
                .meta())
        .containsKey("n");
    // A response is read as it came: the reader already bounded its literals.
    assertThat(
            KeyInfo.builder("key_123", "sk_3Zx", true, Instant.EPOCH)
                .meta(Map.of("n", sixtyFiveDigits))
                .build()
                .meta())
        .containsEntry("n", sixtyFiveDigits);
  }
}
