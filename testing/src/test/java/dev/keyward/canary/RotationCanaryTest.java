package dev.keyward.canary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyward.key.KeyFormat;
import dev.keyward.key.Secret;
import dev.keyward.model.CreateRootKeyRequest;
import dev.keyward.model.CreatedKey;
import dev.keyward.permission.Operation;
import dev.keyward.rotation.ApiKeyRotation;
import dev.keyward.rotation.BulkRerollReport;
import dev.keyward.rotation.LeakReport;
import dev.keyward.rotation.LeakResponse;
import dev.keyward.rotation.RootKeyIssuer;
import dev.keyward.rotation.RootKeyRotation;
import dev.keyward.rotation.RotationJournal;
import dev.keyward.rotation.RotationReport;
import dev.keyward.rotation.RotationVerifier;
import dev.keyward.rotation.SecretStore;
import dev.keyward.testing.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invariant 1 for the rotation engine: {@link RootKeyRotation} (with an {@code .env} secret store,
 * a journal, verification and resume), {@link ApiKeyRotation} (bulk reroll and single reroll) and
 * {@link LeakResponse} run against {@link dev.keyward.testing.FakeUnkeyServer} with each fault
 * injected into each operation they call, with TRACE body logging on. Every key that crosses the
 * wire is a canary; logs, exceptions, reports, events and every file written (the {@code .env}
 * store aside) are scanned. The three {@code ...UnderEveryFault} matrices are long and run with
 * {@code -Plong}; the refusing-servers run and the positive control run by default.
 */
class RotationCanaryTest {
  static final List<String> PERMS = List.of("api.*.verify_key", "api.*.read_key");
  static final LeakScanner SCANNER = new LeakScanner();
  static final Map<String, Map<String, Integer>> OUTCOMES = new TreeMap<>();
  static LogCapture logs;
  static int scenarios;

  @TempDir Path tmp;

  record FaultCase(String label, Function<Operation, Fault> fault) {}

  static List<FaultCase> faults() {
    return List.of(
        new FaultCase("500 before", op -> Fault.serverError(500).on(op)),
        new FaultCase("500 after", op -> Fault.serverError(500).after().on(op)),
        new FaultCase("500 after once", op -> Fault.serverError(500).after().on(op).times(1)),
        new FaultCase("503 after once", op -> Fault.serverError(503).after().on(op).times(1)),
        // twice, not forever: RepeatableCalls.patiently waits out each 429 (up to maxRateLimitWait)
        new FaultCase(
            "429 twice", op -> Fault.tooManyRequests(Duration.ofSeconds(1)).on(op).times(2)),
        new FaultCase("drop before", op -> Fault.drop().on(op)),
        new FaultCase("drop after", op -> Fault.drop().after().on(op)),
        new FaultCase("drop after once", op -> Fault.drop().after().on(op).times(1)),
        new FaultCase("truncate after", op -> Fault.truncate().after().on(op)),
        new FaultCase("truncate after once", op -> Fault.truncate().after().on(op).times(1)),
        new FaultCase(
            "slow answer once", op -> Fault.latency(Duration.ofMillis(1200)).on(op).times(1)));
  }

  @BeforeAll
  static void captureEverything() {
    logs = LogCapture.start();
  }

  @AfterAll
  static void printTally() {
    logs.close();
    StringBuilder b =
        new StringBuilder("\n[canary] rotation engine: ")
            .append(scenarios)
            .append(" scenarios (engine × operation × fault)")
            .append("\n[canary] ")
            .append(SCANNER.tally())
            .append('\n');
    OUTCOMES.forEach(
        (engine, o) -> b.append("[canary]   ").append(engine).append(": ").append(o).append('\n'));
    System.out.print(b);
  }

