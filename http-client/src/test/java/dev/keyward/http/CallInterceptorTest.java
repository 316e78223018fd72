package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.UnkeyException;
import dev.keyward.key.Secret;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallInterceptorTest {
  static final Secret API_KEY = Secret.of("sk_1nt3rc3pt0rK3yNeverSeenAbc");
  static final String VERIFY_OK = ObservationTracingTest.VERIFY_OK;

  @StartStop final MockWebServer server = new MockWebServer();
  final FakeTime time = new FakeTime();
  final List<String> seen = new CopyOnWriteArrayList<>();
  ValidatingDispatcher answers;

  @BeforeEach
  void setUp() {
    answers = new ValidatingDispatcher();
    server.setDispatcher(answers);
  }

  @AfterEach
  void validated() {
    if (answers != null) {
      answers.assertValid();
    }
  }

  UnkeyHttpClient client(CallInterceptor... interceptors) {
    UnkeyHttpClient.Builder b =
        UnkeyHttpClient.builder()
            .baseUrl(server.url("/"))
            .rootKey(UnkeyHttpClientTest.ROOT)
            .clock(time)
            .sleeper(time);
    for (CallInterceptor i : interceptors) {
      b.addInterceptor(i);
    }
    return b.build();
  }

  /** Records every hook and every view's toString. */
  final class Recording implements CallInterceptor {
    @Override
    public void beforeCall(CallView call) {
      seen.add("beforeCall " + call);
    }

    @Override
    public Map<String, String> modifyRequestHeaders(
        AttemptView attempt, Map<String, String> headers) {
      Map<String, String> out = new HashMap<>(headers);
      out.put("X-Tenant", "t-" + attempt.attempt());
      return out;
    }

    @Override
    public void beforeAttempt(AttemptView attempt) {
      seen.add("beforeAttempt " + attempt + " " + attempt.requestHeaders());
    }

    @Override
    public void afterAttempt(AttemptView attempt, @Nullable ResponseView response) {
      seen.add("afterAttempt " + attempt.attempt() + " " + response + " " + response.headers());
    }

    @Override
    public void afterCall(CallView call, ResponseMetadata response, @Nullable Object value) {
      seen.add("afterCall " + response + " " + value);
    }

    @Override
    public void onFailure(CallView call, RuntimeException failure) {
      seen.add("onFailure " + failure.getClass().getSimpleName());
    }
  }

  @Test
  void hooksRunInOrderAcrossARetryWithReadOnlyMaskedViews() throws Exception {
    answers.enqueue(500, RetryTest.FAIL_500).enqueue(200, ObservationTracingTest.WHOAMI_OK);
    AttemptView[] last = new AttemptView[1];
    var v =
        client(
                new Recording(),
                new CallInterceptor() {
                  @Override
                  public void beforeAttempt(AttemptView attempt) {
                    last[0] = attempt;
                  }
                })
            .keys()
            .whoami(API_KEY);
    assertThat(v.keyId()).isEqualTo("key_12345678");
    assertThat(seen).hasSize(6);
    assertThat(seen.get(0)).startsWith("beforeCall CallView{POST /v2/keys.whoami");
    assertThat(seen.get(1)).startsWith("beforeAttempt").contains("attempt=1").contains("x-tenant");
    assertThat(seen.get(2)).startsWith("afterAttempt 1 ResponseView{status=500");
    assertThat(seen.get(3)).contains("attempt=2");
    assertThat(seen.get(4)).startsWith("afterAttempt 2 ResponseView{status=200");
    assertThat(seen.get(5))
        .startsWith("afterCall ResponseMetadata{status=200")
        .contains("attempts=2");
    assertThat(String.join("\n", seen))
        .doesNotContain(API_KEY.reveal())
        .doesNotContain(UnkeyHttpClientTest.ROOT.reveal())
        .doesNotContainIgnoringCase("authorization");
    assertThat(last[0].rootKey()).contains(UnkeyHttpClientTest.ROOT);
    assertThat(last[0].requestHeaders()).containsKeys("user-agent", "x-tenant");
    assertThat(last[0].call().request().toString()).doesNotContain(API_KEY.reveal());
    RecordedRequest first = server.takeRequest();
    assertThat(first.getHeaders().get("X-Tenant")).isEqualTo("t-1");
    assertThat(first.getHeaders().get("Authorization"))
        .isEqualTo("Bearer " + UnkeyHttpClientTest.ROOT.reveal());
    assertThat(server.takeRequest().getHeaders().get("X-Tenant")).isEqualTo("t-2");
  }

  @Test
  void anInterceptorCannotSetAuthorization() {
    CallInterceptor hijack =
        new CallInterceptor() {
          @Override
          public Map<String, String> modifyRequestHeaders(
              AttemptView attempt, Map<String, String> headers) {
            return Map.of("Authorization", "Bearer stolen");
          }
        };
    assertThatThrownBy(() -> client(hijack).keys().verify(API_KEY))
        .isInstanceOf(InterceptorException.class)
        .hasMessageContaining("modifyRequestHeaders")
        .hasMessageContaining("authorization");
    assertThat(server.getRequestCount()).isZero();
  }

  /** Throws in one hook while {@code armed}. */
  static final class Throwing implements CallInterceptor {
    final String hook;
    final IllegalStateException boom = new IllegalStateException("boom");
    volatile boolean armed = true;

    Throwing(String hook) {
      this.hook = hook;
    }

    void maybe(String h) {
      if (armed && h.equals(hook)) {
        throw boom;
      }
    }

    @Override
    public void beforeCall(CallView call) {
      maybe("beforeCall");
    }

    @Override
    public void beforeAttempt(AttemptView attempt) {
      maybe("beforeAttempt");
    }

    @Override
    public void afterAttempt(AttemptView attempt, @Nullable ResponseView response) {
      maybe("afterAttempt");
    }

    @Override
    public void afterCall(CallView call, ResponseMetadata response, @Nullable Object value) {
      maybe("afterCall");
    }
  }

  @Test
  void aThrowingHookFailsThatCallAttributedAndTheClientStaysUsable() throws Exception {
    for (String hook : List.of("beforeCall", "beforeAttempt", "afterAttempt", "afterCall")) {
      Throwing t = new Throwing(hook);
      UnkeyHttpClient c = client(t, new Recording());
      answers.enqueue(200, VERIFY_OK);
      assertThatThrownBy(() -> c.keys().verify(API_KEY))
          .as(hook)
          .isInstanceOf(InterceptorException.class)
          .hasMessageContaining(Throwing.class.getName())
          .hasMessageContaining(hook)
          .hasMessageContaining("keys.verifyKey")
          .hasCause(t.boom)
          .satisfies(e -> assertThat(((InterceptorException) e).hook()).isEqualTo(hook));
      assertThat(seen).as(hook).last().isEqualTo("onFailure InterceptorException");
      // async: the future fails the same way
      if (!hook.equals("beforeCall")) {
        answers.enqueue(200, VERIFY_OK);
      }
      assertThatThrownBy(() -> c.async().keys().verify(API_KEY).get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(InterceptorException.class)
          .hasCause(t.boom);
      t.armed = false;
      answers.enqueue(200, VERIFY_OK);
      assertThat(c.keys().verify(API_KEY).valid()).as(hook + " then usable").isTrue();
    }
  }

  @Test
  void aThrowingOnFailureIsSuppressedOnTheCallsOwnFailure() {
    IllegalStateException boom = new IllegalStateException("boom");
    CallInterceptor bad =
        new CallInterceptor() {
          @Override
          public void onFailure(CallView call, RuntimeException failure) {
            throw boom;
          }
        };
    answers.enqueue(500, RetryTest.FAIL_500);
    UnkeyHttpClient c =
        client(bad).withOptions(RequestOptions.builder().retryPolicy(RetryPolicy.none()).build());
    assertThatThrownBy(() -> c.keys().verify(API_KEY))
        .isInstanceOf(UnkeyException.class)
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .singleElement(InstanceOfAssertFactories.THROWABLE)
                    .isInstanceOf(InterceptorException.class)
                    .hasCause(boom));
  }

  @Test
  void perCallInterceptorsRunAfterTheClients() {
    answers.enqueue(200, VERIFY_OK);
    CallInterceptor second =
        new CallInterceptor() {
          @Override
          public void beforeCall(CallView call) {
            seen.add("per-call");
          }
        };
    client(new Recording())
        .withOptions(RequestOptions.builder().addInterceptor(second).build())
        .keys()
        .verify(API_KEY);
    assertThat(seen.get(0)).startsWith("beforeCall");
    assertThat(seen.get(1)).isEqualTo("per-call");
  }
}
