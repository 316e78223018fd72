package dev.keyward.benchmarks.servlet;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.lang.reflect.Proxy;

/**
 * A response the benchmarked paths never touch: every call throws, so a rejection fails the run.
 */
final class FakeResponse extends HttpServletResponseWrapper {
  FakeResponse() {
    super(
        (HttpServletResponse)
            Proxy.newProxyInstance(
                FakeResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (p, m, a) -> {
                  throw new IllegalStateException("rejected: " + m.getName());
                }));
  }
}
