package dev.keyward.testing;

import dev.keyward.model.RatelimitOverride;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A rate-limit namespace and its overrides by identifier (which may hold {@code *}); guarded by the
 * workspace lock.
 */
final class StoredNamespace {
  final String id;
  final String name;
  final Map<String, RatelimitOverride> overrides = new LinkedHashMap<>();

  StoredNamespace(String id, String name) {
    this.id = id;
    this.name = name;
  }

  /** The override for {@code identifier}: an exact one first, else the first matching wildcard. */
  @Nullable RatelimitOverride overrideFor(String identifier) {
    RatelimitOverride exact = overrides.get(identifier);
    if (exact != null) {
      return exact;
    }
    for (RatelimitOverride o : overrides.values()) {
      if (o.identifier().contains("*") && glob(o.identifier()).matcher(identifier).matches()) {
        return o;
      }
    }
    return null;
  }

  private static Pattern glob(String pattern) {
    StringBuilder re = new StringBuilder();
    for (String part : pattern.split("\\*", -1)) {
      if (re.length() > 0) {
        re.append(".*");
      }
      re.append(Pattern.quote(part));
    }
    return Pattern.compile(re.toString());
  }
}
