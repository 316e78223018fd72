package dev.keyward.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.key.KeyFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ScannerRulesCommand} writes the three rule files, and each finds a generated key. */
class ScannerRulesCommandTest {
  @TempDir Path temp;

  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  private int run(String... args) {
    try (PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
      return ScannerRulesCommand.run(args, out, err);
    }
  }

  /** The regexes as each file states them: gitleaks' and TruffleHog's per rule, GitHub's fields. */
  private static List<String> regexesIn(Path dir) throws IOException {
    List<String> regexes = new ArrayList<>();
    Matcher toml =
        Pattern.compile("(?m)^regex = \"(.*)\"$")
            .matcher(Files.readString(dir.resolve("gitleaks.toml")));
    while (toml.find()) {
      regexes.add(toml.group(1).replace("\\\\", "\\"));
    }
    Matcher yaml =
        Pattern.compile("(?m)^      key: '(.*)'$")
            .matcher(Files.readString(dir.resolve("trufflehog.yaml")));
    while (yaml.find()) {
      regexes.add(yaml.group(1).replace("''", "'"));
    }
    String github = Files.readString(dir.resolve("github-custom-pattern.txt"));
    regexes.add(
        "(?:"
            + field(github, "before_secret")
            + ")("
            + field(github, "secret_format")
            + ")(?:"
            + field(github, "after_secret")
            + ")");
    return regexes;
  }

  private static String field(String text, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + ": (.*)$").matcher(text);
    assertThat(m.find()).as(name).isTrue();
    return m.group(1);
  }

  @Test
  void writesTheThreeFilesWhoseRegexesFindGeneratedKeys() throws IOException {
    Path dir = temp.resolve("rules");

    int status = run(dir.toString(), "sk_live", "pk");

    assertThat(status).as(errBytes.toString(StandardCharsets.UTF_8)).isZero();
    String out = outBytes.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("wrote " + dir.resolve("gitleaks.toml"))
        .contains("wrote " + dir.resolve("trufflehog.yaml"))
        .contains("wrote " + dir.resolve("github-custom-pattern.txt"))
        .contains("rules for 2 prefix(es), bodies of 16 to 22 base58 characters");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "gitleaks.toml", "trufflehog.yaml", "github-custom-pattern.txt");
    }

    List<String> regexes = regexesIn(dir);
    assertThat(regexes).hasSize(5); // 2 gitleaks rules, 2 TruffleHog detectors, 1 GitHub pattern
    SecureRandom random = new SecureRandom();
    String live = KeyFormat.generate("sk_live", 16, random).reveal();
    String pk = KeyFormat.generate("pk", 16, random).reveal();
    String text = "STRIPE=" + live + "\nclient.key(\"" + pk + "\");\n";
    int found = 0;
    for (String regex : regexes) {
      Matcher m = Pattern.compile(regex).matcher(text);
      while (m.find()) {
        assertThat(m.group(1)).isIn(live, pk);
        found++;
      }
    }
    // each of the 4 per-prefix rules finds its key; the GitHub pattern finds both
    assertThat(found).isEqualTo(6);
    assertThat(Files.readString(dir.resolve("gitleaks.toml"))).doesNotContain(live, pk);
  }

  @Test
  void badPrefixIsNamedByItsPositionNeverByItsText() {
    int status = run(temp.toString(), "sk_live", "sk-PRIVATE.x");

    assertThat(status).isEqualTo(ScannerRulesCommand.USAGE);
    String err = errBytes.toString(StandardCharsets.UTF_8);
    assertThat(err)
        .contains("bad <prefix> argument: prefixes[1]: prefix character at index 2")
        .contains("allowed: [a-zA-Z0-9_]")
        .doesNotContain("PRIVATE");
    assertThat(temp.resolve("gitleaks.toml")).doesNotExist();
  }

  @Test
  void missingPrefixesPrintTheUsage() {
    assertThat(run(temp.toString())).isEqualTo(ScannerRulesCommand.USAGE);
    assertThat(errBytes.toString(StandardCharsets.UTF_8))
        .startsWith("usage: ScannerRulesCommand <outDir> <prefix>...");
    assertThat(outBytes.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void unwritableDirectoryFailsWithStatusOne() throws IOException {
    Path file = Files.writeString(temp.resolve("a-file"), "x");

    assertThat(run(file.toString(), "sk")).isEqualTo(1);
    assertThat(errBytes.toString(StandardCharsets.UTF_8))
        .contains("could not write the rules to <outDir>");
  }
}
