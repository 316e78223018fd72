package dev.keyward.model;

import dev.keyward.internal.Meta;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of {@code analytics.getVerifications}: free-form rows whose columns the SQL query
 * chose. Integral numbers are {@code Long}, others {@code BigDecimal}.
 */
public record VerificationRows(List<Map<String, Object>> rows, String requestId) {
  /** Copies the rows (each an unmodifiable map) and checks nulls. */
  public VerificationRows {
    rows = rows.stream().map(Meta::copy).toList();
    Objects.requireNonNull(requestId, "requestId == null");
  }
}
