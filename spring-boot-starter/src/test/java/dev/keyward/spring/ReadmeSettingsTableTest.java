package dev.keyward.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's table of settings names every property of the generated Spring configuration
 * metadata: in full, or as {@code `last-segment`} in a row that starts with its parent.
 */
class ReadmeSettingsTableTest {
  static final Pattern NAME = Pattern.compile("\"name\": \"(keyward\\.[^\"]+)\"");

  @Test
  void everyPropertyIsInTheTable() throws Exception {
    List<String> properties = new ArrayList<>();
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("generated metadata").isNotNull();
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int start = json.indexOf("\"properties\"");
      int end = json.indexOf("\"hints\"", start);
      // the properties only, not their groups (keyward.cache, ...) or hints
      Matcher m = NAME.matcher(json.substring(start, end < 0 ? json.length() : end));
      while (m.find()) {
        properties.add(m.group(1));
      }
    }
    // Positive control: the metadata lists the properties this test is about.
    assertThat(properties)
        .contains("keyward.base-url", "keyward.filter.routes", "keyward.retry.budget");

    Path root = Path.of(System.getProperty("keyward.rootDir", ".."));
    List<String> rows =
        Files.readAllLines(root.resolve("README.md")).stream()
            .filter(l -> l.startsWith("| `keyward."))
            .toList();
    assertThat(rows).hasSizeGreaterThan(10);
    for (String property : properties) {
      assertThat(rows)
          .as(property)
          .anySatisfy(row -> assertThat(covers(row, property)).as(row).isTrue());
    }
    assertThat(covers("| `keyward.cache.enabled` / `ttl` |", "keyward.cache.ttl")).isTrue();
    assertThat(covers("| `keyward.cache.enabled` / `ttl` |", "keyward.retry.ttl")).isFalse();
  }

  static boolean covers(String row, String property) {
    String cell = row.substring(0, row.indexOf('|', 1));
    if (cell.contains("`" + property + "`") || cell.contains("`" + property + "[")) {
      return true;
    }
    int dot = property.lastIndexOf('.');
    return cell.startsWith("| `" + property.substring(0, dot + 1))
        && cell.contains("`" + property.substring(dot + 1) + "`");
  }
}
