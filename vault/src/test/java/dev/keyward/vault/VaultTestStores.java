package dev.keyward.vault;

import dev.keyward.key.Secret;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.InterceptingClientHttpRequestFactory;

/** Stores for the rotation tests of other packages: crash points around every Vault request. */
public final class VaultTestStores {
  private VaultTestStores() {}

  /**
   * A store on {@code url} with {@code token} whose every request calls {@code checkpoint} before
   * it is sent ({@code vault:<METHOD> <path>}) and after its answer arrived ({@code ...:answered}),
   * so a test can kill the process on either side of a write that Vault applied.
   */
  public static VaultSecretStore crashing(
      String url, Secret token, String prefix, Clock clock, Consumer<String> checkpoint) {
    ClientHttpRequestInterceptor points =
        (request, body, execution) -> {
          String at = "vault:" + request.getMethod() + " " + request.getURI().getPath();
          checkpoint.accept(at);
          var response = execution.execute(request, body);
          checkpoint.accept(at + ":answered");
          return response;
        };
    return VaultSecretStore.builder(URI.create(url), VaultAuth.token(token))
        .pathPrefix(prefix)
        .clock(clock)
        .requests(f -> new InterceptingClientHttpRequestFactory(f, List.of(points)))
        .build();
  }
}
