package dev.keyward.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class WireNamesTest {
  /** A member name passed to a WireObject or WireWriter accessor: {@code o.str("keyId")}. */
  private static final Pattern ACCESS =
      Pattern.compile(
          "\\.(str|optStr|lng|optLong|optInt|dbl|num|bool|optBool|instant|optInstant|millis"
              + "|optMillis|obj|optObj|meta|metaAlways|json|list|optList|strings|optStrings"
              + "|ifPresent|patch|has|present|nullValue)\\(\\s*\"([^\"]*)\"");

  private static final Pattern SECRET = Pattern.compile("secret\\(o, \"([^\"]*)\"\\)");

  @Test
  void everyNameTheCodecsUseIsSelectedWithoutAllocation() throws IOException {
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/keyward/http/internal"))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String source = Files.readString(file);
        Matcher m = ACCESS.matcher(source);
        while (m.find()) {
          used.add(m.group(2));
        }
        Matcher s = SECRET.matcher(source);
        while (s.find()) {
          used.add(s.group(1));
        }
      }
    }
    assertThat(used).contains("requestId", "valid", "ratelimits", "errors", "limits", "migrated");
    assertThat(Arrays.asList(WireNames.NAMES)).containsAll(used);
  }

  @Test
  void namesAreDistinctAndMatchTheOptions() {
    assertThat(WireNames.NAMES).doesNotHaveDuplicates();
    assertThat(WireNames.OPTIONS.strings()).containsExactly(WireNames.NAMES);
  }

  @Test
  void everyListedNameReadsAsItsConstant() {
    StringBuilder json = new StringBuilder("{");
    for (String name : WireNames.NAMES) {
      json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":0");
    }
    Map<?, ?> tree =
        (Map<?, ?>) WireReader.read(new Buffer().writeUtf8(json.append("}").toString()));
    assertThat(tree).hasSize(WireNames.NAMES.length);
    int i = 0;
    for (Object key : tree.keySet()) {
      assertThat(key).isSameAs(WireNames.NAMES[i++]);
    }
  }
}
