package dev.keyward.leak;

import dev.keyward.key.InvalidKeyFormatException;
import dev.keyward.key.KeyFormat;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Secret-scanner rules for the API keys you issue: a gitleaks rule, a TruffleHog custom detector
 * and a GitHub secret-scanning custom pattern that find keys of {@link KeyFormat}'s shape with your
 * prefixes ({@code prefix + "_" + base58 body}).
 *
 * <pre>{@code
 * ScannerRules rules = ScannerRules.forPrefixes(List.of("sk_live", "sk_test"));
 * rules.writeTo(Path.of("scanner-rules")); // gitleaks.toml, trufflehog.yaml, github-custom-pattern.txt
 * }</pre>
 *
 * <p>Every regular expression uses only syntax that RE2 (gitleaks, TruffleHog, Go) and Hyperscan
 * (GitHub) share: literals, explicit character classes, bounded repeats, non-capturing groups and
 * the buffer anchors {@code \A} and {@code \z}; no {@code \b}, lookaround or backreferences. A key
 * must stand alone: the character before it and the one after it, if any, are not {@code
 * [0-9A-Za-z_]}, so {@code live_…} is not found inside {@code sk_live_…} and a longer base58 run is
 * not cut into a key. Those boundary characters are consumed, so two keys separated by a single
 * character are found one at a time by an engine that does not overlap matches; the key itself is
 * capture group 1 (gitleaks' {@code secretGroup}, TruffleHog's first group).
 *
 * <p>A body of {@code n} random bytes is {@code n} to {@code ceil(8n / log2 58)} base58 characters
 * (leading zero bytes become {@code '1'}s), so every key {@link KeyFormat#generate} makes matches.
 * Instances are immutable; the rules hold prefixes, never a key.
 */
public final class ScannerRules {
  /** The file {@link #writeTo} writes the gitleaks configuration to. */
  public static final String GITLEAKS_FILE = "gitleaks.toml";

  /** The file {@link #writeTo} writes the TruffleHog custom detectors to. */
  public static final String TRUFFLEHOG_FILE = "trufflehog.yaml";

  /** The file {@link #writeTo} writes the GitHub custom pattern's fields to. */
  public static final String GITHUB_FILE = "github-custom-pattern.txt";

  /**
   * The Shannon entropy (bits per character, over the whole key) below which gitleaks drops a
   * match. A 16-byte key with a short prefix scores about 4.1; {@code sk_live_1111…} scores below.
   */
  public static final double GITLEAKS_ENTROPY = 3.0;

  /**
   * The base58 alphabet as an explicit character class (no {@code 0}, {@code O}, {@code I}, {@code
   * l}).
   */
  public static final String BASE58_CLASS = "[1-9A-HJ-NP-Za-km-z]";

  /**
   * GitHub's "Before secret" field: the start of the file or a character that is not a word one.
   */
  public static final String GITHUB_BEFORE_SECRET = "\\A|[^0-9A-Za-z_]";

  /** GitHub's "After secret" field: the end of the file or a character that is not a word one. */
  public static final String GITHUB_AFTER_SECRET = "\\z|[^0-9A-Za-z_]";

  private static final int MIN_BYTES = 16;
  private static final int MAX_BYTES = 255;

  private final List<String> prefixes;
  private final int byteLength;
  private final int minBody;
  private final int maxBody;

  private ScannerRules(List<String> prefixes, int byteLength) {
    this.prefixes = prefixes;
    this.byteLength = byteLength;
    this.minBody = byteLength;
    this.maxBody = maxBase58Length(byteLength);
  }

  /**
   * Rules for keys with {@code prefixes} and Unkey's default body of {@value
   * KeyFormat#DEFAULT_BYTE_LENGTH} random bytes.
   *
   * @throws InvalidKeyFormatException if {@code prefixes} is empty or holds a prefix that {@link
   *     KeyFormat#checkPrefix} rejects (the message names its index, never its text)
   */
  public static ScannerRules forPrefixes(List<String> prefixes) {
    return forPrefixes(prefixes, KeyFormat.DEFAULT_BYTE_LENGTH);
  }

  /**
   * Rules for keys with {@code prefixes} and a body of {@code byteLength} random bytes (the {@code
   * byteLength} of Unkey's create-key request). Repeated prefixes count once.
   *
   * @throws InvalidKeyFormatException if {@code prefixes} is empty, holds a prefix that {@link
   *     KeyFormat#checkPrefix} rejects, or {@code byteLength} is outside 16..255
   */
  public static ScannerRules forPrefixes(List<String> prefixes, int byteLength) {
    Objects.requireNonNull(prefixes, "prefixes == null");
    if (prefixes.isEmpty()) {
      throw new InvalidKeyFormatException(
          "prefixes must hold at least one key prefix (1 to 16 characters of [a-zA-Z0-9_])");
    }
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    for (int i = 0; i < prefixes.size(); i++) {
      String prefix = Objects.requireNonNull(prefixes.get(i), "prefixes[" + i + "] == null");
      try {
        KeyFormat.checkPrefix(prefix);
      } catch (InvalidKeyFormatException e) {
        // KeyFormat's messages name the rule, never the text; add which entry broke it
        throw new InvalidKeyFormatException("prefixes[" + i + "]: " + e.getMessage());
      }
      unique.add(prefix);
    }
    if (byteLength < MIN_BYTES || byteLength > MAX_BYTES) {
      throw new InvalidKeyFormatException(
          "byteLength must be between " + MIN_BYTES + " and " + MAX_BYTES);
    }
    return new ScannerRules(List.copyOf(unique), byteLength);
  }

  /** The prefixes these rules find, without repeats, in the order given. */
  public List<String> prefixes() {
    return prefixes;
  }

  /** The number of random bytes in a key's body. */
  public int byteLength() {
    return byteLength;
  }

  /** The fewest base58 characters a key's body has ({@link #byteLength()}: all leading zeros). */
  public int minBodyLength() {
    return minBody;
  }

  /** The most base58 characters a key's body has: {@code ceil(8 * byteLength / log2 58)}. */
  public int maxBodyLength() {
    return maxBody;
  }

  /**
   * One regular expression that finds a key with any of the prefixes, with the boundaries described
   * above; group 1 is the key. Valid RE2 and Hyperscan.
   */
  public String keyRegex() {
    return bounded(githubSecretFormat());
  }

  /**
   * The regular expression that finds keys with {@code prefix}, which must be one of {@link
   * #prefixes()}; group 1 is the key. This is the {@code regex} of the prefix's gitleaks rule and
   * TruffleHog detector.
   */
  public String keyRegex(String prefix) {
    Objects.requireNonNull(prefix, "prefix == null");
    if (!prefixes.contains(prefix)) {
      throw new IllegalArgumentException("prefix must be one of these rules' prefixes");
    }
    return bounded(secretFormat(List.of(prefix)));
  }

  /**
   * GitHub's "Secret format" field: the key without boundaries, every prefix in one pattern (GitHub
   * applies {@link #GITHUB_BEFORE_SECRET} and {@link #GITHUB_AFTER_SECRET} around it).
   */
  public String githubSecretFormat() {
    return secretFormat(prefixes);
  }

  /**
   * A gitleaks configuration ({@code gitleaks detect --config gitleaks.toml}): one rule per prefix
   * with {@code regex}, {@code secretGroup = 1}, {@code entropy} and the prefix as {@code
   * keywords}; it extends gitleaks' default rules rather than replacing them.
   */
  public String gitleaksToml() {
    StringBuilder out = new StringBuilder();
    out.append("# gitleaks rules for keyward API keys: ").append(shape()).append('\n');
    out.append("# Generated by keyward (dev.keyward.leak.ScannerRules). Use:")
        .append(" gitleaks detect --config ")
        .append(GITLEAKS_FILE)
        .append('\n');
    out.append("title = ").append(RuleText.tomlString("keyward API keys")).append("\n\n");
    out.append("[extend]\n# keep gitleaks' default rules as well\nuseDefault = true\n");
    for (String prefix : prefixes) {
      out.append("\n[[rules]]\n");
      out.append("id = ").append(RuleText.tomlString(ruleId(prefix))).append('\n');
      out.append("description = ").append(RuleText.tomlString(description(prefix))).append('\n');
      out.append("regex = ").append(RuleText.tomlString(keyRegex(prefix))).append('\n');
      out.append("secretGroup = 1\n");
      out.append("entropy = ").append(GITLEAKS_ENTROPY).append('\n');
      out.append("keywords = [").append(RuleText.tomlString(keyword(prefix))).append("]\n");
    }
    return out.toString();
  }

  /**
   * TruffleHog custom detectors ({@code trufflehog filesystem . --config trufflehog.yaml}): one
   * detector per prefix with {@code name}, {@code keywords} and {@code regex}.
   */
  public String trufflehogYaml() {
    StringBuilder out = new StringBuilder();
    out.append("# TruffleHog custom detectors for keyward API keys: ").append(shape()).append('\n');
    out.append("# Generated by keyward (dev.keyward.leak.ScannerRules). Use:")
        .append(" trufflehog filesystem . --config ")
        .append(TRUFFLEHOG_FILE)
        .append('\n');
    out.append("detectors:\n");
    for (String prefix : prefixes) {
      out.append("  - name: ").append(RuleText.yamlString(ruleId(prefix))).append('\n');
      out.append("    keywords:\n");
      out.append("      - ").append(RuleText.yamlString(keyword(prefix))).append('\n');
      out.append("    regex:\n");
      out.append("      key: ").append(RuleText.yamlString(keyRegex(prefix))).append('\n');
    }
    return out.toString();
  }

  /**
   * The fields of a GitHub secret-scanning custom pattern (repository, organization or enterprise
   * settings, "New pattern", then "More options"), one {@code field: value} line each: {@code
   * pattern_name}, {@code secret_format}, {@code before_secret}, {@code after_secret}. GitHub
   * compiles them with Hyperscan.
   */
  public String githubPattern() {
    return "# GitHub secret scanning custom pattern for keyward API keys: "
        + shape()
        + "\n# Paste each value into the field of the same name (\"More options\" holds the"
        + " before/after fields).\n"
        + "pattern_name: keyward API keys\n"
        + "secret_format: "
        + githubSecretFormat()
        + "\nbefore_secret: "
        + GITHUB_BEFORE_SECRET
        + "\nafter_secret: "
        + GITHUB_AFTER_SECRET
        + "\n";
  }

  /**
   * Writes {@link #GITLEAKS_FILE}, {@link #TRUFFLEHOG_FILE} and {@link #GITHUB_FILE} into {@code
   * dir} (created if missing), each atomically: a reader sees the old file or the new one, never
   * half of one. Returns the three paths.
   */
  public List<Path> writeTo(Path dir) throws IOException {
    Objects.requireNonNull(dir, "dir == null");
    List<Path> written = new ArrayList<>();
    written.add(RuleText.writeAtomically(dir, GITLEAKS_FILE, gitleaksToml()));
    written.add(RuleText.writeAtomically(dir, TRUFFLEHOG_FILE, trufflehogYaml()));
    written.add(RuleText.writeAtomically(dir, GITHUB_FILE, githubPattern()));
    return List.copyOf(written);
  }

  /** Names the prefixes and body length; holds no key. */
  @Override
  public String toString() {
    return "ScannerRules{prefixes=" + prefixes + ", byteLength=" + byteLength + "}";
  }

  private String secretFormat(List<String> forPrefixes) {
    List<String> escaped = new ArrayList<>();
    for (String prefix : forPrefixes) {
      escaped.add(RuleText.regexLiteral(prefix));
    }
    return "(?:"
        + String.join("|", escaped)
        + ")_"
        + BASE58_CLASS
        + "{"
        + minBody
        + ","
        + maxBody
        + "}";
  }

  private static String bounded(String secretFormat) {
    return "(?:" + GITHUB_BEFORE_SECRET + ")(" + secretFormat + ")(?:" + GITHUB_AFTER_SECRET + ")";
  }

  private String shape() {
    return "prefix, '_', then "
        + minBody
        + " to "
        + maxBody
        + " base58 characters ("
        + byteLength
        + " random bytes); prefixes: "
        + String.join(", ", prefixes);
  }

  private static String ruleId(String prefix) {
    return "keyward-api-key-" + prefix;
  }

  private static String description(String prefix) {
    return "keyward API key with the prefix " + prefix;
  }

  private static String keyword(String prefix) {
    return prefix + "_";
  }

  /**
   * The smallest {@code L} with {@code 58^L >= 256^bytes}: the longest base58 of that many bytes.
   */
  static int maxBase58Length(int bytes) {
    BigInteger limit = BigInteger.ONE.shiftLeft(8 * bytes);
    BigInteger power = BigInteger.ONE;
    BigInteger base = BigInteger.valueOf(58);
    int length = 0;
    while (power.compareTo(limit) < 0) {
      power = power.multiply(base);
      length++;
    }
    return length;
  }
}
