package dev.keyward.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.model.CreateApiRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.permission.DerivedPermissions;
import dev.keyward.permission.LeastPrivilege;
import dev.keyward.permission.Operation;
import dev.keyward.permission.Recording;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeastPrivilegeCheckTest {
  private static final Map<String, String> PRODUCTION = Map.of("billing", "api_prod1234");

  @TempDir Path reports;

  /** The sample service's run: the API is test setup (unrecorded), the rest is the service. */
  private static Recording runSampleService() {
    InMemoryUnkey unkey = InMemoryUnkey.builder().clock(TestClock.create()).build();
    String apiId = unkey.unrecorded().apis().create(CreateApiRequest.of("billing")).apiId();
    KeyIssuingService service = new KeyIssuingService(unkey, apiId);
    CreatedKey key = service.issue();
    assertThat(service.valid(key.key())).isTrue();
    CreatedKey rotated = service.rotate(key.keyId());
    assertThat(service.valid(rotated.key())).isTrue();
    return unkey.recording();
  }

  @Test
  void sampleServiceDerivesExactlyItsPerApiPermissions() {
    Recording recording = runSampleService();

    assertThat(LeastPrivilege.from(recording).permissions())
        .containsExactly("api.<billing>.create_key", "api.<billing>.verify_key");
    DerivedPermissions mapped = LeastPrivilege.from(recording, PRODUCTION);
    assertThat(mapped.permissions())
        .containsExactly("api.api_prod1234.create_key", "api.api_prod1234.verify_key");
    assertThat(mapped.neededBy("api.api_prod1234.create_key"))
        .containsExactly(
            "keys.createKey on api api_prod1234 (created in the run as 'billing')",
            "keys.rerollKey on api api_prod1234 (created in the run as 'billing')");
  }

  @Test
  void exactDeclarationPassesEvenWhenStrict() {
    PermissionCheck check =
        PermissionCheck.declared(DeclaredPermissions.of(KeyIssuingService.DECLARED))
            .productionIds(PRODUCTION)
            .failOnExcess()
            .reportDirectory(reports);

    PermissionCheck.Result result = check.verify("Exact", runSampleService());

    assertThat(result.passed()).isTrue();
    assertThat(result.audit().clean()).isTrue();
  }

  @Test
  void declaredSetMissingOnePermissionFailsNamingTheCall() throws Exception {
    PermissionCheck check =
        PermissionCheck.declared(DeclaredPermissions.of("api.api_prod1234.create_key"))
            .productionIds(PRODUCTION)
            .reportDirectory(reports);
    Recording recording = runSampleService();

    assertThatThrownBy(() -> check.verify("Missing", recording))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("missing: keys.verifyKey on api api_prod1234")
        .hasMessageContaining("grant api.api_prod1234.verify_key");
    String text = Files.readString(reports.resolve("Missing.txt"), StandardCharsets.UTF_8);
    assertThat(text).startsWith("Least privilege for Missing: FAILED").contains("Missing (1):");
    String json = Files.readString(reports.resolve("Missing.json"), StandardCharsets.UTF_8);
    assertThat(json)
        .contains("\"passed\": false")
        .contains("\"subject\": \"api.*.verify_key OR api.api_prod1234.verify_key\"");
  }

  @Test
  void oneDeletePermissionTooManyIsReportedAndFailsWhenStrict() throws Exception {
    DeclaredPermissions declared =
        DeclaredPermissions.of(
            "api.api_prod1234.create_key", "api.api_prod1234.verify_key", "api.*.delete_key");
    PermissionCheck lenient =
        PermissionCheck.declared(declared).productionIds(PRODUCTION).reportDirectory(reports);
    Recording recording = runSampleService();

    PermissionCheck.Result result = lenient.verify("Excess", recording);
    assertThat(result.passed()).isTrue();
    assertThat(result.excess())
        .singleElement()
        .satisfies(f -> assertThat(f.subject()).isEqualTo("api.*.delete_key"));
    assertThat(Files.readString(reports.resolve("Excess.txt"), StandardCharsets.UTF_8))
        .contains("Excess (1):\n  api.*.delete_key is granted but none of the recorded calls");

    assertThatThrownBy(() -> lenient.failOnExcess().verify("Excess", recording))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("excess: api.*.delete_key is granted");
  }

  @Test
  void callsOverHttpAreRecordedByTheServer() {
    InMemoryUnkey unkey = InMemoryUnkey.builder().clock(TestClock.create()).build();
    String apiId = unkey.unrecorded().apis().create(CreateApiRequest.of("billing")).apiId();
    try (FakeUnkeyServer server = FakeUnkeyServer.start(unkey)) {
      UnkeyHttpClient client =
          UnkeyHttpClient.builder().baseUrl(server.url()).rootKey(server.bootstrapKey()).build();
      KeyIssuingService service = new KeyIssuingService(client, apiId);
      CreatedKey key = service.issue();
      assertThat(service.valid(key.key())).isTrue();

      assertThat(server.recording().calls())
          .extracting(Recording.Call::operation)
          .containsExactly(Operation.KEYS_CREATE_KEY, Operation.KEYS_VERIFY_KEY);
      assertThat(server.recording().calls().get(0).rootKeyId()).startsWith("key_");
      assertThat(LeastPrivilege.from(server.recording(), PRODUCTION).permissions())
          .containsExactly("api.api_prod1234.create_key", "api.api_prod1234.verify_key");
    }
  }

  @Test
  void callsFromSeveralThreadsAreAllRecorded() throws Exception {
    InMemoryUnkey unkey = InMemoryUnkey.builder().clock(TestClock.create()).build();
    String apiId = unkey.unrecorded().apis().create(CreateApiRequest.of("billing")).apiId();
    KeyIssuingService service = new KeyIssuingService(unkey, apiId);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        done.add(pool.submit(() -> assertThat(service.valid(service.issue().key())).isTrue()));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    Map<Operation, Long> byOperation = new java.util.EnumMap<>(Operation.class);
    unkey
        .recording()
        .counts()
        .forEach((call, n) -> byOperation.merge(call.operation(), n, Long::sum));
    assertThat(byOperation.keySet())
        .containsExactlyInAnyOrder(Operation.KEYS_CREATE_KEY, Operation.KEYS_VERIFY_KEY);
    assertThat(byOperation.get(Operation.KEYS_VERIFY_KEY)).isEqualTo(40);
    // createKey checks twice: once to hide an API the caller cannot use, once to authorize
    assertThat(byOperation.get(Operation.KEYS_CREATE_KEY)).isEqualTo(80);
  }

  @Test
  void declaredFileWithAnUnknownPermissionNamesTheLineAndTheNearestValidOne() throws Exception {
    Path file = reports.resolve("service.permissions");
    Files.writeString(
        file,
        "# billing service\napi.api_prod1234.create_key\n\napi.api_prod1234.verify_keys  # typo\n");

    assertThatThrownBy(() -> DeclaredPermissions.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 4:")
        .hasMessageEndingWith("nearest valid permission: 'api.api_prod1234.verify_key'");
    assertThatThrownBy(() -> DeclaredPermissions.of("api.billing.create_key"))
        .hasMessageContaining("constant line 1:")
        .hasMessageEndingWith("nearest valid permission: 'api.*.create_key'");
  }

  @Test
  void commentsAndBlankLinesAreSkipped() {
    DeclaredPermissions d =
        DeclaredPermissions.parse(
            "f", List.of("# header", "", "  api.*.verify_key  # all APIs", "rbac.*.read_role"));

    assertThat(d.permissions().asStrings()).containsExactly("api.*.verify_key", "rbac.*.read_role");
  }

  @Test
  void unrecordedSetupIsLeftOutButItsNamesAreKept() {
    InMemoryUnkey unkey = InMemoryUnkey.builder().clock(TestClock.create()).build();
    String apiId = unkey.unrecorded().apis().create(CreateApiRequest.of("billing")).apiId();

    assertThat(unkey.recording().isEmpty()).isTrue();
    assertThat(unkey.recording().name(apiId)).contains("billing");
    unkey.apis().create(CreateApiRequest.of("other"));
    assertThat(unkey.recording().calls())
        .extracting(Recording.Call::operation)
        .containsExactly(Operation.APIS_CREATE_API);
  }
}
