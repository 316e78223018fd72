package dev.keyward.permission;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link RootPermission#parse} and {@link PermissionSet#parse} throw nothing but {@link
 * InvalidPermissionException}; what they accept prints back unchanged, and a set reports every
 * invalid entry. Regression inputs live in {@code RootPermissionFuzzTestInputs/}.
 */
class RootPermissionFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void parseThrowsOnlyInvalidPermission(FuzzedDataProvider data) {
    String input = data.consumeRemainingAsString();
    try {
      RootPermission p = RootPermission.parse(input);
      assertThat(p.toString()).isEqualTo(input);
      assertThat(RootPermission.parse(p.toString())).isEqualTo(p);
    } catch (InvalidPermissionException e) {
      assertThat(e.problems()).containsExactly(e);
      e.suggestion().ifPresent(s -> assertThat(RootPermission.parse(s).toString()).isEqualTo(s));
    }
  }

  @FuzzTest(maxDuration = "1m")
  void setReportsEveryInvalidEntry(FuzzedDataProvider data) {
    List<String> entries = new ArrayList<>();
    int count = data.consumeInt(0, 8);
    for (int i = 0; i < count; i++) {
      entries.add(data.consumeString(80));
    }
    int invalid = 0;
    for (String entry : entries) {
      try {
        RootPermission.parse(entry);
      } catch (InvalidPermissionException e) {
        invalid++;
      }
    }
    try {
      PermissionSet set = PermissionSet.parse(entries);
      assertThat(invalid).isZero();
      assertThat(set.size()).isLessThanOrEqualTo(entries.size());
    } catch (InvalidPermissionException e) {
      assertThat(e.problems()).hasSize(invalid);
    }
  }
}
