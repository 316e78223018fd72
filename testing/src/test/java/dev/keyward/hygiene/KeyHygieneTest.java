package dev.keyward.hygiene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.Apis;
import dev.keyward.hygiene.Finding.Kind;
import dev.keyward.key.Secret;
import dev.keyward.model.Ack;
import dev.keyward.model.ApiInfo;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.CreatedApi;
import dev.keyward.model.DeleteApiRequest;
import dev.keyward.model.GetApiRequest;
import dev.keyward.model.KeyInfo;
import dev.keyward.model.ListKeysRequest;
import dev.keyward.model.Page;
import dev.keyward.testing.InMemoryUnkey;
import dev.keyward.testing.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyHygieneTest {
  @Test
  void seededWorkspace_eachPlantedProblemFoundExactlyOnce() {
    SeededWorkspace w = SeededWorkspace.planted();

    HygieneReport report =
        KeyHygiene.scan(
            w.unkey, List.of(w.billing, w.search), HygieneOptions.builder().clock(w.clock).build());

    assertThat(SeededWorkspace.found(report)).containsExactlyInAnyOrderElementsOf(w.planted);
    assertThat(report.findings()).hasSize(w.planted.size()).hasSize(9);
    assertThat(report.apiKeysScanned()).isEqualTo(7);
    assertThat(report.rootKeysChecked()).isTrue();
    assertThat(report.rootKeysScanned()).isEqualTo(5);
    assertThat(report.notes()).isEmpty();
  }

  @Test
  void seededWorkspace_findingsSayWhy() {
    SeededWorkspace w = SeededWorkspace.planted();

    HygieneReport report =
        KeyHygiene.scan(
            w.unkey, List.of(w.billing, w.search), HygieneOptions.builder().clock(w.clock).build());

    Finding unlimited = report.findings(Kind.API_KEY_UNLIMITED_CREDITS).get(0);
    assertThat(unlimited.apiId()).isEqualTo(w.billing);
    assertThat(unlimited.message()).contains("while 5 of the API's 5 other key(s)");
    List<Finding> unused = report.findings(Kind.ROOT_KEY_UNUSED_PERMISSION);
    assertThat(unused)
        .flatMap(Finding::permissions)
        .hasSize(2)
        .allMatch(p -> p.endsWith(".read_key") || p.equals("api." + w.search + ".create_key"));
    assertThat(unused).allMatch(f -> f.apiId() == null);
    assertThat(String.join("\n", unused.stream().map(Finding::message).toList()))
        .contains("no longer exists")
        .contains("(covered by api.*.create_key)");
    assertThat(report.findings(Kind.ROOT_KEY_PAST_ROTATION_PERIOD).get(0).message())
        .contains("created 100 day(s) ago (2025-01-01)")
        .contains("rotation period of 90 days");
  }

  @Test
  void cleanWorkspace_findsNothing() {
    SeededWorkspace w = SeededWorkspace.clean();

    HygieneReport report =
        KeyHygiene.scan(
            w.unkey, List.of(w.billing, w.search), HygieneOptions.builder().clock(w.clock).build());

    assertThat(report.findings()).isEmpty();
    assertThat(report.isClean()).isTrue();
    assertThat(report.apiKeysScanned()).isEqualTo(5);
    assertThat(report.rootKeysScanned()).isEqualTo(3);
    assertThat(report.notes()).isEmpty();
    assertThat(report.toText()).startsWith("key hygiene: 0 finding(s); 2 APIs, 5 API key(s)");
  }

  @Test
  void pagination_readsEveryPageOfKeysAndRootKeys() {
    SeededWorkspace w = SeededWorkspace.clean();
    for (int i = 0; i < 3; i++) {
      w.cleanKey(w.billing);
    }
    // created last, so on the last page of 2-key pages
    String last = w.key(w.billing, null, true, true, 5L);
    List<String> cursors = new ArrayList<>();
    ForwardingUnkey counting =
        new ForwardingUnkey(w.unkey).apis(new CountingApis(w.unkey.apis(), cursors));

    HygieneReport report =
        KeyHygiene.scan(
            counting,
            List.of(w.billing),
            HygieneOptions.builder().clock(w.clock).pageSize(2).build());

    assertThat(report.apiKeysScanned()).isEqualTo(8);
    assertThat(cursors).hasSize(4).startsWith("first").doesNotHaveDuplicates();
    assertThat(SeededWorkspace.found(report)).containsExactly("API_KEY_WITHOUT_EXPIRY " + last);
    assertThat(report.rootKeysScanned()).isEqualTo(3);
  }

  @Test
  void rotationPeriod_readsTheOptionsClock() {
    TestClock clock = TestClock.create();
    InMemoryUnkey unkey = InMemoryUnkey.builder().clock(clock).build();
    String api = unkey.apis().create(CreateApiRequest.of("billing")).apiId();
    String root =
        unkey
            .rootKeys()
            .create(CreateRootKeyRequest.of(List.of("api." + api + ".verify_key")))
            .keyId();
    HygieneOptions.Builder options =
        HygieneOptions.builder()
            .only(Kind.ROOT_KEY_PAST_ROTATION_PERIOD)
            .rotationPeriod(Duration.ofDays(30));

    // the fake's clock stays put: only the options' clock moves
    TestClock scanClock = TestClock.create();
    scanClock.advance(Duration.ofDays(30));
    assertThat(KeyHygiene.scan(unkey, List.of(), options.clock(scanClock).build()).findings())
        .isEmpty();

    scanClock.advance(Duration.ofSeconds(1));
    HygieneReport late = KeyHygiene.scan(unkey, List.of(), options.clock(scanClock).build());
    assertThat(late.findings())
        .extracting(Finding::keyId)
        .contains(root)
        .hasSize(2); // and the bootstrap key, as old as the workspace
    assertThat(late.scannedAt()).isEqualTo(scanClock.instant());
  }

  @Test
  void checksNotAskedFor_areNotRun() {
    SeededWorkspace w = SeededWorkspace.planted();

    HygieneReport apiOnly =
        KeyHygiene.scan(
            w.unkey,
            List.of(w.billing),
            HygieneOptions.builder().clock(w.clock).only(Kind.API_KEY_DISABLED).build());
    assertThat(apiOnly.findings()).extracting(Finding::kind).containsExactly(Kind.API_KEY_DISABLED);
    assertThat(apiOnly.rootKeysChecked()).isFalse();
    assertThat(apiOnly.notes())
        .containsExactly("Root keys were not checked: no root-key check was asked for.");

    HygieneReport noWildcards =
        KeyHygiene.scan(
            w.unkey,
            List.of(w.billing, w.search),
            HygieneOptions.builder()
                .clock(w.clock)
                .skip(Kind.ROOT_KEY_WILDCARD_PERMISSION)
                .build());
    assertThat(noWildcards.findings())
        .hasSize(7)
        .noneMatch(f -> f.kind() == Kind.ROOT_KEY_WILDCARD_PERMISSION);
  }

  @Test
  void scanningKeyThatMayNotListRootKeys_saysSoAndStillChecksApiKeys() {
    SeededWorkspace w = SeededWorkspace.planted();
    Secret reader =
        w.unkey
            .rootKeys()
            .create(
                CreateRootKeyRequest.of(
                    List.of("api." + w.billing + ".read_key", "api." + w.billing + ".read_api")))
            .key();

    HygieneReport report =
        KeyHygiene.scan(
            w.unkey.withRootKey(reader),
            List.of(w.billing),
            HygieneOptions.builder().clock(w.clock).build());

    assertThat(report.rootKeysChecked()).isFalse();
    assertThat(report.notes()).singleElement().asString().contains("answered 403");
    assertThat(report.findings()).extracting(Finding::kind).allMatch(Kind::isApiKeyKind).hasSize(4);
  }

  @Test
  void unknownApi_isANoteNotAFailure() {
    SeededWorkspace w = SeededWorkspace.clean();

    HygieneReport report =
        KeyHygiene.scan(
            w.unkey,
            List.of(w.billing, "api_doesNotExist1"),
            HygieneOptions.builder().clock(w.clock).build());

    assertThat(report.apiIds()).containsExactly(w.billing);
    assertThat(report.notes())
        .containsExactly(
            "API api_doesNotExist1 was not found (apis.listKeys answered 404: it does not"
                + " exist, or the scanning root key may not read it, which Unkey masks as 404);"
                + " its keys were not read.");
  }

  @Test
  void badArguments_failNamingTheField() {
    InMemoryUnkey unkey = InMemoryUnkey.builder().build();
    assertThatThrownBy(() -> KeyHygiene.scan(unkey, List.of("not an id")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiId")
        .hasMessageNotContaining("not an id");
    assertThatThrownBy(() -> HygieneOptions.builder().rotationPeriod(Duration.ZERO))
        .hasMessage("rotationPeriod must be positive");
    assertThatThrownBy(() -> HygieneOptions.builder().pageSize(101))
        .hasMessage("pageSize must be 1..100");
    assertThatThrownBy(() -> HygieneOptions.builder().skip(Kind.values()))
        .hasMessage("skip must leave at least one check");
  }

  /** Records the cursor of every {@code apis.listKeys} call ("first" for none). */
  private static final class CountingApis implements Apis {
    private final Apis delegate;
    private final List<String> cursors;

    CountingApis(Apis delegate, List<String> cursors) {
      this.delegate = delegate;
      this.cursors = cursors;
    }

    @Override
    public Page<KeyInfo> listKeys(ListKeysRequest request) {
      cursors.add(request.cursor() == null ? "first" : request.cursor());
      return delegate.listKeys(request);
    }

    @Override
    public CreatedApi create(CreateApiRequest request) {
      return delegate.create(request);
    }

    @Override
    public ApiInfo get(GetApiRequest request) {
      return delegate.get(request);
    }

    @Override
    public Ack delete(DeleteApiRequest request) {
      return delegate.delete(request);
    }
  }
}
