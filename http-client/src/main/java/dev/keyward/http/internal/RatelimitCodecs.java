package dev.keyward.http.internal;

import dev.keyward.model.Ack;
import dev.keyward.model.DeleteOverrideRequest;
import dev.keyward.model.GetOverrideRequest;
import dev.keyward.model.LimitRequest;
import dev.keyward.model.LimitResult;
import dev.keyward.model.ListOverridesRequest;
import dev.keyward.model.MultiLimitRequest;
import dev.keyward.model.MultiLimitResult;
import dev.keyward.model.Page;
import dev.keyward.model.RatelimitOverride;
import dev.keyward.model.SavedOverride;
import dev.keyward.model.SetOverrideRequest;
import dev.keyward.permission.Operation;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The wire format of {@code ratelimit.*}. */
final class RatelimitCodecs {
  private RatelimitCodecs() {}

  /** {@code ratelimit.limit}. */
  static final OperationCodec<LimitRequest, LimitResult> LIMIT =
      OperationCodec.object(
          Operation.RATELIMIT_LIMIT,
          RatelimitCodecs::writeLimit,
          RatelimitCodecs::readLimit,
          (w, r) ->
              w.lng("limit", r.limit())
                  .lng("remaining", r.remaining())
                  .instant("reset", r.reset())
                  .bool("success", r.success())
                  .optStr("overrideId", r.overrideId()),
          (o, id) ->
              new LimitResult(
                  o.bool("success"),
                  o.lng("limit"),
                  o.lng("remaining"),
                  o.instant("reset"),
                  o.optStr("overrideId"),
                  id),
          LimitResult::requestId);

  /** {@code ratelimit.multiLimit}: its request body is a JSON array. */
  static final OperationCodec<MultiLimitRequest, MultiLimitResult> MULTI_LIMIT =
      new OperationCodec<>(Operation.RATELIMIT_MULTI_LIMIT) {
        @Override
        void writeRequest(WireWriter w, MultiLimitRequest request) {
          w.beginArray();
          for (LimitRequest l : request.limits()) {
            w.begin();
            writeLimit(w, l);
            w.end();
          }
          w.endArray();
        }

        @Override
        MultiLimitRequest readRequestTree(@Nullable Object tree) {
          if (!(tree instanceof List<?> items)) {
            throw new WireFormatException("body is not a JSON array");
          }
          List<LimitRequest> limits = new ArrayList<>(items.size());
          for (int i = 0; i < items.size(); i++) {
            limits.add(readLimit(WireObject.of(items.get(i), "body[" + i + "]")));
          }
          return MultiLimitRequest.of(limits);
        }

        @Override
        MultiLimitRequest readRequest(WireObject body) {
          throw new WireFormatException("body is not a JSON array");
        }

        @Override
        void writeResponse(WireWriter w, MultiLimitResult r) {
          w.obj(
              "data",
              d ->
                  d.bool("passed", r.passed())
                      .list(
                          "limits",
                          r.limits(),
                          (cw, c) ->
                              cw.str("namespace", c.namespace())
                                  .str("identifier", c.identifier())
                                  .lng("limit", c.limit())
                                  .lng("remaining", c.remaining())
                                  .instant("reset", c.reset())
                                  .bool("passed", c.passed())
                                  .optStr("overrideId", c.overrideId())));
        }

        @Override
        MultiLimitResult readResponse(WireObject envelope, String requestId) {
          WireObject d = envelope.obj("data");
          return new MultiLimitResult(
              d.bool("passed"),
              d.list(
                  "limits",
                  c ->
                      new MultiLimitResult.Check(
                          c.str("namespace"),
                          c.str("identifier"),
                          c.lng("limit"),
                          c.lng("remaining"),
                          c.instant("reset"),
                          c.bool("passed"),
                          c.optStr("overrideId"))),
              requestId);
        }

        @Override
        String requestId(MultiLimitResult response) {
          return response.requestId();
        }
      };

  /** {@code ratelimit.setOverride}. */
  static final OperationCodec<SetOverrideRequest, SavedOverride> SET_OVERRIDE =
      OperationCodec.object(
          Operation.RATELIMIT_SET_OVERRIDE,
          (w, r) ->
              w.str("namespace", r.namespace())
                  .millis("duration", r.duration())
                  .str("identifier", r.identifier())
                  .lng("limit", r.limit()),
          o ->
              SetOverrideRequest.of(
                  o.str("namespace"), o.str("identifier"), o.lng("limit"), o.millis("duration")),
          (w, s) -> w.str("overrideId", s.overrideId()),
          (o, id) -> new SavedOverride(o.str("overrideId"), id),
          SavedOverride::requestId);

  /** {@code ratelimit.getOverride}. */
  static final OperationCodec<GetOverrideRequest, RatelimitOverride> GET_OVERRIDE =
      OperationCodec.object(
          Operation.RATELIMIT_GET_OVERRIDE,
          (w, r) -> w.str("namespace", r.namespace()).str("identifier", r.identifier()),
          o -> GetOverrideRequest.of(o.str("namespace"), o.str("identifier")),
          RatelimitCodecs::writeOverride,
          (o, id) -> readOverride(o),
          r -> null);

  /** {@code ratelimit.listOverrides}. */
  static final OperationCodec<ListOverridesRequest, Page<RatelimitOverride>> LIST_OVERRIDES =
      OperationCodec.page(
          Operation.RATELIMIT_LIST_OVERRIDES,
          (w, r) -> w.str("namespace", r.namespace()).cursor(r.cursor()).lng("limit", r.limit()),
          o -> {
            ListOverridesRequest.Builder b = ListOverridesRequest.builder(o.str("namespace"));
            o.ifPresent("limit", o::optInt, b::limit);
            o.ifPresent("cursor", o::str, b::cursor);
            return b.build();
          },
          RatelimitCodecs::writeOverride,
          RatelimitCodecs::readOverride);

  /** {@code ratelimit.deleteOverride}. */
  static final OperationCodec<DeleteOverrideRequest, Ack> DELETE_OVERRIDE =
      OperationCodec.ack(
          Operation.RATELIMIT_DELETE_OVERRIDE,
          (w, r) -> w.str("namespace", r.namespace()).str("identifier", r.identifier()),
          o -> DeleteOverrideRequest.of(o.str("namespace"), o.str("identifier")));

  static void writeLimit(WireWriter w, LimitRequest r) {
    w.str("namespace", r.namespace())
        .optLong("cost", r.cost())
        .millis("duration", r.duration())
        .str("identifier", r.identifier())
        .lng("limit", r.limit());
  }

  static LimitRequest readLimit(WireObject o) {
    LimitRequest.Builder b =
        LimitRequest.builder(
            o.str("namespace"), o.str("identifier"), o.lng("limit"), o.millis("duration"));
    Long cost = o.optLong("cost");
    if (cost != null) {
      b.cost(cost);
    }
    return b.build();
  }

  private static void writeOverride(WireWriter w, RatelimitOverride o) {
    w.str("overrideId", o.overrideId())
        .millis("duration", o.duration())
        .str("identifier", o.identifier())
        .lng("limit", o.limit());
  }

  private static RatelimitOverride readOverride(WireObject o) {
    return new RatelimitOverride(
        o.str("overrideId"), o.str("identifier"), o.lng("limit"), o.millis("duration"));
  }
}
