package dev.keyward.model;

import dev.keyward.internal.Constraints;

/** {@code analytics.getVerifications}: runs a SQL query over key verifications. */
public final class GetVerificationsRequest {
  private final String query;

  private GetVerificationsRequest(String query) {
    this.query = query;
  }

  /** A request for {@code query}. */
  public static GetVerificationsRequest of(String query) {
    return new GetVerificationsRequest(Constraints.length("query", query, 1, Integer.MAX_VALUE));
  }

  /** The SQL query. */
  public String query() {
    return query;
  }

  @Override
  public String toString() {
    return "GetVerificationsRequest{query=" + query.length() + " chars}";
  }
}
