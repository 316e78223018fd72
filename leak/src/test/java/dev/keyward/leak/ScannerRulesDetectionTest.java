package dev.keyward.leak;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.keyward.key.KeyFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The figures, with RE2/J (the RE2 semantics gitleaks and TruffleHog run): for every prefix
 * and every format, 10,000 of 10,000 keys {@link KeyFormat} generates are found, 0 of 10,000 random
 * base58 strings of the same length, and 0 matches in ordinary source text (core's main sources and
 * the README), where a key planted in the same text is found. Regexes are read back out of the
 * generated files, not taken from the API.
 */
class ScannerRulesDetectionTest {
  private static final int SAMPLES = 10_000;
  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  /** A typical prefix, a short one, one of the most (16) characters, and a one-letter one. */
  private static final List<String> PREFIXES =
      List.of("sk_live", "pk", "acme_prod_eu_key", "X", "sk_test");

  private static ScannerRules rules;
  private static ParsedRules parsed;
  private static String corpus;
  private static int corpusFiles;

  @BeforeAll
  static void readRulesAndCorpus() throws IOException {
    rules = ScannerRules.forPrefixes(PREFIXES);
    parsed = ParsedRules.of(rules);
    Path root = Path.of(System.getProperty("keyward.rootDir", ".."));
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root.resolve("core/src/main/java"))) {
      walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
    }
    files.add(root.resolve("README.md"));
    StringBuilder text = new StringBuilder();
    for (Path file : files) {
      text.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
    }
    corpus = text.toString();
    corpusFiles = files.size();
  }

  private static SecureRandom seeded(String prefix) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(("keyward-scanner-rules-" + prefix).getBytes(StandardCharsets.UTF_8));
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** Whether {@code pattern} finds exactly {@code key} (group 1) in {@code text}. */
  private static boolean findsKey(Pattern pattern, String text, String key) {
    Matcher m = pattern.matcher(text);
    return m.find() && key.equals(m.group(1));
  }

  private static double shannonEntropy(String s) {
    Map<Integer, Long> counts =
        s.chars()
            .boxed()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    c -> c, java.util.stream.Collectors.counting()));
    double entropy = 0;
    for (long count : counts.values()) {
      double p = (double) count / s.length();
      entropy -= p * (Math.log(p) / Math.log(2));
    }
    return entropy;
  }

  @Test
  void everyGeneratedKeyIsFoundByEveryFormat() {
    for (String prefix : PREFIXES) {
      SecureRandom random = seeded(prefix);
      List<String> keys = new ArrayList<>(SAMPLES);
      for (int i = 0; i < SAMPLES; i++) {
        keys.add(KeyFormat.generate(prefix, KeyFormat.DEFAULT_BYTE_LENGTH, random).reveal());
      }
      int shortest = keys.stream().mapToInt(String::length).min().orElseThrow() - prefix.length();
      int longest = keys.stream().mapToInt(String::length).max().orElseThrow() - prefix.length();
      for (Map.Entry<String, String> format : parsed.forPrefix(prefix).entrySet()) {
        Pattern pattern = Pattern.compile(format.getValue());
        int alone = 0;
        int inContext = 0;
        for (String key : keys) {
          alone += findsKey(pattern, key, key) ? 1 : 0;
          inContext += findsKey(pattern, "  apiKey: \"" + key + "\", // prod\n", key) ? 1 : 0;
        }
        System.out.printf(
            "%s %s: %d of %d generated keys found alone, %d in context (bodies %d..%d chars)%n",
            format.getKey(), prefix, alone, SAMPLES, inContext, shortest - 1, longest - 1);
        assertThat(alone).as(format.getKey() + " " + prefix).isEqualTo(SAMPLES);
        assertThat(inContext).as(format.getKey() + " " + prefix).isEqualTo(SAMPLES);
      }
      double lowest =
          keys.stream().mapToDouble(ScannerRulesDetectionTest::shannonEntropy).min().orElseThrow();
      System.out.printf(
          "gitleaks %s: lowest key entropy %.3f bits/char (rule's threshold %.1f)%n",
          prefix, lowest, ScannerRules.GITLEAKS_ENTROPY);
      assertThat(lowest).isGreaterThan(ScannerRules.GITLEAKS_ENTROPY);
    }
  }

  @Test
  void randomBase58OfTheSameLengthIsNeverFound() {
    for (String prefix : PREFIXES) {
      SecureRandom random = seeded("random-" + prefix);
      int keyLength = prefix.length() + 1 + rules.maxBodyLength();
      for (Map.Entry<String, String> format : parsed.forPrefix(prefix).entrySet()) {
        Pattern pattern = Pattern.compile(format.getValue());
        int found = 0;
        for (int i = 0; i < SAMPLES; i++) {
          StringBuilder s = new StringBuilder(keyLength);
          for (int j = 0; j < keyLength; j++) {
            s.append(BASE58.charAt(random.nextInt(BASE58.length())));
          }
          found += pattern.matcher(s).find() ? 1 : 0;
        }
        System.out.printf(
            "%s %s: %d of %d random base58 strings of %d chars found%n",
            format.getKey(), prefix, found, SAMPLES, keyLength);
        assertThat(found).as(format.getKey() + " " + prefix).isZero();
      }
    }
  }

  @Test
  void nearMissesAreNotFound() {
    for (String prefix : PREFIXES) {
      SecureRandom random = seeded("near-" + prefix);
      for (Map.Entry<String, String> format : parsed.forPrefix(prefix).entrySet()) {
        Pattern pattern = Pattern.compile(format.getValue());
        int found = 0;
        int tried = 0;
        for (int i = 0; i < 1_000; i++) {
          String key = KeyFormat.generate(prefix, 16, random).reveal();
          String body = key.substring(prefix.length() + 1);
          List<String> misses =
              List.of(
                  "a" + key, // glued to a word
                  "_" + key,
                  key + "a".repeat(rules.maxBodyLength() - body.length() + 1), // run too long
                  key + "_x",
                  prefix + "_" + body + body.charAt(0) + "zzzz", // body too long
                  prefix + "_" + body.substring(0, rules.minBodyLength() - 1), // too short
                  prefix + "_" + body.substring(0, 5) + "0" + body.substring(6), // not base58
                  prefix + "_" + body.substring(0, 5) + "l" + body.substring(6),
                  prefix + "-" + body, // wrong separator
                  prefix.toLowerCase(java.util.Locale.ROOT).equals(prefix)
                      ? prefix.toUpperCase(java.util.Locale.ROOT) + "_" + body
                      : prefix.toLowerCase(java.util.Locale.ROOT) + "_" + body);
          for (String miss : misses) {
            tried++;
            found += pattern.matcher(miss).find() ? 1 : 0;
          }
        }
        assertThat(found).as(format.getKey() + " " + prefix + " of " + tried).isZero();
      }
    }
  }

  @Test
  void ordinarySourceTextHoldsNoMatchButAPlantedKeyIsFound() {
    SecureRandom random = seeded("corpus");
    for (String prefix : PREFIXES) {
      for (Map.Entry<String, String> format : parsed.forPrefix(prefix).entrySet()) {
        Pattern pattern = Pattern.compile(format.getValue());
        int found = 0;
        Matcher m = pattern.matcher(corpus);
        while (m.find()) {
          found++;
        }
        System.out.printf(
            "%s %s: %d matches in %d files (%d chars) of core/src/main/java and README.md%n",
            format.getKey(), prefix, found, corpusFiles, corpus.length());
        assertThat(found).as(format.getKey() + " " + prefix).isZero();

        // positive control: the same text with one key in it
        String key = KeyFormat.generate(prefix, 16, random).reveal();
        int middle = corpus.indexOf('\n', corpus.length() / 2) + 1;
        String planted =
            corpus.substring(0, middle)
                + "    String leaked = \""
                + key
                + "\";\n"
                + corpus.substring(middle);
        List<String> hits = new ArrayList<>();
        Matcher p = pattern.matcher(planted);
        while (p.find()) {
          hits.add(p.group(1));
        }
        assertThat(hits).as(format.getKey() + " " + prefix).containsExactly(key);
      }
    }
  }

  @Test
  void keyRegexOfTheApiAgreesWithTheFiles() {
    for (String prefix : PREFIXES) {
      assertThat(parsed.gitleaks().get(prefix)).isEqualTo(rules.keyRegex(prefix));
      assertThat(parsed.trufflehog().get(prefix)).isEqualTo(rules.keyRegex(prefix));
    }
    assertThat(parsed.github()).isEqualTo(rules.keyRegex());
  }
}
