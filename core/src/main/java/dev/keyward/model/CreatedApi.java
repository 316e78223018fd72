package dev.keyward.model;

import dev.keyward.internal.Constraints;

/** The answer of {@code apis.createApi}: the new API's id. */
public record CreatedApi(String apiId, String requestId) {
  /** Checks nulls. */
  public CreatedApi {
    Constraints.notNull("apiId", apiId);
    Constraints.notNull("requestId", requestId);
  }
}
