package dev.keyward.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The checked-in table of Unkey's checks ({@code unkey-checks.md}) against the code. */
class UnkeyChecksTest {
  private static final ResourceIds IDS = ResourceIds.key("ws_1", "ks_1", "key_1");

  /** Rows of the table: operation, query, query with every condition, handler, commit. */
  static List<String[]> rows() throws IOException {
    try (InputStream in = Operation.class.getResourceAsStream("unkey-checks.md")) {
      assertThat(in).as("unkey-checks.md on the classpath").isNotNull();
      List<String[]> rows = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.startsWith("| ") || line.startsWith("| operation") || line.startsWith("| ---")) {
          continue;
        }
        String[] cells = line.substring(2, line.length() - 2).split(" \\| ", -1);
        for (int i = 0; i < cells.length; i++) {
          cells[i] = cells[i].strip().replace("`", "");
        }
        rows.add(cells);
      }
      return rows;
    }
  }

  static Stream<Arguments> tableRows() throws IOException {
    return rows().stream().map(r -> Arguments.of(r[0], r[1], r[2], r[3], r[4]));
  }

  @Test
  void everyOperationHasExactlyOneRow() throws IOException {
    Map<String, Integer> count = new HashMap<>();
    for (String[] row : rows()) {
      count.merge(row[0], 1, Integer::sum);
    }
    for (Operation op : Operation.values()) {
      assertThat(count.get(op.wireName())).as(op.wireName()).isEqualTo(1);
    }
    assertThat(count).hasSize(Operation.values().length);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tableRows")
  void requirementIsTheTablesQuery(
      String wireName, String query, String withConditions, String handler, String commit) {
    Operation op = Operation.fromWireName(wireName);
    if (!op.requiresPermission()) {
      assertThat(query).isEqualTo("—");
      return;
    }
    assertThat(op.requirement("r1", Set.of(), IDS)).hasToString(query);
    PermissionQuery all = op.requirement("r1", EnumSet.allOf(Operation.Condition.class), IDS);
    assertThat(all).hasToString(withConditions.equals("same") ? query : withConditions);
    if (wireName.startsWith("rootKeys.")) {
      assertThat(commit).isEqualTo("—");
    } else {
      assertThat(handler).startsWith("svc/api/routes/v2_").endsWith("/handler.go");
      assertThat(commit).matches("spec|[0-9a-f]{40}");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "keys.createKey|api.r1.create_key OR api.*.create_key OR"
            + " unkey:v1:ws_1:keyspaces/ks_1#create_key",
        "keys.rerollKey|api.r1.create_key OR api.*.create_key OR"
            + " unkey:v1:ws_1:keyspaces/ks_1#create_key",
        "keys.deleteKey|api.*.delete_key OR api.r1.delete_key OR"
            + " unkey:v1:ws_1:keyspaces/ks_1/keys/key_1#delete_key",
        "keys.getKey|api.*.read_key OR api.r1.read_key OR"
            + " unkey:v1:ws_1:keyspaces/ks_1/keys/key_1#read_key",
        "keys.whoami|api.*.read_key OR api.r1.read_key OR"
            + " unkey:v1:ws_1:keyspaces/ks_1/keys/key_1#read_key",
        "keys.updateKey|api.*.update_key OR api.r1.update_key OR"
            + " unkey:v1:ws_1:keyspaces/ks_1/keys/key_1#update_key",
        "keys.updateCredits|api.*.update_key OR api.r1.update_key OR"
            + " unkey:v1:ws_1:keyspaces/ks_1/keys/key_1#update_key",
        "keys.verifyKey|api.*.verify_key OR api.r1.verify_key OR"
            + " unkey:v1:ws_1:keyspaces/ks_1/keys/key_1#verify_key",
        "keys.setRoles|api.*.update_key OR api.r1.update_key OR"
            + " unkey:v1:ws_1:keyspaces/ks_1/keys/key_1#update_key",
        "keys.removeRoles|api.*.update_key OR api.r1.update_key",
        "keys.addRoles|(api.*.update_key OR api.r1.update_key) AND rbac.*.add_role_to_key",
        "keys.removePermissions|unkey:v1:ws_1:keyspaces/ks_1/keys/key_1#update_key OR"
            + " (api.*.update_key OR api.r1.update_key) AND rbac.*.remove_permission_from_key",
        "keys.addPermissions|unkey:v1:ws_1:keyspaces/ks_1/keys/key_1#update_key OR"
            + " (api.*.update_key OR api.r1.update_key) AND rbac.*.add_permission_to_key",
        "keys.setPermissions|(api.*.update_key OR api.r1.update_key) AND"
            + " rbac.*.add_permission_to_key AND rbac.*.remove_permission_from_key",
      })
  void keyOperationsAsTheHandlersBuildThem(String wireName, String expected) {
    assertThat(Operation.fromWireName(wireName).requirement("r1", Set.of(), IDS))
        .hasToString(expected);
  }

  @Test
  void withoutIdsTheResourceLegsAreLeftOut() {
    for (Operation op : Operation.values()) {
      if (op.requiresPermission()) {
        Set<Operation.Condition> all = EnumSet.allOf(Operation.Condition.class);
        assertThat(op.requirement("r1", all, ResourceIds.none()))
            .isEqualTo(op.requirement("r1", all));
        assertThat(op.requirement("r1", all).toString()).doesNotContain("unkey:v1:");
      }
    }
    // a key-space id alone gives the create leg but not the per-key legs
    ResourceIds keyspace = ResourceIds.keyspace("ws_1", "ks_1");
    assertThat(Operation.KEYS_CREATE_KEY.requirement(null, Set.of(), keyspace))
        .hasToString("api.*.create_key OR unkey:v1:ws_1:keyspaces/ks_1#create_key");
    assertThat(Operation.KEYS_DELETE_KEY.requirement(null, Set.of(), keyspace))
        .hasToString("api.*.delete_key");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "unkey:v1:ws_1:keyspaces/ks_1/keys/key_1#update_key, true",
    "unkey:v1:ws_1:keyspaces/*/keys/*#update_key, true",
    "unkey:v1:ws_1:keyspaces/ks_1/keys/*#update_key, true",
    "unkey:v1:ws_1:keyspaces/ks_1/**#update_key, true",
    "unkey:v1:ws_1:keyspaces/**#update_key, true",
    "unkey:v1:ws_1:**#update_key, true",
    "unkey:v1:ws_1:**#*, true",
    "unkey:v1:ws_1:*/**#update_key, true",
    "api.*.update_key, true",
    "api.r1.update_key, true",
    "unkey:v1:ws_1:keyspaces/ks_1#update_key, false",
    "unkey:v1:ws_1:keyspaces/*#update_key, false",
    "unkey:v1:ws_1:*#update_key, false",
    "unkey:v1:ws_2:**#update_key, false",
    "unkey:v1:ws_1:keyspaces/ks_2/keys/*#update_key, false",
    "unkey:v1:ws_1:keyspaces/ks_1/keys/key_2#update_key, false",
    "unkey:v1:ws_1:keyspaces/ks_1/keys/key_1#read_key, false",
    "unkey:v1:ws_1:keyspaces/ks_1/**#*, false",
    "unkey:v1:ws_1:keyspaces/ks_*/keys/*#update_key, false",
    "unkey:v1:ws_1:**/keys/*#update_key, false",
    "unkey:v1:ws_1:keyspaces/ks_1/keys/key_1#update_key#x, false",
    "unkey:v2:ws_1:**#update_key, false",
    "api.r2.update_key, false",
    "*, false",
  })
  void resourceLegsMatchWithUnkeysWildcardRules(String granted, boolean allowed) {
    PermissionQuery q = Operation.KEYS_UPDATE_KEY.requirement("r1", Set.of(), IDS);
    assertThat(q.evaluate(Set.of(granted))).as(granted).isEqualTo(allowed);
    assertThat(PermissionSet.parse("api.*.read_key").allows(q)).isFalse();
  }

  @Test
  void aRequiredPatternIsCoveredOnlyByAWildcardThere() {
    PermissionQuery encrypt =
        Operation.KEYS_REROLL_KEY.requirement("r1", Set.of(Operation.Condition.RECOVERABLE), IDS);
    String create = "unkey:v1:ws_1:keyspaces/ks_1#create_key";
    assertThat(encrypt.evaluate(Set.of(create, "unkey:v1:ws_1:keyspaces/ks_1/keys/*#encrypt_key")))
        .isTrue();
    assertThat(encrypt.evaluate(Set.of(create, "unkey:v1:ws_1:keyspaces/*/keys/*#encrypt_key")))
        .isTrue();
    assertThat(encrypt.evaluate(Set.of(create, "unkey:v1:ws_1:keyspaces/ks_1/**#encrypt_key")))
        .isTrue();
    assertThat(
            encrypt.evaluate(Set.of(create, "unkey:v1:ws_1:keyspaces/ks_1/keys/key_1#encrypt_key")))
        .isFalse();
    assertThat(encrypt.evaluate(Set.of(create))).isFalse();
  }

  @Test
  void onlyResourceLeavesMatchWithWildcards() {
    // A query a customer sends to verifyKey never gets wildcard semantics, as in Unkey.
    PermissionQuery plain = PermissionQuery.permission("unkey:v1:ws_1:keyspaces/ks_1");
    assertThat(plain.evaluate(Set.of("unkey:v1:ws_1:**#*"))).isFalse();
    PermissionQuery leaf =
        PermissionQuery.resourcePermission("unkey:v1:ws_1:keyspaces/ks_1#create_key");
    assertThat(leaf.isResourcePermission()).isTrue();
    assertThat(leaf.evaluate(Set.of("unkey:v1:ws_1:keyspaces/*#create_key"))).isTrue();
    assertThat(leaf).isNotEqualTo(PermissionQuery.permission("api.*.create_key"));
    assertThatThrownBy(() -> PermissionQuery.resourcePermission("api.*.create_key"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PermissionQuery.resourcePermission("unkey:v1:ws_1:**#*"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resourceIdsRejectCharactersThatChangeTheName() {
    assertThatThrownBy(() -> ResourceIds.key("ws_1", "ks/1", "key_1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keyspaceId");
    assertThatThrownBy(() -> ResourceIds.key("ws:1", "ks_1", "key_1"))
        .hasMessageContaining("workspaceId");
    assertThatThrownBy(() -> ResourceIds.key("ws_1", "ks_1", "*")).hasMessageContaining("keyId");
    assertThatThrownBy(() -> ResourceIds.keyspace("ws_1", "")).hasMessageContaining("keyspaceId");
    assertThat(ResourceIds.key("ws_1", "ks_1", "key_1").keyId()).contains("key_1");
    assertThat(ResourceIds.none().workspaceId()).isEmpty();
  }
}
