package dev.keyward.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import okhttp3.Headers;

/**
 * Headers as keyward shows them (response metadata, interceptor views): names lower-cased; {@code
 * Authorization}, {@code Proxy-Authorization}, cookies, and every header with a value that holds a
 * key (per the client's Redactor, or one this call sent) are removed, never masked in place.
 */
final class ResponseHeaders {
  private static final Set<String> NEVER =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");

  private ResponseHeaders() {}

  /** Whether a header of this name is never shown. */
  static boolean secretName(String name) {
    return NEVER.contains(name.toLowerCase(Locale.ROOT));
  }

  /** The headers keyward may show; {@code holdsSecret} tests each value. */
  static Map<String, List<String>> shown(Headers headers, Predicate<String> holdsSecret) {
    if (headers.size() == 0) {
      return Map.of();
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    Set<String> dropped = new java.util.HashSet<>();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i).toLowerCase(Locale.ROOT);
      String value = headers.value(i);
      if (dropped.contains(name)) {
        continue;
      }
      if (NEVER.contains(name) || holdsSecret.test(value) || holdsSecret.test(name)) {
        // one bad value hides the whole header: its other values could be pieces of the key
        dropped.add(name);
        out.remove(name);
        continue;
      }
      out.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
    }
    out.replaceAll((n, v) -> List.copyOf(v));
    return java.util.Collections.unmodifiableMap(out);
  }
}
