package dev.keyward.vault;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keyward.key.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake of Vault's HTTP API on loopback, enough for Spring Vault's {@code VaultClient} to talk to
 * it unchanged: KV v2 ({@code GET/POST/DELETE /v1/<mount>/data/<path>} with {@code ?version=N} and
 * {@code options.cas}, {@code GET/POST /v1/<mount>/metadata/<path>}), AppRole login, {@code
 * auth/token/lookup-self}, ACL policies (path globs with a trailing {@code *} → capabilities) and
 * token expiry by its clock. It answers as Vault does: a stale {@code cas} is 400 "check-and-set
 * parameter did not match the current version"; an unknown secret or version is 404 {@code
 * {"errors":[]}}; a deleted version is 404 with its metadata; a path under no mount is 404 "no
 * handler for route"; a missing, unknown, expired or under-privileged token is 403 "permission
 * denied" (checked before routing, as Vault does). It records each call as method, path and the
 * capability it needed.
 *
 * <p>Not modelled: KV v1, {@code cas_required}, {@code delete_version_after}, {@code
 * undelete}/{@code destroy} endpoints, {@code LIST}, patch ({@code PATCH} / merge), namespaces,
 * response wrapping, token renewal, use limits and batch tokens, policy {@code +} globs, denied
 * parameters and {@code deny}, leases of dynamic secrets, sealing, standby redirects and rate-limit
 * quotas, TLS.
 */
