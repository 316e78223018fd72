package dev.keyward.leak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.key.KeyFormat;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateKeyRequest;
import dev.keyward.testing.FakeUnkeyServer;
import dev.keyward.testing.InMemoryUnkey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The 1,000-token report, answered over loopback: {@code UnkeyHttpClient} against {@code
 * FakeUnkeyServer}. Every live key is revoked exactly once; a replay revokes nothing.
 */
class LoopbackReportTest {
  @Test
  void thousandTokenReportRevokesEveryLiveKeyExactlyOnce() throws Exception {
    InMemoryUnkey workspace = InMemoryUnkey.builder().build();
    String apiId = workspace.apis().create(CreateApiRequest.of("payments")).apiId();
    SecureRandom random = new SecureRandom();
    List<String> tokens = new ArrayList<>();
    Set<String> liveIds = new HashSet<>();
    for (int i = 0; i < 400; i++) {
      var created =
          workspace.keys().create(CreateKeyRequest.builder(apiId).prefix("sk_live").build());
      tokens.add(created.key().reveal());
      liveIds.add(created.keyId());
    }
    for (int i = 0; i < 400; i++) {
      tokens.add(KeyFormat.generate("sk_live", 16, random).reveal()); // unknown to the server
    }
    for (int i = 0; i < 200; i++) {
      tokens.add(KeyFormat.generate("pk_test", 16, random).reveal()); // not our prefix
    }
    Collections.shuffle(tokens, random);

    Map<String, AtomicInteger> deletesByBody = new ConcurrentHashMap<>();
    AtomicInteger deletes = new AtomicInteger();
    AtomicInteger whoamis = new AtomicInteger();
    ExecutorService playbook = Executors.newFixedThreadPool(4);
    try (FakeUnkeyServer server = FakeUnkeyServer.start(workspace)) {
      server.addListener(
          x -> {
            if (x.path().endsWith("keys.deleteKey")) {
              deletes.incrementAndGet();
              deletesByBody
                  .computeIfAbsent(new String(x.requestBody()), k -> new AtomicInteger())
                  .incrementAndGet();
            } else if (x.path().endsWith("keys.whoami")) {
              whoamis.incrementAndGet();
            }
          });
      UnkeyHttpClient client =
          UnkeyHttpClient.builder().baseUrl(server.url()).rootKey(server.bootstrapKey()).build();
      SignedReports reports = new SignedReports();
      try (SecretScanningReceiver receiver =
          SecretScanningReceiver.builder(client, reports.verifier())
              .apiKeyPrefixes("sk_live")
              .playbookExecutor(playbook)
              .build()) {
        byte[] body = SignedReports.body(tokens);

        long start = System.nanoTime();
        ReceiverResponse answer = reports.send(receiver, body);
        long answeredMs = (System.nanoTime() - start) / 1_000_000;
        playbook.shutdown();
        assertThat(playbook.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        long revokedMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
            "1,000-token report on loopback: answered in %d ms, all %d live keys revoked after"
                + " %d ms (%d whoami, %d deleteKey)%n",
            answeredMs, liveIds.size(), revokedMs, whoamis.get(), deletes.get());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().split("true_positive", -1)).hasSize(401);
        assertThat(answer.body().split("false_positive", -1)).hasSize(601);
        assertThat(answeredMs).isLessThan(30_000);
        assertThat(whoamis).hasValue(800);
        assertThat(deletes).hasValue(400);
        assertThat(deletesByBody).hasSize(400).allSatisfy((b, n) -> assertThat(n).hasValue(1));
        for (String keyId : liveIds) {
          assertThat(deletesByBody.keySet()).anyMatch(b -> b.contains(keyId));
        }

        ReceiverResponse replay = reports.send(receiver, body);
        assertThat(replay.body()).isEqualTo(answer.body());
        assertThat(deletes).hasValue(400);
      }
    } finally {
      playbook.shutdownNow();
    }
  }
}
