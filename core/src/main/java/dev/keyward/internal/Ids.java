package dev.keyward.internal;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Patterns of identifiers from Unkey's spec, and the list checks built on them. */
public final class Ids {
  public static final Pattern WORD = Pattern.compile("[a-zA-Z0-9_]+");
  public static final Pattern EXTERNAL_ID = Pattern.compile("[a-zA-Z0-9_.-]+");
  public static final Pattern PERMISSION = Pattern.compile("[a-zA-Z0-9_:\\-.*]+");
  public static final Pattern RESOURCE_ID = Pattern.compile("[a-zA-Z0-9_-]+");

  private Ids() {}

  public static String apiId(String value) {
    return Constraints.pattern("apiId", value, 3, 255, WORD, "[a-zA-Z0-9_]");
  }

  /** An id of an existing API (getApi, deleteApi): 8..255 characters. */
  public static String existingApiId(String value) {
    return Constraints.pattern("apiId", value, 8, 255, WORD, "[a-zA-Z0-9_]");
  }

  public static String keyId(String value) {
    return Constraints.pattern("keyId", value, 3, 255, WORD, "[a-zA-Z0-9_]");
  }

  public static String externalId(String value) {
    return Constraints.pattern("externalId", value, 1, 255, EXTERNAL_ID, "[a-zA-Z0-9_.-]");
  }

  public static String permissionSlug(String field, String value) {
    return Constraints.pattern(field, value, 1, 128, PERMISSION, "[a-zA-Z0-9_:-.*]");
  }

  public static List<String> permissionSlugs(String field, List<String> values, int min, int max) {
    Constraints.items(field, values, min, max);
    values.forEach(
        v -> permissionSlug("permission", Objects.requireNonNull(v, "permission == null")));
    return List.copyOf(values);
  }

  public static List<String> roleNames(String field, List<String> values, int min, int max) {
    Constraints.items(field, values, min, max);
    values.forEach(
        v -> Constraints.length("role", Objects.requireNonNull(v, "role == null"), 1, 128));
    return List.copyOf(values);
  }

  /** A pagination cursor: null (first page) or 1..max characters, never empty. */
  public static @Nullable String cursor(@Nullable String value, int max) {
    return value == null ? null : Constraints.length("cursor", value, 1, max);
  }
}
