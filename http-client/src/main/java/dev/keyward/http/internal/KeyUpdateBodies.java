package dev.keyward.http.internal;

import dev.keyward.model.CreditsUpdate;
import dev.keyward.model.Patch;
import dev.keyward.model.UpdateCreditsRequest;
import dev.keyward.model.UpdateKeyRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The request bodies of {@code keys.updateKey} (three-state fields: absent, {@code null} to clear,
 * or a value) and {@code keys.updateCredits} (set, increment or decrement); {@link KeyCodecs} holds
 * their codecs.
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
    apply(o.patch("name", o::str), b::clearName, b::name);
    apply(o.patch("externalId", o::str), b::clearExternalId, b::externalId);
    apply(o.patch("meta", o::meta), b::clearMeta, b::meta);
    apply(o.patch("expires", o::instant), b::clearExpires, b::expires);
    apply(o.patch("credits", n -> readCreditsUpdate(o.obj(n))), b::clearCredits, b::credits);
    o.ifPresent("ratelimits", n -> o.list(n, CommonCodecs::readRatelimit), b::ratelimits);
    o.ifPresent("enabled", o::bool, b::enabled);
    o.ifPresent("roles", o::strings, b::roles);
    o.ifPresent("permissions", o::strings, b::permissions);
    return b.build();
  }

  private static CreditsUpdate readCreditsUpdate(WireObject c) {
    return new CreditsUpdate(
        c.patch("remaining", c::lng), c.patch("refill", n -> CommonCodecs.readRefill(c.obj(n))));
  }

  /** Carries a three-state field over to a builder's {@code clearX()} or {@code x(value)}. */
  private static <T> void apply(Patch<T> patch, Runnable clear, Consumer<? super T> set) {
    if (patch.isClear()) {
      clear.run();
    } else if (patch.isSet()) {
      set.accept(patch.value());
    }
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
        return value == null
            ? UpdateCreditsRequest.setUnlimited(keyId)
            : UpdateCreditsRequest.set(keyId, value);
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
