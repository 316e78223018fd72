package dev.keyward.leak;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The regular expressions read back out of the three generated files, the way each scanner reads
 * them: gitleaks' {@code regex} by the rule's keyword, TruffleHog's {@code regex.key} by the
 * detector's keyword, and GitHub's before/format/after fields composed as GitHub applies them.
 *
 * @param gitleaks prefix to the regex of its gitleaks rule
 * @param trufflehog prefix to the regex of its TruffleHog detector
 * @param github the composed GitHub pattern, group 1 the secret
 * @param gitleaksRules the parsed {@code [[rules]]} tables
 * @param trufflehogDetectors the parsed {@code detectors} entries
 * @param githubFields the {@code field: value} lines of the GitHub file
 */
record ParsedRules(
    Map<String, String> gitleaks,
    Map<String, String> trufflehog,
    String github,
    List<Map<String, Object>> gitleaksRules,
    List<Map<String, Object>> trufflehogDetectors,
    Map<String, String> githubFields) {

  /** Parses the three outputs of {@code rules}; throws if one is malformed or misses a field. */
  @SuppressWarnings("unchecked")
  static ParsedRules of(ScannerRules rules) {
    Map<String, Object> toml = TomlSubset.parse(rules.gitleaksToml());
    List<Map<String, Object>> tomlRules = (List<Map<String, Object>>) toml.get("rules");
    Map<String, String> gitleaks = new LinkedHashMap<>();
    for (Map<String, Object> rule : tomlRules) {
      List<String> keywords = (List<String>) rule.get("keywords");
      gitleaks.put(prefixOf(keywords), (String) require(rule, "regex"));
    }

    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    Map<String, Object> document = yaml.load(rules.trufflehogYaml());
    List<Map<String, Object>> detectors = (List<Map<String, Object>>) document.get("detectors");
    Map<String, String> trufflehog = new LinkedHashMap<>();
    for (Map<String, Object> detector : detectors) {
      List<String> keywords = (List<String>) require(detector, "keywords");
      Map<String, Object> regex = (Map<String, Object>) require(detector, "regex");
      trufflehog.put(prefixOf(keywords), (String) require(regex, "key"));
    }

    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : rules.githubPattern().split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(": ");
      if (colon < 0 || fields.put(line.substring(0, colon), line.substring(colon + 2)) != null) {
        throw new IllegalArgumentException("GitHub file: a line is not a new 'field: value'");
      }
    }
    String github =
        "(?:"
            + require(fields, "before_secret")
            + ")("
            + require(fields, "secret_format")
            + ")(?:"
            + require(fields, "after_secret")
            + ")";
    return new ParsedRules(gitleaks, trufflehog, github, tomlRules, detectors, fields);
  }

  /** Every extracted regex of {@code prefix}, by format name. */
  Map<String, String> forPrefix(String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("gitleaks", require(gitleaks, prefix));
    out.put("trufflehog", require(trufflehog, prefix));
    out.put("github", github);
    return out;
  }

  private static String prefixOf(List<String> keywords) {
    if (keywords.size() != 1 || !keywords.get(0).endsWith("_")) {
      throw new IllegalArgumentException("expected one keyword, the prefix and its '_'");
    }
    String keyword = keywords.get(0);
    return keyword.substring(0, keyword.length() - 1);
  }

  private static <V> V require(Map<String, V> map, String field) {
    V value = map.get(field);
    if (value == null) {
      throw new IllegalArgumentException("missing field " + field);
    }
    return value;
  }
}
