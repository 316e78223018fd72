package dev.keyward.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.AsyncUnkey;
import dev.keyward.Unkey;
import dev.keyward.UnkeyException;
import dev.keyward.http.EventListener;
import dev.keyward.http.RequestOptions;
import dev.keyward.http.ResponseMetadata;
import dev.keyward.http.RetryPolicy;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.model.CreatedKey;
import dev.keyward.model.KeyInfo;
import dev.keyward.redact.Redactor;
import dev.keyward.testing.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Invariant 1 for {@link UnkeyHttpClient}: canary keys go through every public operation (sync and
 * {@code async()}) against every failure mode, with SLF4J at TRACE and HTTP body logging on. Log
 * lines, exceptions (message, {@code toString()}, full stack trace with causes and suppressed), the
 * {@code toString()} of every returned value, every {@link EventListener} callback, every
 * interceptor view, every observation key value and every response metadata are scanned; any canary
 * fails the suite. By default four failure modes run (a success that echoes every key, a 500 with
 * retries, a truncated body, a reset connection); {@code -Plong} adds the other nine.
 */
class HttpClientCanaryTest {
  static final ClientCanaries K = new ClientCanaries();
  static final LeakScanner SCANNER = new LeakScanner();
  static final Map<FailureMode, Map<String, Integer>> OUTCOMES = new EnumMap<>(FailureMode.class);
  static LogCapture logs;
  static int calls;

  @StartStop final MockWebServer server = new MockWebServer();

  @BeforeAll
  static void captureEverything() {
    K.all().forEach(SCANNER::add);
    FailureMode.ECHO_HEADER = K.echo().replace('\n', ' ');
    logs = LogCapture.start();
  }

  @AfterAll
  static void printTally() {
    logs.close();
    int rows = OperationRows.all(K).size();
    StringBuilder b =
        new StringBuilder("\n[canary] UnkeyHttpClient: ")
            .append(rows)
            .append(" operation paths × ")
            .append(OUTCOMES.size())
            .append(" failure modes = ")
            .append(calls)
            .append(" calls, ")
            .append(logs.events())
            .append(" log events\n[canary] ")
            .append(SCANNER.tally())
            .append('\n');
    OUTCOMES.forEach(
        (mode, outcome) ->
            b.append("[canary]   ").append(mode).append(": ").append(outcome).append('\n'));
    System.out.print(b);
  }

  UnkeyHttpClient client(ConcurrentLinkedQueue<String> events) {
    return client(events, Duration.ofSeconds(5));
  }

