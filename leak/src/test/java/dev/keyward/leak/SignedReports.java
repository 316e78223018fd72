package dev.keyward.leak;

import dev.keyward.Keys;
import dev.keyward.Unkey;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A test key pair standing in for GitHub's, reports signed with it, and a call-counting Unkey. */
final class SignedReports {
  static final String KEY_ID = "test-key-1";
  private final KeyPair pair;

  SignedReports() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      pair = g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  GitHubSignatureVerifier verifier() {
    return new GitHubSignatureVerifier(GitHubPublicKeys.of(KEY_ID, pair.getPublic()));
  }

  String sign(byte[] body) {
    try {
      Signature s = Signature.getInstance("SHA256withECDSA");
      s.initSign(pair.getPrivate());
      s.update(body);
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** A report body with one match per token. */
  static byte[] body(List<String> tokens) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < tokens.size(); i++) {
      b.append(i == 0 ? "" : ",")
          .append("{\"token\":\"")
          .append(tokens.get(i))
          .append("\",\"type\":\"acme_api_key\",\"url\":\"https://github.com/o/r/blob/abc/f.txt\",")
          .append("\"source\":\"content\"}");
    }
    return b.append("]").toString().getBytes(StandardCharsets.UTF_8);
  }

  ReceiverResponse send(SecretScanningReceiver receiver, byte[] body) {
    return receiver.receive(body, KEY_ID, sign(body));
  }

  /** Counts calls to {@code keys().<method>} by method name. */
  static class Counting {
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final Unkey unkey;

    Counting(Unkey real) {
      Keys keys =
          (Keys)
              Proxy.newProxyInstance(
                  Keys.class.getClassLoader(),
                  new Class<?>[] {Keys.class},
                  (proxy, m, args) -> {
                    calls.computeIfAbsent(m.getName(), k -> new AtomicInteger()).incrementAndGet();
                    beforeKeysCall(m.getName());
                    try {
                      return m.invoke(real.keys(), args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
      unkey =
          (Unkey)
              Proxy.newProxyInstance(
                  Unkey.class.getClassLoader(),
                  new Class<?>[] {Unkey.class},
                  (proxy, m, args) -> {
                    if (m.getName().equals("keys")) {
                      return keys;
                    }
                    try {
                      return m.invoke(real, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
    }

    void beforeKeysCall(String method) throws Exception {}

    int count(String method) {
      AtomicInteger n = calls.get(method);
      return n == null ? 0 : n.get();
    }
  }
}
