package dev.keyward.http.internal;

import dev.keyward.model.GetVerificationsRequest;
import dev.keyward.model.VerificationRows;
import dev.keyward.permission.Operation;
import java.util.Map;

/** The wire format of {@code analytics.*}. */
final class AnalyticsCodecs {
  private AnalyticsCodecs() {}

  /** {@code analytics.getVerifications}: rows of arbitrary columns, numbers kept exact. */
  static final OperationCodec<GetVerificationsRequest, VerificationRows> GET_VERIFICATIONS =
      OperationCodec.<GetVerificationsRequest, Map<String, Object>, VerificationRows>array(
          Operation.ANALYTICS_GET_VERIFICATIONS,
          (w, r) -> w.str("query", r.query()),
          o -> GetVerificationsRequest.of(o.str("query")),
          (w, row) -> row.forEach(w::json),
          AnalyticsCodecs::row,
          VerificationRows::rows,
          VerificationRows::new,
          VerificationRows::requestId);

  @SuppressWarnings("unchecked")
  private static Map<String, Object> row(WireObject o) {
    return (Map<String, Object>) (Map<String, ?>) o.raw();
  }
}
