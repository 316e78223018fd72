package dev.keyward.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Masks Unkey keys, bearer tokens and secret-bearing JSON fields in free text such as log lines,
 * URLs, JSON bodies and stack traces.
 *
 * <p>What is found:
 *
 * <ul>
 *   <li>a registered prefix, {@code _} and at least 8 ASCII letters and digits (Unkey's base58, or
 *       base62 of a migrated key), anywhere in the text (root keys {@code unkey_…} always; API key
 *       prefixes such as {@code sk_live} when registered);
 *   <li>{@code Bearer} (any case), blanks and a token;
 *   <li>the string value of the JSON fields {@code key}, {@code rootKey}, {@code plaintext} and
 *       {@code Authorization} (field names compared ignoring case, also in escaped JSON at any
 *       depth: {@code \"key\"}, {@code \\\"key\\\"}), plus the fields registered with {@link
 *       Builder#field(String)}.
 * </ul>
 *
 * <p>The mask keeps Unkey's {@code start} so that a log line still tells which key it was: the
 * prefix with its {@code _} and the next 4 characters, or the first 4 characters of an unprefixed
 * value, followed by {@code ****}. For example {@code unkey_3Zx9Qm2…} becomes {@code
 * unkey_3Zx9****} and {@code Bearer 8fKq2…} becomes {@code Bearer 8fKq****}. Values shorter than 8
 * characters keep nothing: {@code "key":"abc"} becomes {@code "key":"****"}. Redacting redacted
 * text changes nothing.
 *
 * <p>Instances are immutable and thread-safe; build one and share it. Redaction never throws for
 * any input (lone surrogates, truncated JSON, megabyte lines) and does not use regular expressions;
 * text without anything to mask is returned as is, without allocating.
 */
public final class Redactor {
  /** The root-key prefix that every redactor covers. */
  public static final String UNKEY_PREFIX = "unkey";

  private static final List<String> DEFAULT_FIELDS =
      List.of("key", "rootKey", "plaintext", "Authorization");
  private static final int MAX_PREFIX_LENGTH = 16;
  private static final int MAX_FIELD_LENGTH = 64;
  private static final Redactor DEFAULTS = builder().build();

  private final SecretScanner scanner;
  private final List<String> prefixes;
  private final List<String> fields;

  private Redactor(Builder builder) {
    String[] prefixArray = builder.prefixes.toArray(new String[0]);
    Arrays.sort(prefixArray, Comparator.comparingInt(String::length).reversed());
    String[] fieldArray =
        builder.fields.stream()
            .map(f -> f.toLowerCase(Locale.ROOT))
            .distinct()
            .toArray(String[]::new);
    this.scanner = new SecretScanner(prefixArray, fieldArray);
    this.prefixes = List.of(prefixArray);
    this.fields = List.copyOf(builder.fields);
  }

  /**
   * Returns the shared redactor that covers {@code unkey_} root keys, bearer tokens and the default
   * fields.
   */
  public static Redactor defaults() {
    return DEFAULTS;
  }

  /** Returns a builder that starts with the {@code unkey} prefix and the default fields. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns {@code text} with every secret masked; returns the same instance, allocating nothing,
   * when there is nothing to mask.
   */
  public String redact(String text) {
    Objects.requireNonNull(text, "text == null");
    StringBuilder redacted = scanner.redact(text, null);
    return redacted == null ? text : redacted.toString();
  }

  /** Appends {@code text} to {@code out} with every secret masked. */
  public void redactTo(CharSequence text, StringBuilder out) {
    Objects.requireNonNull(text, "text == null");
    Objects.requireNonNull(out, "out == null");
    if (text == out) {
      text = out.toString();
    }
    scanner.redact(text, out);
  }

  /**
   * Masks every secret in {@code text} from {@code fromIndex} to its end, in place, and returns
   * whether anything changed; allocates nothing when there is nothing to mask.
   */
  public boolean redactInPlace(StringBuilder text, int fromIndex) {
    Objects.requireNonNull(text, "text == null");
    if (fromIndex < 0 || fromIndex > text.length()) {
      throw new IndexOutOfBoundsException("fromIndex must be in [0, text.length()]");
    }
    if (!scanner.contains(text, fromIndex)) {
      return false;
    }
    // The check above may also see a prefix that starts before fromIndex; the region alone decides.
    StringBuilder redacted = scanner.redact(text.substring(fromIndex), null);
    if (redacted == null) {
      return false;
    }
    text.setLength(fromIndex);
    text.append(redacted);
    return true;
  }

  /** Returns whether {@link #redact(String)} would mask something in {@code text}. */
  public boolean containsSecret(CharSequence text) {
    Objects.requireNonNull(text, "text == null");
    return scanner.contains(text, 0);
  }

  /** The registered prefixes without their {@code _}, longest first. */
  public List<String> prefixes() {
    return prefixes;
  }

  /** The secret-bearing JSON field names, as registered. */
  public List<String> fields() {
    return fields;
  }

  @Override
  public String toString() {
    return "Redactor{prefixes=" + prefixes + ", fields=" + fields + "}";
  }

  /** Configures a {@link Redactor}; not thread-safe. */
  public static final class Builder {
    private final Set<String> prefixes = new LinkedHashSet<>(List.of(UNKEY_PREFIX));
    private final Set<String> fields = new LinkedHashSet<>(DEFAULT_FIELDS);

    private Builder() {}

    /**
     * Adds an API key prefix such as {@code sk_live} (a trailing {@code _} is ignored): 1 to 16
     * characters of {@code [A-Za-z0-9_]}, as Unkey allows.
     */
    public Builder prefix(String prefix) {
      Objects.requireNonNull(prefix, "prefix == null");
      String p = prefix.endsWith("_") ? prefix.substring(0, prefix.length() - 1) : prefix;
      if (p.isEmpty() || p.length() > MAX_PREFIX_LENGTH || !isWord(p)) {
        throw new IllegalArgumentException(
            "prefix must be 1 to " + MAX_PREFIX_LENGTH + " characters of [A-Za-z0-9_]");
      }
      prefixes.add(p);
      return this;
    }

    /** Adds prefixes, as {@link #prefix(String)} does for each. */
    public Builder prefixes(Iterable<String> prefixes) {
      Objects.requireNonNull(prefixes, "prefixes == null");
      List<String> copy = new ArrayList<>();
      prefixes.forEach(copy::add);
      copy.forEach(this::prefix);
      return this;
    }

    /**
     * Adds a secret-bearing JSON field name, compared ignoring case: 1 to 64 characters of {@code
     * [A-Za-z0-9_-]}.
     */
    public Builder field(String name) {
      Objects.requireNonNull(name, "name == null");
      if (name.isEmpty() || name.length() > MAX_FIELD_LENGTH || !isFieldName(name)) {
        throw new IllegalArgumentException(
            "field must be 1 to " + MAX_FIELD_LENGTH + " characters of [A-Za-z0-9_-]");
      }
      fields.add(name);
      return this;
    }

    /** Builds the immutable redactor. */
    public Redactor build() {
      return new Redactor(this);
    }

    private static boolean isWord(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        boolean ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok) {
          return false;
        }
      }
      return true;
    }

    private static boolean isFieldName(String s) {
      return isWord(s.replace('-', '_'));
    }
  }
}
