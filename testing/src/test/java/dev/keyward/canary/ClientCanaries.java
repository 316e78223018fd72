package dev.keyward.canary;

import java.util.List;

/**
 * The canaries of the HTTP client suite, fresh per run: the client's root key and a per-call
 * override, API keys sent in requests (with a prefix the client's redactor knows, with one it does
 * not, and bare base58), and the keys a server hands back in create, reroll and decrypt answers.
 */
final class ClientCanaries {
  static final String REGISTERED_PREFIX = "cnry";

  final Canary root = Canary.generate("root key", "unkey");
  final Canary rootOverride = Canary.generate("per-call root key", "unkey");
  final Canary apiRegistered = Canary.generate("API key (registered prefix)", REGISTERED_PREFIX);
  final Canary apiUnregistered = Canary.generate("API key (unregistered prefix)", "zqx");
  final Canary apiBare = Canary.generate("API key (no prefix)", null);
  final Canary createdKey = Canary.generate("created API key", REGISTERED_PREFIX);
  final Canary rerolledKey = Canary.generate("rerolled API key (no prefix)", null);
  final Canary createdRoot = Canary.generate("created root key", "unkey");
  final Canary rerolledRoot = Canary.generate("rerolled root key", "unkey");

  List<Canary> all() {
    return List.of(
        root,
        rootOverride,
        apiRegistered,
        apiUnregistered,
        apiBare,
        createdKey,
        rerolledKey,
        createdRoot,
        rerolledRoot);
  }

  /**
   * What a hostile server writes into free-text fields ({@code detail}, {@code errors[].message},
   * an HTML page): the root keys and the keys whose prefix the client's redactor was told about.
   */
  String echo() {
    return "rejected key "
        + apiRegistered.value()
        + " (new "
        + createdKey.value()
        + ", root "
        + createdRoot.value()
        + ") sent with root key "
        + root.value()
        + " / "
        + rootOverride.value();
  }
}
