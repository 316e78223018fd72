package dev.keyward.http;

import dev.keyward.key.RootKeyProvider;
import okhttp3.HttpUrl;

/** {@link UnkeyHttpClient#fromEnvironment()}: the client the environment variables describe. */
final class ClientEnvironment {
  private ClientEnvironment() {}

  static UnkeyHttpClient client() {
    RootKeyProvider provider = RootKeyProvider.fromEnvironment(UnkeyHttpClient.ROOT_KEY_VARIABLE);
    provider.current(); // fail now, naming the variable, rather than on the first call
    String base = System.getenv(UnkeyHttpClient.BASE_URL_VARIABLE);
    UnkeyHttpClient.Builder b = UnkeyHttpClient.builder().rootKeyProvider(provider);
    if (base != null && !base.isBlank()) {
      HttpUrl url = HttpUrl.parse(base.strip());
      if (url == null) {
        throw new IllegalStateException(
            "environment variable "
                + UnkeyHttpClient.BASE_URL_VARIABLE
                + " is not an http(s) URL, e.g. "
                + UnkeyHttpClient.DEFAULT_BASE_URL);
      }
      b.baseUrl(url);
    }
    return b.build();
  }
}
