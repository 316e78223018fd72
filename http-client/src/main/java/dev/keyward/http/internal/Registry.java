package dev.keyward.http.internal;

/** Registers the codecs of the groups beyond the first slice. */
final class Registry {
  private Registry() {}

  static void registerAll() {}
}