  UnkeyHttpClient client(ConcurrentLinkedQueue<String> events, Duration readTimeout) {
    TestClock clock = TestClock.create();
    return UnkeyHttpClient.builder()
        .baseUrl(server.url("/"))
        .rootKey(K.root.secret())
        .redactor(Redactor.builder().prefix(ClientCanaries.REGISTERED_PREFIX).build())
        .readTimeout(readTimeout)
        .callTimeout(Duration.ofSeconds(20))
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).retryRateLimited(true).build())
        .clock(clock)
        .sleeper(clock)
        .eventListener(ViewRecorder.listener(events))
        .addInterceptor(new ViewRecorder(events))
        .observationRegistry(ViewRecorder.observations(events))
        .build()
        .withOptions(
            RequestOptions.builder()
                .onResponse(m -> events.add("onResponse " + m + " " + m.headers()))
                .build());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = FailureMode.class,
      names = {"OK_ECHO", "SERVER_ERROR_500", "TRUNCATED_BODY", "CONNECTION_RESET"})
  void noCanaryEscapesAnyOperation(FailureMode mode) {
    checkEveryOperation(mode);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = FailureMode.class,
      mode = EnumSource.Mode.EXCLUDE,
      names = {"OK_ECHO", "SERVER_ERROR_500", "TRUNCATED_BODY", "CONNECTION_RESET"})
  @Tag("long")
  void noCanaryEscapesAnyOperationUnderTheOtherModes(FailureMode mode) {
    checkEveryOperation(mode);
  }

  private void checkEveryOperation(FailureMode mode) {
    assertThat(logs.traceOn("dev.keyward.http.RedactingHttpLogger"))
        .as("SLF4J bound to Logback at TRACE")
        .isTrue();
    ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
    UnkeyHttpClient client =
        client(
            events,
            mode == FailureMode.READ_TIMEOUT
                ? FailureMode.SHORT_READ_TIMEOUT
                : Duration.ofSeconds(5));
    List<OperationRow> rows = OperationRows.all(K);
    int[] current = {0};
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return mode.respond(rows.get(current[0]), K);
          }
        });
    Map<String, Integer> outcomes = new TreeMap<>();
    List<Leak> leaks = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      current[0] = i;
      OperationRow row = rows.get(i);
      String where = mode + " " + row.name();
      Object value = null;
      Throwable thrown = null;
      try {
        value = invoke(row, client);
      } catch (Throwable t) { // every failure is an artefact to scan, not a test error
        thrown = t;
      }
      calls++;
      outcomes.merge(
          thrown == null ? "returned" : thrown.getClass().getSimpleName(), 1, Integer::sum);
      if (thrown != null) {
        leaks.addAll(SCANNER.scanThrowable(where, thrown));
        leaks.addAll(scanMetadata(where, thrown));
      } else {
        leaks.addAll(SCANNER.scan("toString", where + " value", String.valueOf(value)));
        leaks.addAll(scanSecretsHeld(where, value));
      }
      for (String line : logs.drain()) {
        leaks.addAll(SCANNER.scan("log", where, line));
      }
      for (String e; (e = events.poll()) != null; ) {
        leaks.addAll(SCANNER.scan("event", where, e));
      }
      if (mode.succeeds()) {
        assertThat(thrown).as(where).isNull();
      } else {
        assertThat(thrown).as(where + " must fail").isNotNull();
      }
    }
    leaks.addAll(SCANNER.scan("toString", mode + " client", client.toString()));
    OUTCOMES.put(mode, outcomes);
    assertThat(leaks)
        .as("canaries found in captured output (%s)", mode)
        .withFailMessage(() -> LeakScanner.summary(leaks))
        .isEmpty();
  }

  /**
   * A hostile server echoes, in free text, the very key the client sent in this request (verify,
   * whoami) when the key's prefix is unknown to the redactor or the key has none. The client held
   * that key, so nothing it writes may show it.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = FailureMode.class,
      names = {
        "BAD_REQUEST_400",
        "UNAUTHORIZED_401",
        "NOT_FOUND_404",
        "SERVER_ERROR_500",
        "PROXY_PAGE_502",
        "MALFORMED_JSON"
      })
  void sentKeyEchoedInFreeTextIsNotWritten(FailureMode mode) {
    ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
    UnkeyHttpClient client = client(events);
    List<OperationRow> rows =
        OperationRows.all(K).stream()
            .filter(r -> r.sent().stream().anyMatch(c -> c != K.apiRegistered))
            .toList();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(4);
    OperationRow[] current = {null};
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            OperationRow row = current[0];
            return mode.respond(row, K, "invalid key " + row.sent().get(0).value());
          }
        });
    List<Leak> leaks = new ArrayList<>();
    logs.drain();
    for (OperationRow row : rows) {
      current[0] = row;
      String where = "echo-sent " + mode + " " + row.name();
      try {
        invoke(row, client);
      } catch (Throwable t) {
        leaks.addAll(SCANNER.scanThrowable(where, t));
        leaks.addAll(scanMetadata(where, t));
      }
      calls++;
      for (String line : logs.drain()) {
        leaks.addAll(SCANNER.scan("log", where, line));
      }
      for (String e; (e = events.poll()) != null; ) {
        leaks.addAll(SCANNER.scan("event", where, e));
      }
    }
    assertThat(leaks)
        .as("sent keys echoed by the server (%s)", mode)
        .withFailMessage(() -> LeakScanner.summary(leaks))
        .isEmpty();
  }

  private static Object invoke(OperationRow row, UnkeyHttpClient client) throws Throwable {
    if (row.call() != null) {
      return row.call().apply(client);
    }
    AsyncUnkey async = client.async();
    try {
      return row.asyncCall().apply(async).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e; // scanned whole: the wrapper's message is the cause's toString()
    } catch (TimeoutException e) {
      throw new AssertionError("async call did not complete", e);
    }
  }

  /** The response metadata a failure carries: its {@code toString()} and every header. */
  private static List<Leak> scanMetadata(String where, Throwable thrown) {
    Throwable t = thrown instanceof ExecutionException ? thrown.getCause() : thrown;
    if (!(t instanceof UnkeyException u)) {
      return List.of();
    }
    assertThat(u.response()).as(where + " metadata attached").isPresent();
    ResponseMetadata m = ResponseMetadata.of(u).orElseThrow();
    return SCANNER.scan("metadata", where, m + " " + m.headers() + " " + m.rateLimit());
  }

  /** The {@code toString()} of the secrets a value holds (they must mask themselves too). */
  private static List<Leak> scanSecretsHeld(String where, Object value) {
    List<Leak> found = new ArrayList<>();
    if (value instanceof CreatedKey c) {
      found.addAll(SCANNER.scan("toString", where + " key", c.key().toString()));
    } else if (value instanceof KeyInfo info && info.plaintext() != null) {
      found.addAll(SCANNER.scan("toString", where + " plaintext", info.plaintext().toString()));
    } else if (value instanceof List<?> list) {
      for (Object o : list) {
        found.addAll(scanSecretsHeld(where, o));
      }
    }
    return found;
  }

  @Test
  void canariesReallyTravelled() throws Exception {
    // The suite proves nothing if the canaries never reach the client: check the echo paths once.
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String path = request.getTarget();
            for (OperationRow row : OperationRows.all(K)) {
              if (row.call() != null && path.endsWith("/" + row.name().split(" ")[0])) {
                return FailureMode.OK_ECHO.respond(row, K);
              }
            }
            return new MockResponse.Builder().code(599).build();
          }
        });
    Unkey client = client(new ConcurrentLinkedQueue<>());
    CreatedKey created =
        client.keys().create(dev.keyward.model.CreateKeyRequest.builder("api_123").build());
    assertThat(created.key().reveal()).isEqualTo(K.createdKey.value());
    KeyInfo decrypted =
        client.keys().get(dev.keyward.model.GetKeyRequest.builder("key_3").decrypt(true).build());
    assertThat(decrypted.plaintext().reveal()).isEqualTo(K.apiBare.value());
    client.keys().verify(K.apiRegistered.secret());
    RecordedRequest verify = null;
    for (int i = 0; i < 3; i++) {
      verify = server.takeRequest();
    }
    assertThat(verify.getHeaders().get("Authorization")).isEqualTo("Bearer " + K.root.value());
    assertThat(verify.getBody().utf8()).contains(K.apiRegistered.value());
    List<String> lines = logs.drain();
    assertThat(String.join("\n", lines))
        .as("TRACE body logging is on and masks what it logs")
        .contains("\"plaintext\":\"" + K.apiBare.secret().start())
        .contains(K.createdKey.secret().start() + "****")
        .contains("Authorization: " + "Bearer " + K.root.secret().start());
  }

  @Test
  void positiveControl_aRawLoggerCallTripsTheScanner() {
    LeakScanner control = new LeakScanner().add(K.apiBare).add(K.root);
    org.slf4j.LoggerFactory.getLogger("canary.control").trace("sent {}", K.apiBare.value());
    List<Leak> found = new ArrayList<>();
    for (String line : logs.drain()) {
      found.addAll(control.scan("log", "control", line));
    }
    assertThat(found)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.canary()).isEqualTo(K.apiBare.label());
              assertThat(l.needle()).isEqualTo("whole key");
              assertThat(l.toString())
                  .doesNotContain(K.apiBare.value())
                  .doesNotContain(K.apiBare.tail());
            });
    // the part after start alone, a fragment alone, and a suppressed exception's message all trip
    // it too
    String tailOnly = "masked badly: " + K.root.secret().start() + "…" + K.root.tail();
    assertThat(control.scan("log", "tail", tailOnly))
        .singleElement()
        .satisfies(l -> assertThat(l.needle()).isEqualTo("part after start"));
    String fragment = K.root.tail().substring(3, 3 + Canary.FRAGMENT);
    assertThat(control.scan("log", "fragment", "cut: " + fragment))
        .singleElement()
        .satisfies(l -> assertThat(l.needle()).endsWith("fragment"));
    RuntimeException e = new RuntimeException("clean");
    e.addSuppressed(new IllegalStateException("while closing " + K.apiBare.value()));
    assertThat(control.scanThrowable("suppressed", e))
        .extracting(Leak::artefact)
        .containsExactly("exception suppressed stack trace");
  }
}
