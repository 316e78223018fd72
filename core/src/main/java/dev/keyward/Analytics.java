package dev.keyward;

import dev.keyward.model.GetVerificationsRequest;
import dev.keyward.model.VerificationRows;

/**
 * The {@code analytics.*} operations; servers without analytics answer 412 (a {@link
 * PreconditionFailedException}).
 */
public interface Analytics {
  /** {@code analytics.getVerifications}: runs a SQL query over key verifications. */
  VerificationRows getVerifications(GetVerificationsRequest request);

  /** {@code analytics.getVerifications} for {@code query}. */
  default VerificationRows getVerifications(String query) {
    return getVerifications(GetVerificationsRequest.of(query));
  }
}
