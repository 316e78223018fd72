package dev.keyward.model;

import dev.keyward.internal.Ids;

/** {@code apis.deleteApi}: deletes an API and all its keys. */
public final class DeleteApiRequest {
  private final String apiId;

  private DeleteApiRequest(String apiId) {
    this.apiId = apiId;
  }

  /** A request for {@code apiId}. */
  public static DeleteApiRequest of(String apiId) {
    return new DeleteApiRequest(Ids.existingApiId(apiId));
  }

  /** The API's id. */
  public String apiId() {
    return apiId;
  }

  @Override
  public String toString() {
    return "DeleteApiRequest{apiId=" + apiId + "}";
  }
}
