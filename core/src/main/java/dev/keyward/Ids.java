package dev.keyward;

import java.util.regex.Pattern;

/** Patterns of identifiers from Unkey's spec. */
final class Ids {
  static final Pattern WORD = Pattern.compile("[a-zA-Z0-9_]+");
  static final Pattern EXTERNAL_ID = Pattern.compile("[a-zA-Z0-9_.-]+");
  static final Pattern PERMISSION = Pattern.compile("[a-zA-Z0-9_:\\-.*]+");

  private Ids() {}

  static String apiId(String value) {
    return Constraints.pattern("apiId", value, 3, 255, WORD, "[a-zA-Z0-9_]");
  }

  static String keyId(String value) {
    return Constraints.pattern("keyId", value, 3, 255, WORD, "[a-zA-Z0-9_]");
  }

  static String externalId(String value) {
    return Constraints.pattern("externalId", value, 1, 255, EXTERNAL_ID, "[a-zA-Z0-9_.-]");
  }
}
