package dev.keyward.http.internal;

import dev.keyward.CreateKeyRequest;
import dev.keyward.CreatedKey;
import dev.keyward.RatelimitCheck;
import dev.keyward.RatelimitStatus;
import dev.keyward.Verification;
import dev.keyward.VerifyKeyRequest;
import dev.keyward.key.Secret;
import dev.keyward.permission.Operation;
import dev.keyward.permission.PermissionQuery;

/** The wire format of {@code keys.*}. */
public final class KeyCodecs {
  private KeyCodecs() {}

  /** {@code keys.createKey}. */
  public static final OperationCodec<CreateKeyRequest, CreatedKey> CREATE_KEY =
      OperationCodec.object(
          Operation.KEYS_CREATE_KEY,
          KeyCodecs::writeCreate,
          KeyCodecs::readCreate,
          KeyCodecs::writeCreated,
          KeyCodecs::readCreated,
          CreatedKey::requestId);

  /** {@code keys.verifyKey}. */
  public static final OperationCodec<VerifyKeyRequest, Verification> VERIFY_KEY =
      OperationCodec.object(
          Operation.KEYS_VERIFY_KEY,
          KeyCodecs::writeVerify,
          KeyCodecs::readVerify,
          KeyCodecs::writeVerification,
          KeyCodecs::readVerification,
          Verification::requestId);

  private static void writeCreate(WireWriter w, CreateKeyRequest r) {
    w.str("apiId", r.apiId())
        .optStr("prefix", r.prefix())
        .optStr("name", r.name())
        .optLong("byteLength", r.byteLength())
        .optStr("externalId", r.externalId())
        .meta("meta", r.meta())
        .optStrings("roles", r.roles())
        .optStrings("permissions", r.permissions())
        .optInstant("expires", r.expires());
    if (r.credits() != null) {
      w.json("credits", CommonCodecs.credits(r.credits()));
    }
    w.optList("ratelimits", r.ratelimits(), CommonCodecs::ratelimitRequest)
        .optBool("enabled", r.enabled())
        .optBool("recoverable", r.recoverable());
  }

  private static CreateKeyRequest readCreate(WireObject o) {
    CreateKeyRequest.Builder b = CreateKeyRequest.builder(o.str("apiId"));
    if (o.present("prefix")) {
      b.prefix(o.str("prefix"));
    }
    if (o.present("name")) {
      b.name(o.str("name"));
    }
    if (o.present("byteLength")) {
      b.byteLength(o.optInt("byteLength"));
    }
    if (o.present("externalId")) {
      b.externalId(o.str("externalId"));
    }
    if (o.present("meta")) {
      b.meta(o.meta("meta"));
    }
    b.roles(o.strings("roles"));
    b.permissions(o.strings("permissions"));
    if (o.present("expires")) {
      b.expires(o.instant("expires"));
    }
    if (o.present("credits")) {
      b.credits(CommonCodecs.readCredits(o.obj("credits")));
    }
    b.ratelimits(o.list("ratelimits", CommonCodecs::readRatelimit));
    if (o.present("enabled")) {
      b.enabled(o.bool("enabled"));
    }
    if (o.present("recoverable")) {
      b.recoverable(o.bool("recoverable"));
    }
    return b.build();
  }

  private static void writeCreated(WireWriter w, CreatedKey k) {
    w.str("keyId", k.keyId()).str("key", k.key().reveal());
  }

  private static CreatedKey readCreated(WireObject o, String requestId) {
    return new CreatedKey(o.str("keyId"), secret(o, "key"), requestId);
  }

  static Secret secret(WireObject o, String name) {
    try {
      return Secret.of(o.str(name));
    } catch (IllegalArgumentException e) {
      throw new WireFormatException("field " + name + " is not a well-formed key");
    }
  }

  private static void writeVerify(WireWriter w, VerifyKeyRequest r) {
    w.str("key", r.key().reveal()).optStrings("tags", r.tags());
    if (r.permissions() != null) {
      w.str("permissions", r.permissions().toString());
    }
    if (r.cost() != null) {
      w.obj("credits", c -> c.lng("cost", r.cost()));
    }
    w.optList("ratelimits", r.ratelimits(), (rw, rl) -> rw.str("name", rl.name())
        .optLong("cost", rl.cost())
        .optLong("limit", rl.limit())
        .optMillis("duration", rl.duration()));
    w.optStr("migrationId", r.migrationId());
  }

  private static VerifyKeyRequest readVerify(WireObject o) {
    VerifyKeyRequest.Builder b = VerifyKeyRequest.builder(secret(o, "key"));
    b.tags(o.strings("tags"));
    if (o.present("permissions")) {
      b.permissions(PermissionQuery.parse(o.str("permissions")));
    }
    WireObject credits = o.optObj("credits");
    if (credits != null) {
      b.cost(credits.lng("cost"));
    }
    b.ratelimits(o.list("ratelimits", rl -> new RatelimitCheck(
        rl.str("name"), rl.optInt("cost"), rl.optLong("limit"), rl.optMillis("duration"))));
    if (o.present("migrationId")) {
      b.migrationId(o.str("migrationId"));
    }
    return b.build();
  }

  private static void writeVerification(WireWriter w, Verification v) {
    w.bool("valid", v.valid()).str("code", v.rawCode());
    w.optStr("keyId", v.keyId()).optStr("name", v.name()).meta("meta", v.meta());
    w.optInstant("expires", v.expires()).optLong("credits", v.credits()).optBool("enabled", v.enabled());
    w.optStrings("permissions", v.permissions()).optStrings("roles", v.roles());
    w.optObj("identity", v.identity(), CommonCodecs::identity);
    w.optList("ratelimits", v.ratelimits(), KeyCodecs::writeRatelimitStatus);
  }

  private static void writeRatelimitStatus(WireWriter w, RatelimitStatus s) {
    w.bool("exceeded", s.exceeded()).str("id", s.id()).str("name", s.name()).lng("limit", s.limit())
        .millis("duration", s.duration()).millis("reset", s.reset()).lng("remaining", s.remaining())
        .bool("autoApply", s.autoApply());
  }

  private static Verification readVerification(WireObject o, String requestId) {
    String rawCode = o.str("code");
    return Verification.builder(Verification.Code.fromWire(rawCode))
        .rawCode(rawCode)
        .keyId(o.optStr("keyId"))
        .name(o.optStr("name"))
        .meta(o.meta("meta"))
        .expires(o.optInstant("expires"))
        .credits(o.optLong("credits"))
        .enabled(o.optBool("enabled"))
        .permissions(o.strings("permissions"))
        .roles(o.strings("roles"))
        .identity(o.present("identity") ? CommonCodecs.readIdentity(o.obj("identity")) : null)
        .ratelimits(o.list("ratelimits", s -> new RatelimitStatus(s.str("id"), s.str("name"), s.bool("exceeded"),
            s.lng("limit"), s.millis("duration"), s.millis("reset"), s.lng("remaining"), s.bool("autoApply"))))
        .requestId(requestId)
        .build();
  }
}
