package dev.keyward.internal;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Patterns of identifiers from Unkey's spec, and the list checks built on them. */
public final class Ids {
  public static final Pattern WORD = Pattern.compile("[a-zA-Z0-9_]+");
  public static final Pattern EXTERNAL_ID = Pattern.compile("[a-zA-Z0-9_.-]+");
  public static final Pattern PERMISSION = Pattern.compile("[a-zA-Z0-9_:\\-.*]+");
  public static final Pattern RESOURCE_ID = Pattern.compile("[a-zA-Z0-9_-]+");

  /** How messages describe {@link #PERMISSION}. */
  public static final String PERMISSION_TEXT = "[a-zA-Z0-9_:-.*]";

  private Ids() {}

  public static String apiId(@Nullable String value) {
    return Constraints.pattern("apiId", value, 3, 255, WORD, "[a-zA-Z0-9_]");
  }

  /** An id of an existing API (getApi, deleteApi): 8..255 characters. */
  public static String existingApiId(@Nullable String value) {
    return Constraints.pattern("apiId", value, 8, 255, WORD, "[a-zA-Z0-9_]");
  }

  public static String keyId(@Nullable String value) {
    return Constraints.pattern("keyId", value, 3, 255, WORD, "[a-zA-Z0-9_]");
  }

  public static String externalId(@Nullable String value) {
    return Constraints.pattern("externalId", value, 1, 255, EXTERNAL_ID, "[a-zA-Z0-9_.-]");
  }

  public static String permissionSlug(String field, @Nullable String value) {
    return Constraints.pattern(field, value, 1, 128, PERMISSION, PERMISSION_TEXT);
  }

  /** A list of {@code min..max} permission slugs; an element is named {@code field[i]}. */
  public static List<String> permissionSlugs(
      String field, @Nullable List<String> values, int min, int max) {
    return Constraints.eachPattern(field, values, min, max, 1, 128, PERMISSION, PERMISSION_TEXT);
  }

  /** A list of {@code min..max} role names of 1..128 characters. */
  public static List<String> roleNames(
      String field, @Nullable List<String> values, int min, int max) {
    return Constraints.eachLength(field, values, min, max, 1, 128);
  }

  /** A pagination cursor: null (first page) or 1..max characters, never empty. */
  public static @Nullable String cursor(@Nullable String value, int max) {
    return value == null ? null : Constraints.length("cursor", value, 1, max);
  }
}