public final class FakeVaultServer implements AutoCloseable {
  static {
    // JDK HttpServer: without TCP_NODELAY each keep-alive POST waits on Nagle + delayed ACK
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** One call: method, path (without {@code /v1/} and query) and the capability it needed. */
  public record Access(String method, String path, String capability) {}

  private record Token(Map<String, Set<String>> policy, Instant expires) {}

  private static final class Version {
    Map<String, Object> data;
    final Instant created;
    Instant deleted;

    Version(Map<String, Object> data, Instant created) {
      this.data = data;
      this.created = created;
    }
  }

  private static final class Kv {
    int current;
    final TreeMap<Integer, Version> versions = new TreeMap<>();
    final Map<String, String> customMetadata = new LinkedHashMap<>();
  }

  private record AppRole(String secretId, Map<String, Set<String>> policy, Duration ttl) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Clock clock;
  private final Set<String> mounts = new java.util.HashSet<>(Set.of("secret"));
  private final Map<String, Kv> secrets = new HashMap<>();
  private final Map<String, Token> tokens = new HashMap<>();
  private final Map<String, AppRole> roles = new HashMap<>();
  private final List<Access> accesses = new ArrayList<>();
  private final Secret root = Secret.of("hvs.root" + UUID.randomUUID().toString().replace("-", ""));
  private int maxVersions = 10;

  private FakeVaultServer(Clock clock) throws IOException {
    this.clock = clock;
    tokens.put(root.reveal(), new Token(Map.of("*", Set.of("*")), Instant.MAX));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a server with one KV v2 mount, {@code secret}; tokens expire by {@code clock}. */
  public static FakeVaultServer start(Clock clock) {
    try {
      return new FakeVaultServer(clock);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  /** A token allowed everything, that never expires. */
  public Secret rootToken() {
    return root;
  }

  /** Issues a token with {@code policy} (path glob → capabilities) that expires after ttl. */
  public synchronized Secret token(Map<String, Set<String>> policy, Duration ttl) {
    Secret t = Secret.of("hvs." + UUID.randomUUID().toString().replace("-", ""));
    tokens.put(t.reveal(), new Token(Map.copyOf(policy), clock.instant().plus(ttl)));
    return t;
  }

  /** Adds an AppRole at {@code auth/approle} whose logins get {@code policy} for {@code ttl}. */
  public synchronized void appRole(
      String roleId, Secret secretId, Map<String, Set<String>> policy, Duration ttl) {
    roles.put(roleId, new AppRole(secretId.reveal(), Map.copyOf(policy), ttl));
  }

  /** Revokes every token issued so far except the root token. */
  public synchronized void revokeAll() {
    tokens.keySet().removeIf(t -> !t.equals(root.reveal()));
  }

  /** How many versions of {@code mount/path} were ever written (0 if none). */
  public synchronized int versionCount(String mount, String path) {
    Kv kv = secrets.get(mount + "/" + path);
    return kv == null ? 0 : kv.current;
  }

  /** The data of the latest version of {@code mount/path}, or null. */
  public synchronized Map<String, Object> latest(String mount, String path) {
    Kv kv = secrets.get(mount + "/" + path);
    return kv == null || kv.current == 0 ? null : kv.versions.get(kv.current).data;
  }

  /** Every call so far. */
  public synchronized List<Access> accesses() {
    return List.copyOf(accesses);
  }

  /** How many versions a secret keeps (Vault's default: 10). */
  public synchronized void maxVersions(int max) {
    this.maxVersions = max;
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] in = ex.getRequestBody().readAllBytes();
      Answer a;
      synchronized (this) {
        a = answer(ex, in);
      }
      byte[] out = a.body == null ? new byte[0] : JSON.writeValueAsBytes(a.body);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(a.status, a.status == 204 ? -1 : out.length);
      if (a.status != 204) {
        try (OutputStream os = ex.getResponseBody()) {
          os.write(out);
        }
      }
    } catch (RuntimeException e) {
      ex.sendResponseHeaders(500, -1);
    }
  }

  private record Answer(int status, Object body) {}

  private static Answer errors(int status, String... errors) {
    return new Answer(status, Map.of("errors", List.of(errors)));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> body(byte[] in) {
    return in.length == 0
        ? Map.of()
        : JSON.readValue(new String(in, StandardCharsets.UTF_8), Map.class);
  }

  private Answer answer(HttpExchange ex, byte[] in) {
    String method = ex.getRequestMethod();
    String full = ex.getRequestURI().getPath();
    String query = ex.getRequestURI().getRawQuery();
    if (!full.startsWith("/v1/")) {
      return errors(404);
    }
    String path = full.substring(4);
    if (path.equals("auth/approle/login") && method.equals("POST")) {
      accesses.add(new Access(method, path, "none"));
      return login(body(in));
    }
    Token token = tokens.get(String.valueOf(ex.getRequestHeaders().getFirst("X-Vault-Token")));
    if (token == null || !clock.instant().isBefore(token.expires())) {
      accesses.add(new Access(method, path, "denied"));
      return errors(403, "permission denied");
    }
    if (path.equals("auth/token/lookup-self")) {
      accesses.add(new Access(method, path, "read"));
      return new Answer(200, Map.of("data", Map.of("policies", List.of("default"))));
    }
    String mount = mounts.stream().filter(m -> path.startsWith(m + "/")).findFirst().orElse(null);
    String sub = mount == null ? "" : path.substring(mount.length() + 1);
    String kvPath = sub.startsWith("data/") ? sub.substring(5) : sub.replaceFirst("^metadata/", "");
    Kv kv = mount == null ? null : secrets.get(mount + "/" + kvPath);
    String capability =
        switch (method) {
          case "GET" -> "read";
          case "DELETE" -> "delete";
          default -> kv == null || kv.current == 0 ? "create" : "update";
        };
    accesses.add(new Access(method, path, capability));
    if (!allowed(token.policy(), path, capability)) {
      return errors(403, "permission denied");
    }
    if (mount == null) {
      return errors(404, "no handler for route \"" + path + "\". route entry not found.");
    }
    if (sub.startsWith("data/")) {
      return data(method, mount + "/" + kvPath, kv, query, in);
    }
    if (sub.startsWith("metadata/")) {
      return metadata(method, mount + "/" + kvPath, kv, in);
    }
    return errors(404, "unsupported path");
  }

  private static boolean allowed(Map<String, Set<String>> policy, String path, String cap) {
    for (Map.Entry<String, Set<String>> rule : policy.entrySet()) {
      String glob = rule.getKey();
      boolean matches =
          glob.endsWith("*")
              ? path.startsWith(glob.substring(0, glob.length() - 1))
              : path.equals(glob);
      if (matches && (rule.getValue().contains(cap) || rule.getValue().contains("*"))) {
        return true;
      }
    }
    return false;
  }

  private Answer login(Map<String, Object> body) {
    AppRole role = roles.get(String.valueOf(body.get("role_id")));
    if (role == null || !role.secretId().equals(body.get("secret_id"))) {
      return errors(400, "invalid role or secret ID");
    }
    String t = "hvs." + UUID.randomUUID().toString().replace("-", "");
    tokens.put(t, new Token(role.policy(), clock.instant().plus(role.ttl())));
    Map<String, Object> auth = new LinkedHashMap<>();
    auth.put("client_token", t);
    auth.put("accessor", UUID.randomUUID().toString());
    auth.put("policies", List.of("default", "rotator"));
    auth.put("token_policies", List.of("default", "rotator"));
    auth.put("lease_duration", role.ttl().toSeconds());
    auth.put("renewable", true);
    auth.put("token_type", "service");
    auth.put("orphan", true);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("request_id", UUID.randomUUID().toString());
    answer.put("auth", auth);
    return new Answer(200, answer);
  }

  @SuppressWarnings("unchecked")
  private Answer data(String method, String key, Kv kv, String query, byte[] in) {
    if (method.equals("GET")) {
      if (kv == null || kv.current == 0) {
        return errors(404);
      }
      int v = kv.current;
      if (query != null && query.startsWith("version=")) {
        v = Integer.parseInt(query.substring(8));
        v = v == 0 ? kv.current : v;
      }
      Version version = kv.versions.get(v);
      if (version == null) {
        return errors(404);
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("data", version.deleted == null ? version.data : null);
      data.put("metadata", meta(v, version));
      return new Answer(version.deleted == null ? 200 : 404, envelope(data));
    }
    if (method.equals("DELETE")) {
      if (kv != null && kv.current > 0) {
        kv.versions.get(kv.current).deleted = clock.instant();
      }
      return new Answer(204, null);
    }
    Map<String, Object> body = body(in);
    if (!(body.get("data") instanceof Map<?, ?> data)) {
      return errors(400, "no data provided");
    }
    int current = kv == null ? 0 : kv.current;
    if (body.get("options") instanceof Map<?, ?> options
        && options.get("cas") instanceof Number cas
        && cas.intValue() != current) {
      return errors(400, "check-and-set parameter did not match the current version");
    }
    Kv target = kv == null ? new Kv() : kv;
    secrets.put(key, target);
    target.current++;
    Version v = new Version(new LinkedHashMap<>((Map<String, Object>) data), clock.instant());
    target.versions.put(target.current, v);
    while (target.versions.size() > maxVersions) {
      target.versions.pollFirstEntry();
    }
    return new Answer(200, envelope(meta(target.current, v)));
  }

  @SuppressWarnings("unchecked")
  private Answer metadata(String method, String key, Kv kv, byte[] in) {
    if (method.equals("GET")) {
      if (kv == null) {
        return errors(404);
      }
      Map<String, Object> versions = new LinkedHashMap<>();
      kv.versions.forEach((n, v) -> versions.put(Integer.toString(n), meta(n, v)));
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("cas_required", false);
      data.put("current_version", kv.current);
      data.put("custom_metadata", kv.customMetadata.isEmpty() ? null : kv.customMetadata);
      data.put("delete_version_after", "0s");
      data.put("max_versions", 0);
      data.put("oldest_version", kv.versions.isEmpty() ? 0 : kv.versions.firstKey());
      data.put("versions", versions);
      return new Answer(200, envelope(data));
    }
    if (method.equals("POST") || method.equals("PUT")) {
      Kv target = kv == null ? new Kv() : kv;
      secrets.put(key, target);
      if (body(in).get("custom_metadata") instanceof Map<?, ?> custom) {
        target.customMetadata.clear();
        target.customMetadata.putAll((Map<String, String>) custom);
      }
      return new Answer(204, null);
    }
    secrets.remove(key);
    return new Answer(204, null);
  }

  private static Map<String, Object> meta(int n, Version v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("created_time", v.created.toString());
    m.put("custom_metadata", null);
    m.put("deletion_time", v.deleted == null ? "" : v.deleted.toString());
    m.put("destroyed", false);
    m.put("version", n);
    return m;
  }

  private static Map<String, Object> envelope(Object data) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("request_id", UUID.randomUUID().toString());
    m.put("lease_id", "");
    m.put("renewable", false);
    m.put("lease_duration", 0);
    m.put("data", data);
    m.put("wrap_info", null);
    m.put("warnings", null);
    m.put("auth", null);
    return m;
  }

  /** Adds a KV v2 mount. */
  public synchronized void mount(String mount) {
    mounts.add(mount);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