  /** Scans everything a scenario left behind and tallies its outcome. */
  private static List<Leak> finish(
      String engine, String where, RotationWorld w, List<Object> values, List<Throwable> thrown) {
    List<Leak> leaks = new ArrayList<>();
    for (Object v : values) {
      leaks.addAll(
          SCANNER.scan("toString", where + " " + v.getClass().getSimpleName(), String.valueOf(v)));
      if (v instanceof RotationReport r) {
        r.events()
            .forEach(e -> leaks.addAll(SCANNER.scan("toString", where + " event", e.toString())));
        leaks.addAll(
            SCANNER.scan("toString", where + " instructions", r.instructions().toString()));
        r.failure()
            .ifPresent(f -> leaks.addAll(SCANNER.scanThrowable(where + " report failure", f)));
      } else if (v instanceof LeakReport r) {
        r.events()
            .forEach(e -> leaks.addAll(SCANNER.scan("toString", where + " event", e.toString())));
        r.failure()
            .ifPresent(f -> leaks.addAll(SCANNER.scanThrowable(where + " report failure", f)));
      }
    }
    for (Throwable t : thrown) {
      leaks.addAll(SCANNER.scanThrowable(where, t));
    }
    for (String line : logs.drain()) {
      leaks.addAll(SCANNER.scan("log", where, line));
    }
    leaks.addAll(SCANNER.scanFiles(where, w.dir, secretStore()));
    String outcome =
        thrown.isEmpty() ? "completed" : thrown.get(thrown.size() - 1).getClass().getSimpleName();
    synchronized (OUTCOMES) {
      OUTCOMES.computeIfAbsent(engine, e -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
      scenarios++;
    }
    return leaks;
  }

  /**
   * The {@code .env} store (and its temp files, {@code ..env.keyward-tmp-<pid>}): the one place the
   * user asked plaintext to be written.
   */
  static Predicate<Path> secretStore() {
    return p ->
        p.getFileName().toString().equals(".env")
            || p.getFileName().toString().startsWith("..env.keyward-tmp");
  }

  static Object attempt(List<Throwable> thrown, java.util.concurrent.Callable<?> step) {
    try {
      return step.call();
    } catch (Throwable t) { // failures are artefacts to scan
      thrown.add(t);
      return null;
    }
  }

  // ---------------------------------------------------------------- root-key rotation

  @Test
  @Tag("long")
  void rootKeyRotationUnderEveryFault() throws Exception {
    List<Operation> ops =
        List.of(
            Operation.ROOT_KEYS_GET_ROOT_KEY,
            Operation.ROOT_KEYS_CREATE_ROOT_KEY,
            Operation.KEYS_VERIFY_KEY,
            Operation.ROOT_KEYS_DELETE_ROOT_KEY);
    List<Leak> leaks = new ArrayList<>();
    int n = 0;
    for (Operation op : ops) {
      for (FaultCase f : faults()) {
        String where = "root " + op.wireName() + " " + f.label();
        try (RotationWorld w = new RotationWorld(tmp.resolve("root-" + n++), SCANNER)) {
          CreatedKey service = w.serviceKey();
          List<Object> values = new ArrayList<>();
          List<Throwable> thrown = new ArrayList<>();
          RootKeyRotation plan = w.rotation(service, RootKeyIssuer.of(w.admin)).build();
          values.add(plan.plan());
          w.server.inject(f.fault().apply(op));
          RotationReport first = (RotationReport) attempt(thrown, plan::execute);
          w.server.clearFaults();
          if (first != null) {
            values.add(first);
          }
          if (first == null || first.status() != RotationReport.Status.DONE) {
            Object resumed = attempt(thrown, plan::resume);
            if (resumed != null) {
              values.add(resumed);
            }
          }
          leaks.addAll(finish("RootKeyRotation", where, w, values, thrown));
        }
      }
    }
    assertThat(leaks).withFailMessage(() -> LeakScanner.summary(leaks)).isEmpty();
  }

  @Test
  void rootKeyRotationAgainstRefusingServers() throws Exception {
    List<Leak> leaks = new ArrayList<>();
    record Refusal(
        String label, Function<RotationWorld, RootKeyIssuer> issuer, boolean unknownOldKey) {}
    List<Refusal> refusals =
        List.of(
            new Refusal(
                "401 unknown root key",
                w -> {
                  Canary unknown = Canary.generate("unknown root key", KeyFormat.ROOT_KEY_PREFIX);
                  SCANNER.add(unknown);
                  return RootKeyIssuer.of(w.client(unknown.secret()));
                },
                false),
            new Refusal(
                "403 root key without manage_root_keys",
                w -> {
                  CreatedKey weak =
                      w.admin
                          .rootKeys()
                          .create(
                              CreateRootKeyRequest.builder(List.of("api.*.verify_key")).build());
                  return RootKeyIssuer.of(w.client(weak.key()));
                },
                false),
            new Refusal("404 old key unknown", w -> RootKeyIssuer.of(w.admin), true));
    int n = 0;
    for (Refusal r : refusals) {
      try (RotationWorld w = new RotationWorld(tmp.resolve("refused-" + n++), SCANNER)) {
        CreatedKey service = w.serviceKey();
        List<Object> values = new ArrayList<>();
        List<Throwable> thrown = new ArrayList<>();
        RootKeyRotation.Builder b = w.rotation(service, r.issuer().apply(w));
        if (r.unknownOldKey()) {
          b.oldKeyId("key_doesNotExist1");
        }
        Object report = attempt(thrown, () -> b.build().execute());
        if (report != null) {
          values.add(report);
        }
        leaks.addAll(finish("RootKeyRotation refused", "root " + r.label(), w, values, thrown));
      }
    }
    assertThat(leaks).withFailMessage(() -> LeakScanner.summary(leaks)).isEmpty();
  }

  // ---------------------------------------------------------------- API-key rotation

  @Test
  @Tag("long")
  void apiKeyRotationUnderEveryFault() throws Exception {
    List<Operation> ops =
        List.of(
            Operation.APIS_LIST_KEYS,
            Operation.KEYS_REROLL_KEY,
            Operation.KEYS_GET_KEY,
            Operation.KEYS_UPDATE_KEY,
            Operation.KEYS_DELETE_KEY);
    List<Leak> leaks = new ArrayList<>();
    int n = 0;
    for (Operation op : ops) {
      for (FaultCase f : faults()) {
        String where = "bulk " + op.wireName() + " " + f.label();
        try (RotationWorld w = new RotationWorld(tmp.resolve("bulk-" + n++), SCANNER)) {
          String apiId = w.apiWithKeys();
          List<Object> values = new CopyOnWriteArrayList<>();
          List<Throwable> thrown = new ArrayList<>();
          w.server.inject(f.fault().apply(op));
          for (int run = 0; run < 2; run++) { // the second run resumes from the journal
            Object report =
                attempt(
                    thrown,
                    () ->
                        ApiKeyRotation.bulk(w.admin, apiId)
                            .grace(Duration.ofHours(1))
                            .concurrency(2)
                            .maxAttempts(3)
                            .journal(RotationJournal.open(w.dir.resolve("bulk")))
                            .onNewKey((old, created) -> values.add(created))
                            .progress(values::add)
                            .clock(w.clock)
                            .sleeper(w.clock)
                            .build()
                            .run());
            if (report != null) {
              values.add(report);
              values.add(((BulkRerollReport) report).failed());
            }
            w.server.clearFaults();
          }
          String oneKey =
              w.workspace
                  .apis()
                  .listKeys(dev.keyward.model.ListKeysRequest.of(apiId))
                  .items()
                  .get(0)
                  .keyId();
          w.server.inject(f.fault().apply(Operation.KEYS_REROLL_KEY));
          Object single =
              attempt(thrown, () -> ApiKeyRotation.reroll(w.admin, oneKey, Duration.ofMinutes(1)));
          if (single != null) {
            values.add(single);
          }
          leaks.addAll(finish("ApiKeyRotation", where, w, values, thrown));
        }
      }
    }
    assertThat(leaks).withFailMessage(() -> LeakScanner.summary(leaks)).isEmpty();
  }

  // ---------------------------------------------------------------- leak playbook

  @Test
  @Tag("long")
  void leakResponseUnderEveryFault() throws Exception {
    List<Operation> ops =
        List.of(
            Operation.ROOT_KEYS_DELETE_ROOT_KEY,
            Operation.ROOT_KEYS_CREATE_ROOT_KEY,
            Operation.KEYS_VERIFY_KEY,
            Operation.APIS_LIST_KEYS,
            Operation.KEYS_REROLL_KEY);
    List<Leak> leaks = new ArrayList<>();
    int n = 0;
    for (Operation op : ops) {
      for (FaultCase f : faults()) {
        String where = "leak " + op.wireName() + " " + f.label();
        try (RotationWorld w = new RotationWorld(tmp.resolve("leak-" + n++), SCANNER)) {
          CreatedKey service = w.serviceKey();
          w.clock.advance(Duration.ofDays(1));
          java.time.Instant since = w.clock.instant();
          String apiId = w.apiWithKeys();
          List<Object> values = new CopyOnWriteArrayList<>();
          List<Throwable> thrown = new ArrayList<>();
          w.server.inject(f.fault().apply(op));
          Object report =
              attempt(
                  thrown,
                  () ->
                      LeakResponse.builder()
                          .leakedKeyId(service.keyId())
                          .issuer(RootKeyIssuer.of(w.admin))
                          .store(SecretStore.envFile(w.dir.resolve(".env")), "UNKEY_ROOT_KEY")
                          .verifier(RotationVerifier.authenticatingWith(w::clientFor))
                          .reviewApiKeys(w.admin, List.of(apiId), since)
                          .reroll(Duration.ZERO, (old, created) -> values.add(created))
                          .clock(w.clock)
                          .sleeper(w.clock)
                          .build()
                          .execute());
          w.server.clearFaults();
          if (report != null) {
            values.add(report);
          }
          leaks.addAll(finish("LeakResponse", where, w, values, thrown));
        }
      }
    }
    assertThat(leaks).withFailMessage(() -> LeakScanner.summary(leaks)).isEmpty();
  }

  // ---------------------------------------------------------------- controls

  @Test
  void positiveControl_theSecretStoreAndARawLogTripTheScanner() throws Exception {
    try (RotationWorld w = new RotationWorld(tmp.resolve("control"), SCANNER)) {
      CreatedKey service = w.serviceKey();
      RotationReport report = w.rotation(service, RootKeyIssuer.of(w.admin)).build().execute();
      assertThat(report.status()).isEqualTo(RotationReport.Status.DONE);
      Secret stored =
          SecretStore.envFile(w.dir.resolve(".env")).read("UNKEY_ROOT_KEY").orElseThrow();
      LeakScanner control = new LeakScanner();
      SCANNER.canaries().forEach(control::add);
      // the harvest saw the new key on the wire, so the store (excluded from the real scan) must
      // trip
      assertThat(control.scanFiles("control", w.dir, p -> false))
          .anySatisfy(l -> assertThat(l.artefact()).endsWith(".env"))
          .allSatisfy(l -> assertThat(l.toString()).doesNotContain(stored.reveal()));
      assertThat(control.canaries())
          .extracting(Canary::value)
          .contains(stored.reveal(), service.key().reveal());
      org.slf4j.LoggerFactory.getLogger("canary.control").warn("deployed {}", stored.reveal());
      List<Leak> fromLog = new ArrayList<>();
      logs.drain().forEach(line -> fromLog.addAll(control.scan("log", "control", line)));
      assertThat(fromLog).isNotEmpty();
      // and the same run, scanned the real way, is clean
      assertThat(control.scanFiles("control", w.dir, secretStore())).isEmpty();
    }
  }
}
