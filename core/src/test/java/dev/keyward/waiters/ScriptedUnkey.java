package dev.keyward.waiters;

import dev.keyward.Keys;
import dev.keyward.Unkey;
import dev.keyward.key.Secret;
import dev.keyward.model.Verification;
import dev.keyward.model.VerifyKeyRequest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * A port stub whose {@code keys().verify} answers from a script, one step per call, repeating the
 * last step when the script runs out. It records every request and the root key each call used
 * ({@code "bootstrap"} or the {@link Secret} given to {@code withRootKey}).
 */
final class ScriptedUnkey {
  final List<VerifyKeyRequest> requests = new ArrayList<>();
  final List<Object> actingAs = new ArrayList<>();
  private final Deque<Supplier<Verification>> script = new ArrayDeque<>();
  private Supplier<Verification> last = () -> answer(Verification.Code.VALID);

  /** Appends {@code times} answers with {@code code}. */
  ScriptedUnkey then(int times, Verification.Code code) {
    for (int i = 0; i < times; i++) {
      script.add(() -> answer(code));
    }
    return this;
  }

  /** Appends {@code times} calls that throw {@code failure}. */
  ScriptedUnkey thenThrow(int times, Supplier<RuntimeException> failure) {
    for (int i = 0; i < times; i++) {
      script.add(
          () -> {
            throw failure.get();
          });
    }
    return this;
  }

  static Verification answer(Verification.Code code) {
    return Verification.builder(code).requestId("req_" + code.name().toLowerCase()).build();
  }

  Unkey port() {
    return port("bootstrap");
  }

  private Unkey port(Object actor) {
    Keys keys =
        (Keys)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Keys.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("verify") && args[0] instanceof VerifyKeyRequest r) {
                    requests.add(r);
                    actingAs.add(actor);
                    if (!script.isEmpty()) {
                      last = script.poll();
                    }
                    return last.get();
                  }
                  if (method.isDefault()) {
                    return InvocationHandler.invokeDefault(proxy, method, args);
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    return (Unkey)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Unkey.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "keys":
                  return keys;
                case "withRootKey":
                  return port((Secret) args[0]);
                default:
                  throw new UnsupportedOperationException(method.getName());
              }
            });
  }
}
