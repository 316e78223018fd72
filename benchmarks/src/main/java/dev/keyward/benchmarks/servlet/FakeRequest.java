package dev.keyward.benchmarks.servlet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A request answering only what ApiKeyFilter reads, with plain method calls (no reflection). The
 * wrapped Proxy is there because the wrapper needs a delegate; every other method reaches it and
 * throws.
 */
final class FakeRequest extends HttpServletRequestWrapper {
  private final List<String> authorization;
  private final String servletPath;
  private final Map<String, Object> attributes = new HashMap<>();

  FakeRequest(String authorization, String servletPath) {
    super(unsupported());
    this.authorization = List.of(authorization);
    this.servletPath = servletPath;
  }

  private static HttpServletRequest unsupported() {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            FakeRequest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (p, m, a) -> {
              throw new UnsupportedOperationException(m.getName());
            });
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    return "Authorization".equalsIgnoreCase(name)
        ? Collections.enumeration(authorization)
        : Collections.emptyEnumeration();
  }

  @Override
  public String getServletPath() {
    return servletPath;
  }

  @Override
  public String getPathInfo() {
    return null;
  }

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public void setAttribute(String name, Object o) {
    attributes.put(name, o);
  }
}
