package dev.keyward.http.internal;

import dev.keyward.model.Ack;
import dev.keyward.model.CreateIdentityRequest;
import dev.keyward.model.CreatedIdentity;
import dev.keyward.model.DeleteIdentityRequest;
import dev.keyward.model.GetIdentityRequest;
import dev.keyward.model.Identity;
import dev.keyward.model.ListIdentitiesRequest;
import dev.keyward.model.Page;
import dev.keyward.model.UpdateIdentityRequest;
import dev.keyward.permission.Operation;

/** The wire format of {@code identities.*}. */
final class IdentityCodecs {
  private IdentityCodecs() {}

  /** {@code identities.createIdentity}. */
  static final OperationCodec<CreateIdentityRequest, CreatedIdentity> CREATE_IDENTITY =
      OperationCodec.object(
          Operation.IDENTITIES_CREATE_IDENTITY,
          (w, r) ->
              w.str("externalId", r.externalId())
                  .meta("meta", r.meta())
                  .optList("ratelimits", r.ratelimits(), CommonCodecs::ratelimitRequest),
          o -> {
            CreateIdentityRequest.Builder b = CreateIdentityRequest.builder(o.str("externalId"));
            o.ifPresent("meta", o::meta, b::meta);
            return b.ratelimits(o.list("ratelimits", CommonCodecs::readRatelimit)).build();
          },
          (w, c) -> w.str("identityId", c.identityId()),
          (o, id) -> new CreatedIdentity(o.str("identityId"), id),
          CreatedIdentity::requestId);

  /** {@code identities.getIdentity}. */
  static final OperationCodec<GetIdentityRequest, Identity> GET_IDENTITY =
      OperationCodec.object(
          Operation.IDENTITIES_GET_IDENTITY,
          (w, r) -> w.str("identity", r.identity()),
          o -> GetIdentityRequest.of(o.str("identity")),
          CommonCodecs::identity,
          (o, id) -> CommonCodecs.readIdentity(o),
          i -> null);

  /** {@code identities.listIdentities}. */
  static final OperationCodec<ListIdentitiesRequest, Page<Identity>> LIST_IDENTITIES =
      OperationCodec.page(
          Operation.IDENTITIES_LIST_IDENTITIES,
          (w, r) -> w.lng("limit", r.limit()).cursor(r.cursor()).optStr("search", r.search()),
          o -> {
            ListIdentitiesRequest.Builder b = ListIdentitiesRequest.builder();
            o.ifPresent("limit", o::optInt, b::limit);
            o.ifPresent("cursor", o::str, b::cursor);
            o.ifPresent("search", o::str, b::search);
            return b.build();
          },
          CommonCodecs::identity,
          CommonCodecs::readIdentity);

  /** {@code identities.updateIdentity}: an empty object or list clears, as Unkey does. */
  static final OperationCodec<UpdateIdentityRequest, Identity> UPDATE_IDENTITY =
      OperationCodec.object(
          Operation.IDENTITIES_UPDATE_IDENTITY,
          (w, r) -> {
            w.str("identity", r.identity());
            if (r.meta() != null) {
              w.metaAlways("meta", r.meta());
            }
            if (r.ratelimits() != null) {
              w.list("ratelimits", r.ratelimits(), CommonCodecs::ratelimitRequest);
            }
          },
          o -> {
            UpdateIdentityRequest.Builder b = UpdateIdentityRequest.builder(o.str("identity"));
            if (o.present("meta")) {
              if (o.meta("meta").isEmpty()) {
                b.clearMeta();
              } else {
                b.meta(o.meta("meta"));
              }
            }
            if (o.present("ratelimits")) {
              var limits = o.list("ratelimits", CommonCodecs::readRatelimit);
              if (limits.isEmpty()) {
                b.clearRatelimits();
              } else {
                b.ratelimits(limits);
              }
            }
            return b.build();
          },
          CommonCodecs::identity,
          (o, id) -> CommonCodecs.readIdentity(o),
          i -> null);

  /** {@code identities.deleteIdentity}: its answer has no {@code data}. */
  static final OperationCodec<DeleteIdentityRequest, Ack> DELETE_IDENTITY =
      OperationCodec.ack(
          Operation.IDENTITIES_DELETE_IDENTITY,
          (w, r) -> w.str("identity", r.identity()),
          o -> DeleteIdentityRequest.of(o.str("identity")),
          false);
}
