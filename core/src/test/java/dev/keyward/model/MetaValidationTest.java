package dev.keyward.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.model.Verification.Code;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Finding 4: {@code meta} is checked where it enters (every builder and value that takes one):
 * cycles, nesting beyond 32 levels, non-JSON values, non-String keys and NaN/Infinity are a typed
 * {@link IllegalArgumentException} naming the path; the copy is deep and unmodifiable.
 */
class MetaValidationTest {
  /** Every place a user or a codec hands keyward a {@code meta} map. */
  private static final List<Consumer<Map<String, ?>>> ENTRIES =
      List.of(
          m -> CreateKeyRequest.builder("api_123").meta(m),
          m -> UpdateKeyRequest.builder("key_123").meta(m),
          m -> CreateIdentityRequest.builder("user_1").meta(m),
          m -> UpdateIdentityRequest.builder("user_1").meta(m),
          m -> MigratedKey.builder("sha256_abc").meta(m),
          m -> KeyInfo.builder("key_123", "sk_3Zx", true, Instant.EPOCH).meta(m),
          m -> new Identity("id_1", "user_1", objects(m), List.of()),
          m -> Verification.builder(Code.VALID).requestId("req_1").meta(objects(m)).build());

  @SuppressWarnings("unchecked")
  private static Map<String, Object> objects(Map<String, ?> m) {
    return (Map<String, Object>) m;
  }

  private static void rejected(Map<String, ?> meta, String... messageParts) {
    for (Consumer<Map<String, ?>> entry : ENTRIES) {
      assertThatThrownBy(() -> entry.accept(meta))
          .isExactlyInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("meta")
          .hasMessageContainingAll(messageParts);
    }
  }

  private static Map<String, Object> nested(int levels) {
    Map<String, Object> root = new HashMap<>();
    Map<String, Object> current = root;
    for (int i = 1; i < levels; i++) {
      Map<String, Object> child = new HashMap<>();
      current.put("a", child);
      current = child;
    }
    current.put("leaf", 1);
    return root;
  }

  @Test
  void cyclicMapIsRejected() {
    Map<String, Object> meta = new HashMap<>();
    Map<String, Object> inner = new HashMap<>();
    meta.put("plan", inner);
    inner.put("back", meta);
    rejected(meta, "meta.plan.back", "cycle");
  }

  @Test
  void listContainingItselfIsRejected() {
    List<Object> list = new ArrayList<>();
    list.add("x");
    list.add(list);
    rejected(Map.of("tags", list), "meta.tags[1]", "cycle");
  }

  @Test
  void sharedButAcyclicValuesAreAccepted() {
    Map<String, Object> shared = Map.of("tier", "gold");
    Map<String, Object> meta = Map.of("a", shared, "b", List.of(shared, shared));
    assertThat(CreateKeyRequest.builder("api_123").meta(meta).build().meta()).isEqualTo(meta);
  }

  @Test
  void depthIsLimitedTo32LevelsIncludingListsWithoutThrowingStackOverflow() {
    assertThat(CreateKeyRequest.builder("api_123").meta(nested(32)).build().meta())
        .isEqualTo(nested(32));
    rejected(nested(33), "deeper than 32 levels");
    rejected(nested(1_000), "deeper than 32 levels");
    Object deepList = "leaf";
    for (int i = 0; i < 1_000; i++) {
      deepList = List.of(deepList);
    }
    rejected(Map.of("l", deepList), "deeper than 32 levels");
  }

  @Test
  void nonJsonValuesAndKeysAreRejectedByPath() {
    rejected(Map.of("a", Map.of("b", new Object())), "meta.a.b", "not a JSON value");
    rejected(Map.of("n", Double.NaN), "meta.n", "NaN or infinite");
    rejected(Map.of("n", List.of(1, Double.POSITIVE_INFINITY)), "meta.n[1]", "NaN or infinite");
    rejected(Map.of("n", Float.NEGATIVE_INFINITY), "meta.n", "NaN or infinite");
    rejected(Map.of("n", new AtomicLong(1)), "meta.n", "number type");
    Map<Object, Object> intKeys = new HashMap<>();
    intKeys.put(1, "x");
    rejected(Map.of("a", intKeys), "meta.a", "not a String");
    Map<String, Object> nullKey = new HashMap<>();
    nullKey.put(null, "x");
    rejected(nullKey, "meta", "not a String");
  }

  @Test
  void unprintableKeysAreNamedByPosition() {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("ok", 1);
    meta.put("sk_live_3ZxKq8mPv7 RtWb", Double.NaN);
    assertThatThrownBy(() -> CreateKeyRequest.builder("api_123").meta(meta))
        .hasMessageStartingWith("meta.<key #1> ")
        .hasMessageNotContaining("3ZxK");
  }

  @Test
  void jsonValuesAreAcceptedAndCopiedDeeplyAndUnmodifiably() {
    List<Object> list = new ArrayList<>(List.of(1, "two"));
    Map<String, Object> inner = new HashMap<>(Map.of("list", list));
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("inner", inner);
    meta.put("nothing", null);
    meta.put(
        "numbers", List.of((byte) 1, (short) 2, 3, 4L, 5.5, 6.5f, BigInteger.TEN, BigDecimal.ONE));
    meta.put("flag", true);
    Map<String, Object> copy = CreateKeyRequest.builder("api_123").meta(meta).build().meta();
    list.add(list); // a cycle made after the check cannot reach the copy
    inner.put("later", "x");
    assertThat(copy.get("inner")).isEqualTo(Map.of("list", List.of(1, "two")));
    assertThat(copy).containsEntry("nothing", null).containsEntry("flag", true);
    @SuppressWarnings("unchecked")
    Map<String, Object> innerCopy = (Map<String, Object>) copy.get("inner");
    assertThatThrownBy(() -> innerCopy.put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> listCopy = (List<Object>) innerCopy.get("list");
    assertThatThrownBy(() -> listCopy.add(1)).isInstanceOf(UnsupportedOperationException.class);
  }
}
