package dev.keyward.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Unmodifiable copies of {@code meta} objects, which hold JSON values (nulls included). */
public final class Meta {
  private Meta() {}

  public static Map<String, Object> copy(Map<String, ?> meta) {
    Objects.requireNonNull(meta, "meta == null");
    if (meta.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(meta));
  }
}
