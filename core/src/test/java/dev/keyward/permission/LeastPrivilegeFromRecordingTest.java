package dev.keyward.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LeastPrivilegeFromRecordingTest {
  private static final String API = "api_AAAAAAAAAAAAAAAAAAAAAA";
  private static final String OTHER = "api_BBBBBBBBBBBBBBBBBBBBBB";

  private static Recording.Call call(Operation op, String apiId, boolean allowed) {
    return Recording.Call.of("key_root", op, apiId, op.requirement(apiId), allowed);
  }

  @Test
  void emptyRecordingGivesNoPermissionsAndSaysSo() {
    DerivedPermissions derived = LeastPrivilege.from(new Recording());

    assertThat(derived.isEmpty()).isTrue();
    assertThat(derived.permissions()).isEmpty();
    assertThat(derived.notes()).singleElement().asString().contains("recording is empty");
  }

  @Test
  void idsNotCreatedInTheRunStayScopedToThemselves() {
    Recording r = new Recording();
    r.record(call(Operation.KEYS_VERIFY_KEY, API, true));
    r.record(call(Operation.KEYS_GET_KEY, OTHER, true));

    DerivedPermissions derived = LeastPrivilege.from(r);

    assertThat(derived.permissions())
        .containsExactly("api." + API + ".verify_key", "api." + OTHER + ".read_key");
    assertThat(derived.neededBy("api." + API + ".verify_key"))
        .containsExactly("keys.verifyKey on api " + API);
    assertThat(derived.toPermissionSet().size()).isEqualTo(2);
  }

  @Test
  void createdIdsReadByTheirNamesUntilTheMappingGivesProductionIds() {
    Recording r = new Recording();
    r.created(API, "billing");
    r.record(call(Operation.KEYS_CREATE_KEY, API, true));

    DerivedPermissions named = LeastPrivilege.from(r);
    assertThat(named.permissions()).containsExactly("api.<billing>.create_key");
    assertThat(named.unresolvedNames()).containsExactly("billing");
    assertThat(named.notes()).anyMatch(n -> n.contains("'billing'"));
    assertThatThrownBy(named::toPermissionSet).isInstanceOf(IllegalStateException.class);

    DerivedPermissions mapped = LeastPrivilege.from(r, Map.of("billing", "api_prod1234"));
    assertThat(mapped.permissions()).containsExactly("api.api_prod1234.create_key");
    assertThat(mapped.unresolvedNames()).isEmpty();
    assertThat(mapped.toPermissionSet())
        .isEqualTo(PermissionSet.parse("api.api_prod1234.create_key"));
  }

  @Test
  void createdIdWithoutANameWidensToTheWildcardAndSaysSo() {
    Recording r = new Recording();
    r.created(API, " ");
    r.record(call(Operation.KEYS_CREATE_KEY, API, true));

    DerivedPermissions derived = LeastPrivilege.from(r);

    assertThat(derived.permissions()).containsExactly("api.*.create_key");
    assertThat(derived.notes()).anyMatch(n -> n.contains("widened to api.*"));
  }

  @Test
  void deniedCallsAreLeftOutAndNoted() {
    Recording r = new Recording();
    r.record(call(Operation.KEYS_VERIFY_KEY, API, true));
    r.record(call(Operation.KEYS_DELETE_KEY, API, false));

    DerivedPermissions derived = LeastPrivilege.from(r);

    assertThat(derived.permissions()).containsExactly("api." + API + ".verify_key");
    assertThat(derived.notes()).anyMatch(n -> n.contains("keys.deleteKey") && n.contains("denied"));
  }

  @Test
  void auditNamesTheCallOfAMissingPermissionAndReportsAnExcessOne() {
    Recording r = new Recording();
    r.created(API, "billing");
    r.record(call(Operation.KEYS_CREATE_KEY, API, true));
    r.record(call(Operation.KEYS_VERIFY_KEY, API, true));
    DerivedPermissions derived = LeastPrivilege.from(r, Map.of("billing", "api_prod1234"));

    PermissionAudit audit =
        derived.audit(PermissionSet.parse("api.api_prod1234.create_key", "api.*.delete_key"));

    assertThat(audit.findings(PermissionAudit.Kind.MISSING))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("keys.verifyKey on api api_prod1234"))
        .satisfies(f -> assertThat(f.message()).endsWith("grant api.api_prod1234.verify_key"));
    assertThat(audit.findings(PermissionAudit.Kind.UNUSED))
        .singleElement()
        .satisfies(f -> assertThat(f.subject()).isEqualTo("api.*.delete_key"));
  }

  @Test
  void identicalChecksAreKeptOnceAndCounted() {
    Recording r = new Recording();
    for (int i = 0; i < 5; i++) {
      r.record(call(Operation.KEYS_VERIFY_KEY, API, true));
    }

    assertThat(r.calls()).hasSize(1);
    assertThat(r.counts().values()).containsExactly(5L);
    assertThat(r.calls().get(0).resources()).containsExactly(Map.entry("api", API));
  }

  @Test
  void checksFromManyThreadsAreAllCounted() throws InterruptedException {
    Recording r = new Recording();
    int threads = 8;
    int each = 500;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      boolean verify = t % 2 == 0;
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                for (int i = 0; i < each; i++) {
                  r.record(
                      call(verify ? Operation.KEYS_VERIFY_KEY : Operation.KEYS_GET_KEY, API, true));
                }
              });
      thread.start();
      started.add(thread);
    }
    start.countDown();
    for (Thread thread : started) {
      thread.join();
    }

    assertThat(r.counts().values()).containsExactlyInAnyOrder(2000L, 2000L);
  }

  @Test
  void aFullRecordingCountsWhatItDropsAndTheResultSaysSo() {
    Recording r = new Recording();
    for (int i = 0; i <= Recording.MAX_CALLS; i++) {
      r.record(
          Recording.Call.of(
              "key_" + i,
              Operation.APIS_CREATE_API,
              null,
              Operation.APIS_CREATE_API.requirement(null),
              true));
    }

    assertThat(r.calls()).hasSize(Recording.MAX_CALLS);
    assertThat(r.dropped()).isEqualTo(1);
    assertThat(LeastPrivilege.from(r).notes()).anyMatch(n -> n.contains("may be incomplete"));
  }

  @Test
  void keyShapedNamesAreNotKept() {
    Recording r = new Recording();
    r.created(API, "sk_4f9Qm2XbK7pLr8TzVw3N");

    assertThat(r.createdIds()).containsExactly(API);
    assertThat(r.name(API)).isEmpty();
  }

  @Test
  void aProductionIdThatCannotBePartOfAPermissionIsRefused() {
    assertThatThrownBy(() -> LeastPrivilege.from(new Recording(), Map.of("billing", "api.x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resourceId");
  }
}
