package dev.keyward.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.keyward.UnexpectedStatusException;
import dev.keyward.UnkeyException;
import dev.keyward.http.internal.WireFormatException;
import dev.keyward.model.ListKeysRequest;
import dev.keyward.redact.Redactor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * A hostile server answers 200 with bodies that are malformed or hide a key in names, wrong-typed
 * values and unknown members. Every one must fail as an {@link UnexpectedStatusException} caused by
 * a {@link WireFormatException}, and neither the exception (message, toString, stack trace with
 * causes and suppressed) nor anything logged at TRACE may hold the key.
 */
class HostileBodyTest {
  static final String KEY = "sk_live_3ZZ8mN5dYk1TGQ7vWz2pLhXx";
  static final String ROOT_LIKE = "unkey_9hTq4LmZx2VbN7cRw3KpYs8D";

  @StartStop final MockWebServer server = new MockWebServer();

  /** keyward's loggers, captured at TRACE into a list only (not the console: 170 probes). */
  final Logger root = (Logger) LoggerFactory.getLogger("dev.keyward");

  final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  Level level;
  boolean additive;
  UnkeyHttpClient client;

  /** One hostile answer: a name for the report, the call it answers, the body. */
  record Probe(String name, Call call, String body) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The operation a probe answers. */
  enum Call {
    VERIFY(c -> c.keys().verify("sk_abcdefgh12345678")),
    GET(c -> c.keys().get("key_2cGKbMxRyIzhCxo1Idjz8q")),
    LIST(c -> c.apis().listKeys(ListKeysRequest.of("api_123")));

    final Function<UnkeyHttpClient, Object> run;

    Call(Function<UnkeyHttpClient, Object> run) {
      this.run = run;
    }
  }

  @BeforeEach
  void setUp() {
    level = root.getLevel();
    additive = root.isAdditive();
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.TRACE);
    root.setAdditive(false);
    client =
        UnkeyHttpClient.builder()
            .baseUrl(server.url("/"))
            .rootKey(UnkeyHttpClientTest.ROOT)
            .redactor(Redactor.builder().prefix("sk_live").build())
            .build();
  }

  @AfterEach
  void release() {
    root.detachAppender(appender);
    root.setLevel(level);
    root.setAdditive(additive);
  }

  static List<Probe> probes() {
    List<Probe> out = new ArrayList<>();
    for (String key : List.of(KEY, ROOT_LIKE)) {
      for (String body : HostileBodies.verify(key)) {
        out.add(new Probe("verify#" + out.size(), Call.VERIFY, body));
      }
      for (String body : HostileBodies.getKey(key)) {
        out.add(new Probe("getKey#" + out.size(), Call.GET, body));
      }
      for (String body : HostileBodies.listKeys(key)) {
        out.add(new Probe("listKeys#" + out.size(), Call.LIST, body));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("probes")
  void everyHostileAnswerIsATypedFailureThatHoldsNoKey(Probe probe) {
    server.enqueue(json(200, probe.body()));

    Throwable thrown = catchThrowable(() -> probe.call().run.apply(client));

    assertThat(thrown).as(probe.body()).isInstanceOf(UnexpectedStatusException.class);
    assertThat(thrown.getCause())
        .as(probe.body() + " -> " + thrown)
        .isInstanceOf(WireFormatException.class);
    assertNoKey(text(thrown));
    assertNoKey(logs());
  }

  /**
   * Truncated answers over HTTP, at a sample of offsets (each exchange costs a loopback round
   * trip); {@code HostileVerifyParityTest} cuts the same answer at every offset in both readers.
   */
  @Test
  void truncatedVerifyAnswersFailOverHttp() {
    String full = HostileBodies.verifyOk("req_1");
    for (int cut = 0; cut < full.length(); cut += cut < 8 || cut > full.length() - 8 ? 1 : 17) {
      server.enqueue(json(200, full.substring(0, cut)));
      Throwable thrown = catchThrowable(() -> client.keys().verify("sk_abcdefgh12345678"));
      assertThat(thrown).as("cut at %d", cut).isInstanceOf(UnexpectedStatusException.class);
      assertThat(thrown.getCause()).as("cut at %d", cut).isInstanceOf(WireFormatException.class);
    }
  }

  @Test
  void aKeyInTheErrorTextsReachesNoMessage() {
    String body =
        "{\"meta\":{\"requestId\":\"req_1\"},\"error\":{\"title\":\""
            + KEY
            + "\",\"detail\":\""
            + KEY
            + "\",\"status\":404,\"type\":\"https://unkey.com/docs/errors/unkey/data/key_not_found\","
            + "\"errors\":[{\"location\":\""
            + KEY
            + "\",\"message\":\""
            + KEY
            + "\"}]}}";
    server.enqueue(json(404, body));

    Throwable thrown = catchThrowable(() -> client.keys().verify("sk_abcdefgh12345678"));

    assertThat(thrown).isInstanceOf(UnkeyException.class);
    // The server's free text is redacted before keyward keeps it (its start stays readable).
    assertThat(((UnkeyException) thrown).detail()).isEqualTo("sk_live_3ZZ8****");
    assertNoKey(text(thrown));
    assertNoKey(logs());
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .addHeader("Content-Type", "application/json")
        .body(new Buffer().writeUtf8(body))
        .build();
  }

  /** Message, toString and the full stack trace with every cause and suppressed exception. */
  static String text(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return t.getMessage() + "\n" + t + "\n" + w;
  }

  String logs() {
    // the capture is live: every exchange logs at least its DEBUG line
    assertThat(appender.list).isNotEmpty();
    StringBuilder b = new StringBuilder();
    for (ILoggingEvent e : appender.list) {
      b.append(e.getFormattedMessage()).append('\n');
      if (e.getThrowableProxy() != null) {
        b.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
      }
    }
    return b.toString();
  }

  static void assertNoKey(String text) {
    assertThat(text).doesNotContain(KEY, ROOT_LIKE, "3ZZ8mN5dYk1TGQ7v", "9hTq4LmZx2VbN7cR");
  }
}
