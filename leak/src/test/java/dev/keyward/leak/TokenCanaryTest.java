package dev.keyward.leak;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.testing.InMemoryUnkey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** No reported token reaches a log line (at TRACE), a response, a notice or a toString. */
class TokenCanaryTest {
  final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  Level level;

  @BeforeEach
  void capture() {
    level = root.getLevel();
    root.setLevel(Level.TRACE);
    appender.start();
    root.addAppender(appender);
  }

  @AfterEach
  void restore() {
    root.detachAppender(appender);
    root.setLevel(level);
  }

  @Test
  void tokensNeverReachLogsResponsesOrNotices() {
    InMemoryUnkey workspace = InMemoryUnkey.builder().build();
    String apiId = workspace.apis().create(CreateApiRequest.of("payments")).apiId();
    var live = workspace.keys().create(CreateKeyRequest.builder(apiId).prefix("sk_live").build());
    List<String> canaries =
        List.of(
            live.key().reveal(),
            "sk_live_CanaryUnknownKey9xQ7rT2mWv4Z",
            "unkey_CanaryRootKey9xQ7rT2mWv4ZzZ",
            "CANARY-not-a-key-at-all",
            "sk_live_" + "C".repeat(10_000));
    SignedReports reports = new SignedReports();
    List<LeakNotice> notices = new CopyOnWriteArrayList<>();
    List<String> texts = new ArrayList<>();
    SignedReports.Counting failing =
        new SignedReports.Counting(workspace) {
          @Override
          void beforeKeysCall(String method) {
            if (method.equals("delete")) {
              throw new IllegalStateException("delete failed"); // the failure path logs too
            }
          }
        };
    for (SignedReports.Counting c : List.of(new SignedReports.Counting(workspace), failing)) {
      try (SecretScanningReceiver receiver =
          SecretScanningReceiver.builder(c.unkey, reports.verifier())
              .apiKeyPrefixes("sk_live")
              .notifier(notices::add)
              .playbookExecutor(Runnable::run)
              .build()) {
        byte[] body = SignedReports.body(canaries);
        texts.add(reports.send(receiver, body).body());
        texts.add(reports.send(receiver, body).body());
        texts.add(receiver.receive(body, SignedReports.KEY_ID, "bad").body());
        byte[] malformed =
            ("[{\"token\":\"" + canaries.get(1) + "\"}, 7]").getBytes(StandardCharsets.UTF_8);
        texts.add(reports.send(receiver, malformed).body());
        texts.add(receiver.toString());
      }
    }
    notices.forEach(n -> texts.add(n.toString()));
    assertThat(notices).isNotEmpty();
    for (ILoggingEvent e : appender.list) {
      texts.add(e.getFormattedMessage());
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        texts.add(t.getClassName() + ": " + t.getMessage());
      }
    }
    assertThat(appender.list).isNotEmpty();
    for (String text : texts) {
      for (String canary : canaries) {
        assertThat(text).doesNotContain(canary);
      }
      assertThat(text).doesNotContain("Canary").doesNotContain("CANARY").doesNotContain("CCCCCCCC");
    }
  }
}
