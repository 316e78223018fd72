package dev.keyward.leak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.key.InvalidKeyFormatException;
import dev.keyward.key.KeyFormat;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ScannerRules}: input checks, the shape of the three files, escaping, and the write. */
class ScannerRulesTest {
  /**
   * The syntax RE2 and Hyperscan share, as used here: a regex must be a sequence of these tokens
   * (literals, escaped punctuation, {@code \A}, {@code \z}, explicit classes, bounded repeats,
   * groups, alternation). {@code \b}, lookaround, backreferences and flags fall outside.
   */
  private static final java.util.regex.Pattern SHARED_SYNTAX =
      java.util.regex.Pattern.compile(
          "(?:\\(\\?:|[()|]|\\\\[Az]|\\\\[!-/:-@\\[-`{-~]|[0-9A-Za-z_]"
              + "|\\[\\^?(?:[0-9A-Za-z]-[0-9A-Za-z]|[0-9A-Za-z_])+]|\\{[0-9]+,[0-9]+})+");

  @TempDir Path temp;

  @Test
  void emptyPrefixListIsRejectedNamingTheField() {
    assertThatThrownBy(() -> ScannerRules.forPrefixes(List.of()))
        .isExactlyInstanceOf(InvalidKeyFormatException.class)
        .hasMessageContaining("prefixes must hold at least one key prefix")
        .hasMessageContaining("[a-zA-Z0-9_]");
  }

