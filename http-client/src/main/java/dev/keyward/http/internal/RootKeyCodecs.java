package dev.keyward.http.internal;

import dev.keyward.model.Ack;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.DeleteRootKeyRequest;
import dev.keyward.model.GetRootKeyRequest;
import dev.keyward.model.ListRootKeysRequest;
import dev.keyward.model.Page;
import dev.keyward.model.RerollRootKeyRequest;
import dev.keyward.model.RootKeyInfo;
import dev.keyward.model.UpdateRootKeyRequest;
import dev.keyward.permission.Operation;

/** The wire format of keyward's {@code rootKeys.*} extension ({@code rootkeys-openapi.yaml}). */
final class RootKeyCodecs {
  private RootKeyCodecs() {}

  /** {@code rootKeys.createRootKey}. */
  static final OperationCodec<CreateRootKeyRequest, CreatedKey> CREATE_ROOT_KEY =
      OperationCodec.object(
          Operation.ROOT_KEYS_CREATE_ROOT_KEY,
          (w, r) -> w.optStr("name", r.name()).strings("permissions", r.permissions()),
          o -> {
            CreateRootKeyRequest.Builder b = CreateRootKeyRequest.builder(o.strings("permissions"));
            o.ifPresent("name", o::str, b::name);
            return b.build();
          },
          RootKeyCodecs::writeCreated,
          RootKeyCodecs::readCreated,
          CreatedKey::requestId);

  /** {@code rootKeys.getRootKey}. */
  static final OperationCodec<GetRootKeyRequest, RootKeyInfo> GET_ROOT_KEY =
      OperationCodec.object(
          Operation.ROOT_KEYS_GET_ROOT_KEY,
          (w, r) -> w.str("keyId", r.keyId()),
          o -> GetRootKeyRequest.of(o.str("keyId")),
          RootKeyCodecs::writeInfo,
          (o, id) -> readInfo(o),
          r -> null);

  /** {@code rootKeys.listRootKeys}. */
  static final OperationCodec<ListRootKeysRequest, Page<RootKeyInfo>> LIST_ROOT_KEYS =
      OperationCodec.page(
          Operation.ROOT_KEYS_LIST_ROOT_KEYS,
          (w, r) -> w.lng("limit", r.limit()).cursor(r.cursor()),
          o -> {
            ListRootKeysRequest.Builder b = ListRootKeysRequest.builder();
            o.ifPresent("limit", o::optInt, b::limit);
            o.ifPresent("cursor", o::str, b::cursor);
            return b.build();
          },
          RootKeyCodecs::writeInfo,
          RootKeyCodecs::readInfo);

  /** {@code rootKeys.updateRootKey}: {@code permissions}, when sent, replace the key's. */
  static final OperationCodec<UpdateRootKeyRequest, Ack> UPDATE_ROOT_KEY =
      OperationCodec.ack(
          Operation.ROOT_KEYS_UPDATE_ROOT_KEY,
          (w, r) -> {
            w.str("keyId", r.keyId()).optStr("name", r.name());
            if (r.permissions() != null) {
              w.strings("permissions", r.permissions());
            }
          },
          o -> {
            UpdateRootKeyRequest.Builder b = UpdateRootKeyRequest.builder(o.str("keyId"));
            o.ifPresent("name", o::str, b::name);
            o.ifPresent("permissions", o::strings, b::permissions);
            return b.build();
          });

  /** {@code rootKeys.rerollRootKey}. */
  static final OperationCodec<RerollRootKeyRequest, CreatedKey> REROLL_ROOT_KEY =
      OperationCodec.object(
          Operation.ROOT_KEYS_REROLL_ROOT_KEY,
          (w, r) -> w.str("keyId", r.keyId()).millis("expiration", r.expiration()),
          o -> RerollRootKeyRequest.of(o.str("keyId"), o.millis("expiration")),
          RootKeyCodecs::writeCreated,
          RootKeyCodecs::readCreated,
          CreatedKey::requestId);

  /** {@code rootKeys.deleteRootKey}. */
  static final OperationCodec<DeleteRootKeyRequest, Ack> DELETE_ROOT_KEY =
      OperationCodec.ack(
          Operation.ROOT_KEYS_DELETE_ROOT_KEY,
          (w, r) -> w.str("keyId", r.keyId()),
          o -> DeleteRootKeyRequest.of(o.str("keyId")));

  private static void writeCreated(WireWriter w, CreatedKey k) {
    w.str("keyId", k.keyId()).str("key", k.key().reveal());
  }

  private static CreatedKey readCreated(WireObject o, String requestId) {
    return new CreatedKey(o.str("keyId"), KeyCodecs.secret(o, "key"), requestId);
  }

  private static void writeInfo(WireWriter w, RootKeyInfo k) {
    w.str("keyId", k.keyId())
        .str("start", k.start())
        .optStr("name", k.name())
        .strings("permissions", k.permissions())
        .instant("createdAt", k.createdAt())
        .optInstant("expires", k.expires());
  }

  private static RootKeyInfo readInfo(WireObject o) {
    return new RootKeyInfo(
        o.str("keyId"),
        o.str("start"),
        o.optStr("name"),
        o.strings("permissions"),
        o.instant("createdAt"),
        o.optInstant("expires"));
  }
}
