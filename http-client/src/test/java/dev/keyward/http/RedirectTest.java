package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.keyward.UnexpectedStatusException;
import dev.keyward.UnkeyException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * A 3xx answer is never followed: OkHttp would repeat the body (verify's and whoami's hold an API
 * key) to wherever {@code Location} points. It fails as a typed error naming the status and the
 * target host, never the Location's path or query.
 */
class RedirectTest {
  static final String KEY = "sk_live_7Kq2VbN9xRw3TpLm5ZcY8hDf";

  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer elsewhere = new MockWebServer();

  UnkeyHttpClient.Builder client() {
    return UnkeyHttpClient.builder()
        .baseUrl(server.url("/"))
        .rootKey(UnkeyHttpClientTest.ROOT)
        .retryPolicy(RetryPolicy.defaults());
  }

  MockResponse redirect(int code) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Location", elsewhere.url("/v2/keys.verifyKey?key=" + KEY).toString())
        .build();
  }

  @Test
  void a307ToAnotherPortIsNotFollowed() {
    server.enqueue(redirect(307));

    Throwable thrown = catchThrowable(() -> client().build().keys().verify(KEY));

    assertRedirectFailure(thrown, 307);
    assertThat(server.getRequestCount()).as("not retried").isEqualTo(1);
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void aUserSuppliedClientFollowsNoRedirectEither() throws Exception {
    OkHttpClient users = new OkHttpClient.Builder().build(); // follows redirects by default
    server.enqueue(redirect(308));

    Throwable thrown =
        catchThrowable(
            () ->
                client()
                    .okHttpClient(users)
                    .build()
                    .async()
                    .keys()
                    .verify(dev.keyward.model.VerifyKeyRequest.builder(KEY).build())
                    .join());

    assertRedirectFailure(thrown.getCause(), 308);
    assertThat(elsewhere.getRequestCount()).isZero();
    assertThat(users.followRedirects()).as("the user's client is untouched").isTrue();
  }

  void assertRedirectFailure(Throwable thrown, int status) {
    assertThat(thrown).isInstanceOf(UnexpectedStatusException.class);
    UnkeyException e = (UnkeyException) thrown;
    assertThat(e.status()).isEqualTo(status);
    String text = CapturedLogs.text(e);
    assertThat(e.getMessage())
        .contains("HTTP " + status)
        .contains(elsewhere.getHostName() + ":" + elsewhere.getPort())
        .contains("follows no redirects");
    assertThat(text).doesNotContain(KEY, "7Kq2VbN9", "keys.verifyKey?", "/v2/");
  }
}
