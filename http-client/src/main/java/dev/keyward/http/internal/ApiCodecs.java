package dev.keyward.http.internal;

import dev.keyward.model.Ack;
import dev.keyward.model.ApiInfo;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreatedApi;
import dev.keyward.model.DeleteApiRequest;
import dev.keyward.model.GetApiRequest;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.ListKeysRequest;
import dev.keyward.model.Page;
import dev.keyward.permission.Operation;

/** The wire format of {@code apis.*}. */
final class ApiCodecs {
  private ApiCodecs() {}

  /** {@code apis.createApi}. */
  static final OperationCodec<CreateApiRequest, CreatedApi> CREATE_API =
      OperationCodec.object(
          Operation.APIS_CREATE_API,
          (w, r) -> w.str("name", r.name()),
          o -> CreateApiRequest.of(o.str("name")),
          (w, c) -> w.str("apiId", c.apiId()),
          (o, id) -> new CreatedApi(o.str("apiId"), id),
          CreatedApi::requestId);

  /** {@code apis.getApi}. */
  static final OperationCodec<GetApiRequest, ApiInfo> GET_API =
      OperationCodec.object(
          Operation.APIS_GET_API,
          (w, r) -> w.str("apiId", r.apiId()),
          o -> GetApiRequest.of(o.str("apiId")),
          (w, a) -> w.str("id", a.id()).str("name", a.name()),
          (o, id) -> new ApiInfo(o.str("id"), o.str("name")),
          a -> null);

  /** {@code apis.listKeys}. */
  static final OperationCodec<ListKeysRequest, Page<KeyInfo>> LIST_KEYS =
      OperationCodec.page(
          Operation.APIS_LIST_KEYS,
          (w, r) ->
              w.str("apiId", r.apiId())
                  .lng("limit", r.limit())
                  .cursor(r.cursor())
                  .optStr("externalId", r.externalId())
                  .optBool("decrypt", r.decrypt() ? Boolean.TRUE : null)
                  .optBool("revalidateKeysCache", r.revalidateKeysCache() ? Boolean.TRUE : null),
          ApiCodecs::readListKeys,
          CommonCodecs::keyInfo,
          CommonCodecs::readKeyInfo);

  /** {@code apis.deleteApi}. */
  static final OperationCodec<DeleteApiRequest, Ack> DELETE_API =
      OperationCodec.ack(
          Operation.APIS_DELETE_API,
          (w, r) -> w.str("apiId", r.apiId()),
          o -> DeleteApiRequest.of(o.str("apiId")));

  private static ListKeysRequest readListKeys(WireObject o) {
    ListKeysRequest.Builder b = ListKeysRequest.builder(o.str("apiId"));
    o.ifPresent("limit", o::optInt, b::limit);
    o.ifPresent("cursor", o::str, b::cursor);
    o.ifPresent("externalId", o::str, b::externalId);
    b.decrypt(Boolean.TRUE.equals(o.optBool("decrypt")));
    b.revalidateKeysCache(Boolean.TRUE.equals(o.optBool("revalidateKeysCache")));
    return b.build();
  }
}
