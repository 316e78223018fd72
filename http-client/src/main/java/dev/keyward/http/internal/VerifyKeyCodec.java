package dev.keyward.http.internal;

import dev.keyward.model.RatelimitCheck;
import dev.keyward.model.RatelimitStatus;
import dev.keyward.model.Verification;
import dev.keyward.model.VerifyKeyRequest;
import dev.keyward.permission.Operation;
import dev.keyward.permission.PermissionQuery;
import okio.BufferedSource;

/**
 * The wire format of {@code keys.verifyKey}, the hot path of every customer request: its answer is
 * streamed by {@link VerificationReader} straight into a {@link Verification}; {@link
 * #readVerification} is the same reading through the tree, which tests hold the stream to.
 */
final class VerifyKeyCodec {
  private VerifyKeyCodec() {}

  /** {@code keys.verifyKey}. */
  static final OperationCodec<VerifyKeyRequest, Verification> VERIFY_KEY =
      new OperationCodec.ObjectBody<>(
          Operation.KEYS_VERIFY_KEY, VerifyKeyCodec::writeVerify, VerifyKeyCodec::readVerify) {
        @Override
        void writeResponse(WireWriter w, Verification response) {
          w.obj("data", d -> writeVerification(d, response));
        }

        @Override
        Verification readResponse(WireObject envelope, String requestId) {
          return readVerification(envelope.obj("data"), requestId);
        }

        @Override
        Decoded<Verification> decodeEnvelope(BufferedSource body, ServerTexts texts) {
          return VerificationReader.read(body, texts);
        }

        @Override
        String requestId(Verification response) {
          return response.requestId();
        }
      };

  private static void writeVerify(WireWriter w, VerifyKeyRequest r) {
    w.str("key", r.key().reveal()).optStrings("tags", r.tags());
    if (r.permissions() != null) {
      w.str("permissions", r.permissions().toString());
    }
    if (r.cost() != null) {
      w.obj("credits", c -> c.lng("cost", r.cost()));
    }
    w.optList(
        "ratelimits",
        r.ratelimits(),
        (rw, rl) ->
            rw.str("name", rl.name())
                .optLong("cost", rl.cost())
                .optLong("limit", rl.limit())
                .optMillis("duration", rl.duration()));
    w.optStr("migrationId", r.migrationId());
  }

  private static VerifyKeyRequest readVerify(WireObject o) {
    VerifyKeyRequest.Builder b = VerifyKeyRequest.builder(KeyCodecs.secret(o, "key"));
    b.tags(o.strings("tags"));
    if (o.present("permissions")) {
      b.permissions(PermissionQuery.parse(o.str("permissions")));
    }
    WireObject credits = o.optObj("credits");
    if (credits != null) {
      b.cost(credits.lng("cost"));
    }
    b.ratelimits(
        o.list(
            "ratelimits",
            rl ->
                new RatelimitCheck(
                    rl.str("name"),
                    rl.optInt("cost"),
                    rl.optLong("limit"),
                    rl.optMillis("duration"))));
    o.ifPresent("migrationId", o::str, b::migrationId);
    return b.build();
  }

  private static void writeVerification(WireWriter w, Verification v) {
    w.bool("valid", v.valid()).str("code", v.rawCode());
    w.optStr("keyId", v.keyId()).optStr("name", v.name()).meta("meta", v.meta());
    w.optInstant("expires", v.expires())
        .optLong("credits", v.credits())
        .optBool("enabled", v.enabled());
    w.optStrings("permissions", v.permissions()).optStrings("roles", v.roles());
    w.optObj("identity", v.identity(), CommonCodecs::identity);
    w.optList("ratelimits", v.ratelimits(), VerifyKeyCodec::writeRatelimitStatus);
  }

  private static void writeRatelimitStatus(WireWriter w, RatelimitStatus s) {
    w.bool("exceeded", s.exceeded())
        .str("id", s.id())
        .str("name", s.name())
        .lng("limit", s.limit())
        .millis("duration", s.duration())
        .millis("reset", s.reset())
        .lng("remaining", s.remaining())
        .bool("autoApply", s.autoApply());
  }

  /**
   * The tree reading of a verification: its code and key id checked with {@link
   * ServerTexts#defaults()} (the stream also with the call's own secrets).
   */
  static Verification readVerification(WireObject o, String requestId) {
    String rawCode = o.str("code");
    Verification.Code code = Verification.Code.fromWire(rawCode);
    if (o.bool("valid") != (code == Verification.Code.VALID)) {
      throw new WireFormatException("response.data.valid contradicts response.data.code");
    }
    return Verification.builder(code)
        .rawCode(ServerTexts.defaults().code(rawCode))
        .keyId(ServerTexts.defaults().optId(o.optStr("keyId")))
        .name(o.optStr("name"))
        .meta(o.meta("meta"))
        .expires(o.optInstant("expires"))
        .credits(o.optLong("credits"))
        .enabled(o.optBool("enabled"))
        .permissions(o.strings("permissions"))
        .roles(o.strings("roles"))
        .identity(o.present("identity") ? CommonCodecs.readIdentity(o.obj("identity")) : null)
        .ratelimits(
            o.list(
                "ratelimits",
                s ->
                    new RatelimitStatus(
                        s.str("id"),
                        s.str("name"),
                        s.bool("exceeded"),
                        s.lng("limit"),
                        s.millis("duration"),
                        s.millis("reset"),
                        s.lng("remaining"),
                        s.bool("autoApply"))))
        .requestId(requestId)
        .build();
  }
}
