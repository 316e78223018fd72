package dev.keyward.model;

import dev.keyward.internal.Constraints;
import dev.keyward.internal.Meta;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The answer of {@code analytics.getVerifications}: free-form rows whose columns the SQL query
 * chose. Integral numbers are {@code Long}, others {@code BigDecimal}.
 */
public record VerificationRows(List<Map<String, Object>> rows, String requestId) {
  /** Copies the rows (each an unmodifiable map) and checks nulls. */
  public VerificationRows {
    List<Map<String, Object>> checked = Constraints.nonNullItems("rows", rows);
    rows =
        IntStream.range(0, checked.size())
            .mapToObj(i -> Meta.copy("rows[" + i + "]", checked.get(i)))
            .toList();
    Constraints.notNull("requestId", requestId);
  }
}
