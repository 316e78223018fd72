package dev.keyward.model;

import java.util.Objects;

/** The answer of {@code apis.createApi}: the new API's id. */
public record CreatedApi(String apiId, String requestId) {
  /** Checks nulls. */
  public CreatedApi {
    Objects.requireNonNull(apiId, "apiId == null");
    Objects.requireNonNull(requestId, "requestId == null");
  }
}
