package dev.keyward.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.hygiene.Finding.Kind;
import dev.keyward.key.Secret;
import dev.keyward.testing.FakeUnkeyServer;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

class HygieneReportTest {
  private static HygieneReport seededReport(SeededWorkspace w) {
    return KeyHygiene.scan(
        w.unkey, List.of(w.billing, w.search), HygieneOptions.builder().clock(w.clock).build());
  }

  @Test
  @SuppressWarnings("unchecked")
  void json_parsesAndHoldsEveryFindingInReportOrder() throws IOException {
    SeededWorkspace w = SeededWorkspace.planted();
    HygieneReport report = seededReport(w);

    Map<String, Object> json =
        (Map<String, Object>)
            new Moshi.Builder().build().adapter(Object.class).fromJson(report.toJson());

    assertThat(json)
        .containsEntry("scannedAt", "2025-04-11T00:00:00Z")
        .containsEntry("rotationPeriod", "PT2160H")
        .containsEntry("apiKeysScanned", 7.0)
        .containsEntry("rootKeysChecked", true)
        .containsEntry("rootKeysScanned", 5.0)
        .containsEntry("notes", List.of());
    assertThat((List<String>) json.get("apiIds")).containsExactlyElementsOf(report.apiIds());
    List<Map<String, Object>> findings = (List<Map<String, Object>>) json.get("findings");
    assertThat(findings).hasSize(report.findings().size());
    for (int i = 0; i < findings.size(); i++) {
      Finding f = report.findings().get(i);
      assertThat(findings.get(i))
          .containsEntry("kind", f.kind().name())
          .containsEntry("keyId", f.keyId())
          .containsEntry("apiId", f.apiId())
          .containsEntry("permissions", f.permissions())
          .containsEntry("message", f.message());
    }
  }

  @Test
  void text_isOneLinePerFindingInAStableOrder() {
    SeededWorkspace w = SeededWorkspace.planted();
    HygieneReport report = seededReport(w);

    List<String> lines = report.toText().lines().toList();

    assertThat(lines.get(0))
        .isEqualTo(
            "key hygiene: 9 finding(s); 2 APIs, 7 API key(s), 5 root key(s); rotation period 90"
                + " days");
    assertThat(lines).hasSize(10);
    assertThat(lines.subList(1, 10))
        .extracting(l -> Kind.valueOf(l.trim().split(" ")[0]))
        .isSortedAccordingTo(Comparator.naturalOrder())
        .containsSubsequence(
            Kind.API_KEY_WITHOUT_EXPIRY,
            Kind.API_KEY_UNLIMITED_CREDITS,
            Kind.ROOT_KEY_WILDCARD_PERMISSION,
            Kind.ROOT_KEY_PAST_ROTATION_PERIOD);
    assertThat(seededReport(w).toText()).isEqualTo(report.toText());
    assertThat(seededReport(w).toJson()).isEqualTo(report.toJson());
  }

  @Test
  void noPlaintextOrHashOfAnySeededKeyReachesTextOrJson() {
    SeededWorkspace w = SeededWorkspace.planted();
    HygieneReport report = seededReport(w);
    String out = report.toText() + report.toJson() + report + report.findings();

    assertThat(w.secrets).hasSize(12);
    for (Secret secret : w.secrets) {
      assertThat(out).doesNotContain(secret.reveal()).doesNotContain(secret.hash());
      // nor the random part alone (the plaintext without its prefix)
      assertThat(out).doesNotContain(secret.reveal().substring(secret.reveal().indexOf('_') + 1));
    }
    // positive control: the output does name the keys it judged, by id
    for (String planted : w.planted) {
      assertThat(out).contains(planted.split(" ")[1]);
    }
  }

  @Test
  void jsonText_escapesQuotesBackslashesAndControlCharacters() {
    String escaped =
        JsonText.string(new StringBuilder(), "a\"b\\c\nd\u0001e\u2028f\tg/").toString();

    assertThat(escaped).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001e\\u2028f\\tg/\"");
  }

  @Test
  void serverWithoutRootKeyExtension_overHttp_saysSoAndStillChecksApiKeys() {
    SeededWorkspace w = SeededWorkspace.planted();
    AtomicInteger refused = new AtomicInteger();
    // Unkey's hosted service has no rootKeys.* routes: every call to them answers 404
    OkHttpClient hosted =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  if (!chain.request().url().encodedPath().startsWith("/v2/rootKeys.")) {
                    return chain.proceed(chain.request());
                  }
                  refused.incrementAndGet();
                  return new Response.Builder()
                      .request(chain.request())
                      .protocol(Protocol.HTTP_1_1)
                      .code(404)
                      .message("Not Found")
                      .body(
                          ResponseBody.create(
                              "404 page not found", MediaType.get("text/plain; charset=utf-8")))
                      .build();
                })
            .build();
    try (FakeUnkeyServer server = FakeUnkeyServer.start(w.unkey)) {
      UnkeyHttpClient client =
          UnkeyHttpClient.builder()
              .baseUrl(server.url())
              .rootKey(server.bootstrapKey())
              .okHttpClient(hosted)
              .build();

      HygieneReport report =
          KeyHygiene.scan(
              client,
              List.of(w.billing, w.search),
              HygieneOptions.builder().clock(w.clock).build());

      assertThat(refused).hasValue(1);
      assertThat(report.rootKeysChecked()).isFalse();
      assertThat(report.rootKeysScanned()).isZero();
      assertThat(report.notes())
          .singleElement()
          .asString()
          .contains("answered 404 to rootKeys.listRootKeys");
      assertThat(SeededWorkspace.found(report))
          .containsExactlyInAnyOrderElementsOf(
              w.planted.stream().filter(p -> p.startsWith("API_KEY")).toList());
      assertThat(report.toText()).contains("root keys not checked").contains("note: Root keys");
    }
  }
}
