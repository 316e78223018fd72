package dev.keyward.spring;

import dev.keyward.http.UnkeyHttpClient;

/**
 * Adjusts the {@link UnkeyHttpClient} the starter builds (interceptors, observation conventions, an
 * OkHttp client of your own): every bean of this type is applied, in order, before {@code build()}.
 */
@FunctionalInterface
public interface UnkeyHttpClientCustomizer {
  /** Adjusts {@code builder}. */
  void customize(UnkeyHttpClient.Builder builder);
}
