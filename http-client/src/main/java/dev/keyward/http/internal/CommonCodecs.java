package dev.keyward.http.internal;

import dev.keyward.model.Credits;
import dev.keyward.model.Identity;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.Permission;
import dev.keyward.model.RateLimit;
import dev.keyward.model.Refill;
import dev.keyward.model.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Shapes several operations share: credits, refill, rate limits, identities. */
final class CommonCodecs {
  private CommonCodecs() {}

  static Map<String, @Nullable Object> credits(Credits c) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("remaining", c.remaining()); // null means unlimited and is sent as null
    if (c.refill() != null) {
      m.put("refill", refill(c.refill()));
    }
    return m;
  }

  static Map<String, Object> refill(Refill r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("interval", r.rawInterval());
    m.put("amount", r.amount());
    if (r.refillDay() != null) {
      m.put("refillDay", (long) r.refillDay());
    }
    return m;
  }

  static Credits readCredits(WireObject o) {
    WireObject refill = o.optObj("refill");
    return new Credits(o.optLong("remaining"), refill == null ? null : readRefill(refill));
  }

  static Refill readRefill(WireObject o) {
    return Refill.fromWire(o.str("interval"), o.lng("amount"), o.optInt("refillDay"));
  }

  /** A rate limit as sent in requests ({@code RatelimitRequest}: no id). */
  static void ratelimitRequest(WireWriter w, RateLimit r) {
    w.str("name", r.name())
        .lng("limit", r.limit())
        .millis("duration", r.duration())
        .bool("autoApply", r.autoApply());
  }

  /** A rate limit as answered ({@code RatelimitResponse}: with id). */
  static void ratelimitResponse(WireWriter w, RateLimit r) {
    w.str("id", r.id() == null ? "" : r.id());
    ratelimitRequest(w, r);
  }

  static RateLimit readRatelimit(WireObject o) {
    Boolean autoApply = o.optBool("autoApply");
    return new RateLimit(
        o.optStr("id"),
        o.str("name"),
        o.lng("limit"),
        o.millis("duration"),
        autoApply != null && autoApply);
  }

  static void identity(WireWriter w, Identity i) {
    w.str("id", i.id()).str("externalId", i.externalId()).meta("meta", i.meta());
    w.optList("ratelimits", i.ratelimits(), CommonCodecs::ratelimitResponse);
  }

  static Identity readIdentity(WireObject o) {
    return new Identity(
        o.str("id"),
        o.str("externalId"),
        o.meta("meta"),
        o.list("ratelimits", CommonCodecs::readRatelimit));
  }

  static void permission(WireWriter w, Permission p) {
    w.str("id", p.id())
        .str("name", p.name())
        .str("slug", p.slug())
        .optStr("description", p.description());
  }

  static Permission readPermission(WireObject o) {
    return new Permission(o.str("id"), o.str("name"), o.str("slug"), o.optStr("description"));
  }

  static void role(WireWriter w, Role r) {
    w.str("id", r.id()).str("name", r.name()).optStr("description", r.description());
    w.optList("permissions", r.permissions(), CommonCodecs::permission);
  }

  static Role readRole(WireObject o) {
    return new Role(
        o.str("id"),
        o.str("name"),
        o.optStr("description"),
        o.list("permissions", CommonCodecs::readPermission));
  }

  /** A key as {@code keys.getKey}, {@code keys.whoami} and {@code apis.listKeys} answer it. */
  static void keyInfo(WireWriter w, KeyInfo k) {
    w.str("keyId", k.keyId())
        .str("start", k.start())
        .bool("enabled", k.enabled())
        .optStr("name", k.name())
        .meta("meta", k.meta())
        .instant("createdAt", k.createdAt())
        .optInstant("updatedAt", k.updatedAt())
        .optInstant("lastUsedAt", k.lastUsedAt())
        .optInstant("expires", k.expires())
        .optStrings("permissions", k.permissions())
        .optStrings("roles", k.roles());
    if (k.credits() != null) {
      w.json("credits", credits(k.credits()));
    }
    w.optObj("identity", k.identity(), CommonCodecs::identity);
    if (k.plaintext() != null) {
      w.str("plaintext", k.plaintext().reveal());
    }
    w.optList("ratelimits", k.ratelimits(), CommonCodecs::ratelimitResponse);
  }

  static KeyInfo readKeyInfo(WireObject o) {
    KeyInfo.Builder b =
        KeyInfo.builder(o.str("keyId"), o.str("start"), o.bool("enabled"), o.instant("createdAt"))
            .name(o.optStr("name"))
            .meta(o.meta("meta"))
            .updatedAt(o.optInstant("updatedAt"))
            .lastUsedAt(o.optInstant("lastUsedAt"))
            .expires(o.optInstant("expires"))
            .permissions(o.strings("permissions"))
            .roles(o.strings("roles"))
            .ratelimits(o.list("ratelimits", CommonCodecs::readRatelimit));
    o.ifPresent("credits", n -> readCredits(o.obj(n)), b::credits);
    o.ifPresent("identity", n -> readIdentity(o.obj(n)), b::identity);
    if (o.present("plaintext")) {
      b.plaintext(KeyCodecs.secret(o, "plaintext"));
    }
    return b.build();
  }
}
