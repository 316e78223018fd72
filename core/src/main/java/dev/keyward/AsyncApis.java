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
import java.util.concurrent.CompletableFuture;

/** The asynchronous {@code apis.*} operations: namespaces of keys. */
public interface AsyncApis {
  /** {@code apis.createApi}: creates an API. */
  CompletableFuture<CreatedApi> create(CreateApiRequest request);

  /** {@code apis.getApi}: reads an API. */
  CompletableFuture<ApiInfo> get(GetApiRequest request);

  /** {@code apis.getApi} by id. */
  default CompletableFuture<ApiInfo> get(String apiId) {
    return get(GetApiRequest.of(apiId));
  }

  /** {@code apis.listKeys}: one page of an API's keys. */
  CompletableFuture<Page<KeyInfo>> listKeys(ListKeysRequest request);

  /** {@code apis.deleteApi}: deletes an API and its keys. */
  CompletableFuture<Ack> delete(DeleteApiRequest request);

  /** {@code apis.deleteApi} by id. */
  default CompletableFuture<Ack> delete(String apiId) {
    return delete(DeleteApiRequest.of(apiId));
  }
}
