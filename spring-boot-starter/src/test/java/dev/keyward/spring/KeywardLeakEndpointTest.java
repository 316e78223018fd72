package dev.keyward.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.keyward.key.RootKeyProvider;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.model.Verification;
import dev.keyward.testing.FakeUnkeyServer;
import dev.keyward.waiters.Waiters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code keyward.leak.enabled=true} in a real app on a random port: GitHub's public keys come from
 * {@code keyward.leak.public-keys-url} (a {@link GitHubStandIn}), keys live in {@link
 * FakeUnkeyServer}, and the API key filter covers {@code /*}.
 */
@SpringBootTest(
    classes = {ProtectedApp.class, KeywardLeakEndpointTest.RootKey.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "keyward.retry.enabled=false",
      "keyward.leak.enabled=true",
      "keyward.leak.api-key-prefixes=sk_live",
    })
class KeywardLeakEndpointTest {
  static FakeUnkeyServer fake;
  static GitHubStandIn github;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) throws Exception {
    if (fake == null) {
      fake = FakeUnkeyServer.start();
      github = new GitHubStandIn();
    }
    registry.add("keyward.base-url", fake::url);
    registry.add("keyward.leak.public-keys-url", github::publicKeysUrl);
  }

  @AfterAll
  static void stop() {
    if (github != null) {
      github.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  @TestConfiguration
  static class RootKey {
    @Bean
    RootKeyProvider testRootKey() {
      return RootKeyProvider.of(fake.bootstrapKey());
    }
  }

  @LocalServerPort int port;

  Secret liveKey() {
    String apiId = fake.unkey().apis().create(CreateApiRequest.of("payments")).apiId();
    return fake.unkey()
        .keys()
        .create(CreateKeyRequest.builder(apiId).prefix("sk_live").build())
        .key();
  }

  @Test
  void signedReportRevokesTheKeyWithoutAnApiKeyOrCsrfToken() throws Exception {
    Secret key = liveKey();
    byte[] body = GitHubStandIn.report(key);
    HttpResponse<String> r = github.post(port, body, github.sign(body));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("\"label\":\"true_positive\"").doesNotContain(key.reveal());
    assertThat(
            Waiters.of(fake.unkey()).timeout(Duration.ofSeconds(20)).awaitRevoked(key).lastState())
        .isEqualTo("NOT_FOUND");
    assertThat(github.documentFetches.get()).isPositive();
  }

  @Test
  void unsignedReportIs401AndTheKeyLives() throws Exception {
    Secret key = liveKey();
    byte[] body = GitHubStandIn.report(key);
    byte[] other = GitHubStandIn.report(liveKey());
    assertThat(github.post(port, body, github.sign(other)).statusCode()).isEqualTo(401);
    Thread.sleep(200); // a playbook wrongly started would have deleted the key by now
    assertThat(fake.unkey().keys().verify(key).code()).isEqualTo(Verification.Code.VALID);
  }

  @Test
  void theRestOfTheAppStillNeedsAKey() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/documents/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void noTokenReachesTheLogsAtTrace() throws Exception {
    // Attached here: Spring Boot resets Logback while the context starts.
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger keyward = context.getLogger("dev.keyward");
    Level before = keyward.getLevel();
    keyward.setLevel(Level.TRACE);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(logs);
    Secret key = liveKey();
    String unknown = "sk_live_CanaryUnknownKey9xQ7rT2mWv4Z";
    List<String> texts = new ArrayList<>();
    try {
      byte[] report = GitHubStandIn.report(key.reveal(), unknown);
      byte[] malformed =
          ("[{\"token\":\"" + key.reveal() + "\",\"url\":7}]").getBytes(StandardCharsets.UTF_8);
      texts.add(github.post(port, report, github.sign(report)).body());
      texts.add(github.post(port, malformed, github.sign(malformed)).body());
      texts.add(github.post(port, report, key.reveal()).body());
      Waiters.of(fake.unkey()).timeout(Duration.ofSeconds(20)).awaitRevoked(key);
    } finally {
      context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(logs);
      keyward.setLevel(before);
    }
    for (ILoggingEvent e : logs.list) {
      texts.add(
          e.getLoggerName()
              + " "
              + e.getFormattedMessage()
              + (e.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(e.getThrowableProxy())));
    }
    // Positive control: the receiver and the playbook logged while the reports went through.
    assertThat(texts).anySatisfy(t -> assertThat(t).contains("secret scanning report: 2 matches"));
    assertThat(texts).anySatisfy(t -> assertThat(t).contains("REVOKED"));
    assertThat(texts)
        .noneSatisfy(t -> assertThat(t).contains(key.reveal()))
        .noneSatisfy(t -> assertThat(t).contains(unknown));
  }
}
