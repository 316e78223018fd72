package dev.keyward.vault;

import dev.keyward.rotation.SecretStoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.vault.VaultException;
import org.springframework.vault.client.VaultClient;
import org.springframework.vault.client.VaultClientResponseException;
import org.springframework.web.client.RestClientException;

/**
 * The two KV v2 calls the store makes, {@code GET <mount>/data/<path>[?version=N]} and {@code POST
 * <mount>/data/<path>} with {@code options.cas}, through Spring Vault's {@link VaultClient};
 * Vault's refusals become typed errors that name the mount and path, never a value or a credential.
 */
final class KvClient {
  private static final ParameterizedTypeReference<Map<String, Object>> JSON =
      new ParameterizedTypeReference<>() {};

  /** A KV version's data ({@code null}: no such secret, or the version was deleted). */
  record Doc(int version, @Nullable Map<String, Object> data) {}

  /** Vault refused a write whose {@code cas} is no longer the current version. */
  static final class CasMismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CasMismatch() {
      super("check-and-set parameter did not match the current version", null, false, false);
    }
  }

  private final VaultClient client;
  private final Session session;
  final String mount;

  KvClient(VaultClient client, Session session, String mount) {
    this.client = client;
    this.session = session;
    this.mount = mount;
  }

  /**
   * The data of {@code path} at {@code version} (0: the latest). An absent secret or version reads
   * as {@code Doc(0, null)}; a deleted or destroyed one as {@code Doc(version, null)}.
   */
  Doc read(String path, int version) {
    String uri = mount + "/data/" + path + (version > 0 ? "?version=" + version : "");
    return call(
        "read",
        path,
        () -> {
          try {
            Map<String, Object> body =
                client.get().path(uri).token(session.getSessionToken()).retrieve().body(JSON);
            return doc(body);
          } catch (VaultClientResponseException e) {
            if (e.getStatusCode().value() == 404 && !noMount(e)) {
              // Vault answers a deleted version with its metadata, an unknown one with no data
              Map<String, Object> body = e.getResponseBodyAs(JSON);
              return body == null ? new Doc(0, null) : new Doc(doc(body).version(), null);
            }
            throw e;
          }
        });
  }

  /**
   * Writes {@code data} as the next version if the current version is {@code cas} (0: if there is
   * none); returns the new version.
   *
   * @throws CasMismatch if another write came first
   */
  int write(String path, Map<String, Object> data, int cas) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("options", Map.of("cas", cas));
    request.put("data", data);
    return call(
        "write",
        path,
        () -> {
          Map<String, Object> body =
              client
                  .post()
                  .path(mount + "/data/" + path)
                  .token(session.getSessionToken())
                  .body(request)
                  .retrieve()
                  .body(JSON);
          Object d = body == null ? null : body.get("data");
          if (d instanceof Map<?, ?> meta && meta.get("version") instanceof Number n) {
            return n.intValue();
          }
          throw new IllegalStateException(
              "Vault answered a write of " + where(path) + " without a version");
        });
  }

  private <T> T call(String operation, String path, Supplier<T> request) {
    for (int attempt = 0; ; attempt++) {
      try {
        return request.get();
      } catch (VaultClientResponseException e) {
        int status = e.getStatusCode().value();
        if (status == 403 && attempt == 0 && session.invalidate()) {
          continue; // an expired AppRole token: log in again once
        }
        throw refusal(operation, path, status, e);
      } catch (VaultException | RestClientException e) {
        throw new UncheckedIOException(
            new IOException(
                "Vault could not be reached for a "
                    + operation
                    + " of "
                    + where(path)
                    + " ("
                    + e.getClass().getSimpleName()
                    + ")"));
      }
    }
  }

  private RuntimeException refusal(
      String operation, String path, int status, VaultClientResponseException e) {
    String body = e.getResponseBodyAsString();
    if (status == 400 && body.contains("check-and-set parameter did not match")) {
      return new CasMismatch();
    }
    if (status == 404 && noMount(e)) {
      return new SecretStoreException(
          SecretStoreException.Reason.NOT_FOUND,
          "Vault has no secrets engine mounted at "
              + mount
              + "/ (a "
              + operation
              + " of "
              + where(path)
              + ")",
          null);
    }
    if (status == 403 || status == 401) {
      return new SecretStoreException(
          SecretStoreException.Reason.PERMISSION_DENIED,
          "Vault denied the "
              + operation
              + " of "
              + where(path)
              + " (HTTP "
              + status
              + "): the token ("
              + session.describe()
              + ") lacks the policy's capability on "
              + mount
              + "/data/"
              + path
              + ", or it expired or was revoked",
          null);
    }
    return new IllegalStateException(
        "Vault answered HTTP " + status + " to a " + operation + " of " + where(path));
  }

  /** The object a message names: {@code mount <m>, path <p>}. */
  String where(String path) {
    return "mount " + mount + ", path " + path;
  }

  private static boolean noMount(VaultClientResponseException e) {
    return e.getResponseBodyAsString().contains("no handler for route");
  }

  private static Doc doc(@Nullable Map<String, Object> body) {
    Object d = body == null ? null : body.get("data");
    if (!(d instanceof Map<?, ?> outer)) {
      return new Doc(0, null);
    }
    int version = 0;
    if (outer.get("metadata") instanceof Map<?, ?> meta
        && meta.get("version") instanceof Number n) {
      version = n.intValue();
    }
    Map<String, Object> data = null;
    if (outer.get("data") instanceof Map<?, ?> inner) {
      data = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : inner.entrySet()) {
        data.put(String.valueOf(entry.getKey()), entry.getValue());
      }
    }
    return new Doc(version, data);
  }
}
