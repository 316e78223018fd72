package dev.keyward;

import dev.keyward.model.GetVerificationsRequest;
import dev.keyward.model.VerificationRows;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous {@code analytics.*} operations; servers without analytics answer 412 (a {@link
 * PreconditionFailedException}).
 */
public interface AsyncAnalytics {
  /** {@code analytics.getVerifications}: runs a SQL query over key verifications. */
  CompletableFuture<VerificationRows> getVerifications(GetVerificationsRequest request);

  /** {@code analytics.getVerifications} for {@code query}. */
  default CompletableFuture<VerificationRows> getVerifications(String query) {
    return getVerifications(GetVerificationsRequest.of(query));
  }
}
