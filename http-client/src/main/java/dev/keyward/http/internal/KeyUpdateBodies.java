package dev.keyward.http.internal;

import dev.keyward.CreditsUpdate;
import dev.keyward.Patch;
import dev.keyward.UpdateCreditsRequest;
import dev.keyward.UpdateKeyRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The request bodies of {@code keys.updateKey} (three-state fields: absent, {@code null} to clear, or a
 * value) and {@code keys.updateCredits} (set, increment or decrement); {@link KeyCodecs} holds their codecs.
 */
final class KeyUpdateBodies {
  private KeyUpdateBodies() {}

  static void writeUpdate(WireWriter w, UpdateKeyRequest r) {
    w.str("keyId", r.keyId())
        .patch("name", r.name())
        .patch("externalId", r.externalId())
        .patch("meta", r.meta())
        .patch("expires", r.expires(), Instant::toEpochMilli)
        .patch("credits", r.credits(), KeyUpdateBodies::creditsUpdate);
    if (r.ratelimits() != null) {
      w.list("ratelimits", r.ratelimits(), CommonCodecs::ratelimitRequest);
    }
    w.optBool("enabled", r.enabled());
    if (r.roles() != null) {
      w.strings("roles", r.roles());
    }
    if (r.permissions() != null) {
      w.strings("permissions", r.permissions());
    }
  }

  private static Map<String, @Nullable Object> creditsUpdate(CreditsUpdate c) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    if (!c.remaining().isAbsent()) {
      m.put("remaining", c.remaining().isClear() ? null : c.remaining().value());
    }
    if (!c.refill().isAbsent()) {
      m.put("refill", c.refill().isClear() ? null : CommonCodecs.refill(c.refill().value()));
    }
    return m;
  }

  static UpdateKeyRequest readUpdate(WireObject o) {
    UpdateKeyRequest.Builder b = UpdateKeyRequest.builder(o.str("keyId"));
    Patch<String> name = o.patch("name", o::str);
    if (name.isClear()) {
      b.clearName();
    } else if (name.isSet()) {
      b.name(name.value());
    }
    Patch<String> externalId = o.patch("externalId", o::str);
    if (externalId.isClear()) {
      b.clearExternalId();
    } else if (externalId.isSet()) {
      b.externalId(externalId.value());
    }
    Patch<Map<String, Object>> meta = o.patch("meta", o::meta);
    if (meta.isClear()) {
      b.clearMeta();
    } else if (meta.isSet()) {
      b.meta(meta.value());
    }
    Patch<Instant> expires = o.patch("expires", o::instant);
    if (expires.isClear()) {
      b.clearExpires();
    } else if (expires.isSet()) {
      b.expires(expires.value());
    }
    Patch<WireObject> credits = o.patch("credits", o::obj);
    if (credits.isClear()) {
      b.clearCredits();
    } else if (credits.isSet()) {
      WireObject c = credits.value();
      b.credits(new CreditsUpdate(c.patch("remaining", c::lng), c.patch("refill", n -> CommonCodecs.readRefill(c.obj(n)))));
    }
    if (o.present("ratelimits")) {
      b.ratelimits(o.list("ratelimits", CommonCodecs::readRatelimit));
    }
    if (o.present("enabled")) {
      b.enabled(o.bool("enabled"));
    }
    if (o.present("roles")) {
      b.roles(o.strings("roles"));
    }
    if (o.present("permissions")) {
      b.permissions(o.strings("permissions"));
    }
    return b.build();
  }

  static void writeUpdateCredits(WireWriter w, UpdateCreditsRequest r) {
    w.str("keyId", r.keyId());
    if (r.value() != null) {
      w.lng("value", r.value());
    } else {
      w.nullValue("value"); // set without a value: unlimited
    }
    w.str("operation", r.operation().wireName());
  }

  static UpdateCreditsRequest readUpdateCredits(WireObject o) {
    String operation = o.str("operation");
    Long value = o.optLong("value");
    String keyId = o.str("keyId");
    switch (operation) {
      case "set":
        return value == null ? UpdateCreditsRequest.setUnlimited(keyId) : UpdateCreditsRequest.set(keyId, value);
      case "increment":
        return UpdateCreditsRequest.increment(keyId, required(value));
      case "decrement":
        return UpdateCreditsRequest.decrement(keyId, required(value));
      default:
        throw new WireFormatException("body.operation must be set, increment or decrement");
    }
  }

  private static long required(@Nullable Long value) {
    if (value == null) {
      throw new WireFormatException("body.value is required for increment and decrement");
    }
    return value;
  }
}
