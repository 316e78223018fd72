package dev.keyward.model;

import dev.keyward.internal.Ids;

/** {@code apis.getApi}: reads an API. */
public final class GetApiRequest {
  private final String apiId;

  private GetApiRequest(String apiId) {
    this.apiId = apiId;
  }

  /** A request for {@code apiId}. */
  public static GetApiRequest of(String apiId) {
    return new GetApiRequest(Ids.existingApiId(apiId));
  }

  /** The API's id. */
  public String apiId() {
    return apiId;
  }

  @Override
  public String toString() {
    return "GetApiRequest{apiId=" + apiId + "}";
  }
}