  @Test
  void prefixKeyFormatRejectsIsRejectedByIndexNeverByValue() {
    String secretLooking = "sk-l.SECRETV";
    assertThatThrownBy(() -> ScannerRules.forPrefixes(List.of("pk", secretLooking)))
        .isExactlyInstanceOf(InvalidKeyFormatException.class)
        .hasMessageStartingWith("prefixes[1]: ")
        .hasMessageContaining("allowed: [a-zA-Z0-9_]")
        .hasMessageNotContaining("SECRETV")
        .hasMessageNotContaining("sk-l");
    assertThatThrownBy(() -> ScannerRules.forPrefixes(List.of("abcdefghijklmnopq")))
        .isExactlyInstanceOf(InvalidKeyFormatException.class)
        .hasMessage("prefixes[0]: prefix must be 1 to 16 characters");
    assertThatThrownBy(() -> ScannerRules.forPrefixes(List.of("sk", "")))
        .isExactlyInstanceOf(InvalidKeyFormatException.class)
        .hasMessage("prefixes[1]: prefix must be 1 to 16 characters");
    assertThatThrownBy(() -> ScannerRules.forPrefixes(Arrays.asList("sk", null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("prefixes[1] == null");
  }

  @Test
  void everyPrefixKeyFormatAcceptsIsAccepted() {
    // the 16-character maximum, digits, capitals and underscores anywhere
    List<String> prefixes = List.of("abcdefghijklmnop", "_", "A_9", "sk_", "unkey");
    for (String prefix : prefixes) {
      KeyFormat.checkPrefix(prefix);
    }
    assertThat(ScannerRules.forPrefixes(prefixes).prefixes()).isEqualTo(prefixes);
    assertThat(ScannerRules.forPrefixes(List.of("pk", "sk", "pk")).prefixes())
        .containsExactly("pk", "sk");
  }

  @Test
  void byteLengthFollowsKeyFormatsBounds() {
    SecureRandom random = new SecureRandom();
    for (int bad : new int[] {15, 256}) {
      assertThatThrownBy(() -> KeyFormat.generate("sk", bad, random))
          .isInstanceOf(InvalidKeyFormatException.class);
      assertThatThrownBy(() -> ScannerRules.forPrefixes(List.of("sk"), bad))
          .isExactlyInstanceOf(InvalidKeyFormatException.class)
          .hasMessage("byteLength must be between 16 and 255");
    }
    assertThat(ScannerRules.forPrefixes(List.of("sk"), 255).maxBodyLength()).isEqualTo(349);
  }

  @Test
  void bodyLengthsAreTheBase58LengthsOfThatManyBytes() {
    for (int bytes : new int[] {16, 17, 24, 32, 64, 255}) {
      ScannerRules rules = ScannerRules.forPrefixes(List.of("sk"), bytes);
      byte[] allOnes = new byte[bytes];
      Arrays.fill(allOnes, (byte) 0xff);
      // the largest number of that many bytes has the longest encoding; all zeros the shortest
      String longest = base58(new BigInteger(1, allOnes));
      assertThat(rules.maxBodyLength()).as("bytes " + bytes).isEqualTo(longest.length());
      assertThat(rules.minBodyLength()).isEqualTo(bytes);
      String key = KeyFormat.generate("sk", bytes, new SecureRandom()).reveal();
      assertThat(com.google.re2j.Pattern.compile(rules.keyRegex()).matcher(key).find()).isTrue();
    }
    assertThat(ScannerRules.forPrefixes(List.of("sk")).maxBodyLength()).isEqualTo(22);
  }

  private static String base58(BigInteger n) {
    String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    StringBuilder out = new StringBuilder();
    BigInteger base = BigInteger.valueOf(58);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(base);
      out.append(alphabet.charAt(qr[1].intValue()));
      n = qr[0];
    }
    return out.reverse().toString();
  }

  @Test
  void gitleaksTomlIsWellFormedWithOneRulePerPrefix() {
    ScannerRules rules = ScannerRules.forPrefixes(List.of("sk_live", "pk"));
    Map<String, Object> toml = TomlSubset.parse(rules.gitleaksToml());
    assertThat(toml.get("title")).isEqualTo("keyward API keys");
    assertThat(toml.get("extend")).isEqualTo(Map.of("useDefault", true));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list = (List<Map<String, Object>>) toml.get("rules");
    assertThat(list).hasSize(2);
    Map<String, Object> first = list.get(0);
    assertThat(first)
        .containsOnlyKeys("id", "description", "regex", "secretGroup", "entropy", "keywords")
        .containsEntry("id", "keyward-api-key-sk_live")
        .containsEntry("secretGroup", 1L)
        .containsEntry("entropy", ScannerRules.GITLEAKS_ENTROPY)
        .containsEntry("keywords", List.of("sk_live_"))
        .containsEntry(
            "regex",
            "(?:\\A|[^0-9A-Za-z_])((?:sk_live)_[1-9A-HJ-NP-Za-km-z]{16,22})(?:\\z|[^0-9A-Za-z_])");
    assertThat(list.get(1)).containsEntry("keywords", List.of("pk_"));
    // the backslashes of \A and \z are escaped in the file itself
    assertThat(rules.gitleaksToml()).contains("\"(?:\\\\A|[^0-9A-Za-z_])");
  }

  @Test
  void trufflehogYamlParsesToOneDetectorPerPrefix() {
    ScannerRules rules = ScannerRules.forPrefixes(List.of("sk_live", "pk"));
    ParsedRules parsed = ParsedRules.of(rules);
    assertThat(parsed.trufflehogDetectors()).hasSize(2);
    assertThat(parsed.trufflehogDetectors().get(0))
        .containsOnlyKeys("name", "keywords", "regex")
        .containsEntry("name", "keyward-api-key-sk_live")
        .containsEntry("keywords", List.of("sk_live_"))
        .containsEntry("regex", Map.of("key", rules.keyRegex("sk_live")));
    assertThat(parsed.trufflehog()).containsOnlyKeys("sk_live", "pk");
  }

  @Test
  void githubFileHoldsTheFourFields() {
    ScannerRules rules = ScannerRules.forPrefixes(List.of("sk_live", "pk"));
    ParsedRules parsed = ParsedRules.of(rules);
    assertThat(parsed.githubFields())
        .containsExactly(
            Map.entry("pattern_name", "keyward API keys"),
            Map.entry("secret_format", "(?:sk_live|pk)_[1-9A-HJ-NP-Za-km-z]{16,22}"),
            Map.entry("before_secret", "\\A|[^0-9A-Za-z_]"),
            Map.entry("after_secret", "\\z|[^0-9A-Za-z_]"));
  }

  @Test
  void everyRegexUsesOnlySyntaxRe2AndHyperscanShare() {
    ScannerRules rules = ScannerRules.forPrefixes(List.of("sk_live", "pk", "A_9", "_"), 32);
    ParsedRules parsed = ParsedRules.of(rules);
    List<String> regexes = new ArrayList<>(parsed.gitleaks().values());
    regexes.addAll(parsed.trufflehog().values());
    regexes.addAll(parsed.githubFields().values().stream().skip(1).toList());
    for (String regex : regexes) {
      assertThat(SHARED_SYNTAX.matcher(regex).matches()).as(regex).isTrue();
      com.google.re2j.Pattern.compile(regex); // throws if RE2 rejects it
      java.util.regex.Pattern.compile(regex); // PCRE-family, like Hyperscan's parser
    }
    // the checker itself rejects what Hyperscan or RE2 lack
    for (String unsupported : List.of("\\bsk_", "(?=sk)", "(?<!a)sk", "(sk)\\1", "(?i)sk")) {
      assertThat(SHARED_SYNTAX.matcher(unsupported).matches()).as(unsupported).isFalse();
    }
  }

  @Test
  void escapingKeepsEveryFormatIntact() {
    String hostile = "a\"b\\c'd.e*f\n";
    assertThat(RuleText.regexLiteral(hostile)).isEqualTo("a\\\"b\\\\c\\'d\\.e\\*f\\x{a}");
    assertThat(com.google.re2j.Pattern.compile(RuleText.regexLiteral(hostile)).matches(hostile))
        .isTrue();
    assertThat(TomlSubset.parse("v = " + RuleText.tomlString(hostile))).containsEntry("v", hostile);
    org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml();
    Map<String, Object> quoted = yaml.load("v: " + RuleText.yamlString(hostile));
    assertThat(quoted).containsEntry("v", hostile);
    Map<String, Object> single = yaml.load("v: " + RuleText.yamlString("it's \\A"));
    assertThat(single).containsEntry("v", "it's \\A");
  }

  @Test
  void writeToWritesTheThreeFilesAndLeavesNoTemporaryFile() throws IOException {
    ScannerRules rules = ScannerRules.forPrefixes(List.of("sk_live"));
    Path dir = temp.resolve("rules/out");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve(ScannerRules.GITLEAKS_FILE), "old and longer content ".repeat(99));

    List<Path> written = rules.writeTo(dir);

    assertThat(written)
        .containsExactly(
            dir.resolve("gitleaks.toml"),
            dir.resolve("trufflehog.yaml"),
            dir.resolve("github-custom-pattern.txt"));
    assertThat(Files.readString(written.get(0), StandardCharsets.UTF_8))
        .isEqualTo(rules.gitleaksToml());
    assertThat(Files.readString(written.get(1))).isEqualTo(rules.trufflehogYaml());
    assertThat(Files.readString(written.get(2))).isEqualTo(rules.githubPattern());
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "gitleaks.toml", "trufflehog.yaml", "github-custom-pattern.txt");
    }
  }

  @Test
  void writeToFailsWhenTheDirectoryIsAFile() throws IOException {
    Path file = Files.writeString(temp.resolve("not-a-dir"), "x");
    assertThatThrownBy(() -> ScannerRules.forPrefixes(List.of("sk")).writeTo(file))
        .isInstanceOf(IOException.class);
  }

  @Test
  void toStringNamesPrefixesAndLength() {
    assertThat(ScannerRules.forPrefixes(List.of("sk_live", "pk")).toString())
        .isEqualTo("ScannerRules{prefixes=[sk_live, pk], byteLength=16}");
  }

  @Test
  void keyRegexOfAnotherPrefixIsRefused() {
    assertThatThrownBy(() -> ScannerRules.forPrefixes(List.of("sk")).keyRegex("pk"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("prefix must be one of these rules' prefixes");
  }
}
