package dev.keyward.servlet;

import dev.keyward.Keys;
import dev.keyward.Unkey;
import dev.keyward.model.Verification;
import dev.keyward.model.VerifyKeyRequest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An {@link Unkey} whose {@code keys().verify} answers from a script, for exercising every code and
 * failure exactly; every other operation throws. Built as a proxy so it keeps compiling as the port
 * grows.
 */
final class ScriptedUnkey {
  final List<VerifyKeyRequest> requests = new CopyOnWriteArrayList<>();
  volatile Function<VerifyKeyRequest, Verification> script =
      r -> Verification.builder(Verification.Code.VALID).keyId("key_1").build();
  final Unkey unkey;

  ScriptedUnkey() {
    InvocationHandler keysHandler =
        (proxy, method, args) -> {
          if (method.getName().equals("verify")
              && method.getParameterTypes()[0] == VerifyKeyRequest.class) {
            VerifyKeyRequest request = (VerifyKeyRequest) args[0];
            requests.add(request);
            return script.apply(request);
          }
          if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
          }
          if (method.getName().equals("toString")) {
            return "ScriptedKeys";
          }
          throw new UnsupportedOperationException(method.getName());
        };
    Keys keys =
        (Keys)
            Proxy.newProxyInstance(
                Keys.class.getClassLoader(), new Class<?>[] {Keys.class}, keysHandler);
    unkey =
        (Unkey)
            Proxy.newProxyInstance(
                Unkey.class.getClassLoader(),
                new Class<?>[] {Unkey.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("keys")) {
                    return keys;
                  }
                  if (method.getName().equals("toString")) {
                    return "ScriptedUnkey";
                  }
                  if (method.isDefault()) {
                    return InvocationHandler.invokeDefault(proxy, method, args);
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
  }

  void answer(Verification v) {
    script = r -> v;
  }

  void fail(RuntimeException e) {
    script =
        r -> {
          throw e;
        };
  }
}
