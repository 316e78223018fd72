package dev.keyward;

import dev.keyward.model.Ack;
import dev.keyward.model.ApiInfo;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreatedApi;
import dev.keyward.model.DeleteApiRequest;
import dev.keyward.model.GetApiRequest;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.ListKeysRequest;
import dev.keyward.model.Page;
import dev.keyward.model.Pages;

/** The {@code apis.*} operations: namespaces of keys. */
public interface Apis {
  /** {@code apis.createApi}: creates an API. */
  CreatedApi create(CreateApiRequest request);

  /** {@code apis.getApi}: reads an API. */
  ApiInfo get(GetApiRequest request);

  /** {@code apis.getApi} by id. */
  default ApiInfo get(String apiId) {
    return get(GetApiRequest.of(apiId));
  }

  /** {@code apis.listKeys}: one page of an API's keys. */
  Page<KeyInfo> listKeys(ListKeysRequest request);

  /** Every key of {@code apis.listKeys}, fetched lazily page by page from the request's cursor. */
  default Pages<KeyInfo> listKeysAll(ListKeysRequest request) {
    return Pages.iterate(c -> listKeys(c.isPresent() ? request.withCursor(c.get()) : request));
  }

  /** {@code apis.deleteApi}: deletes an API and its keys. */
  Ack delete(DeleteApiRequest request);

  /** {@code apis.deleteApi} by id. */
  default Ack delete(String apiId) {
    return delete(DeleteApiRequest.of(apiId));
  }
}
