package dev.keyward.benchmarks.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * A response that takes what a rejection writes (status, headers, body) with plain method calls and
 * keeps the status, the headers and the body's length; every other call reaches the wrapped Proxy
 * and throws. {@link #reset()} clears it between invocations.
 */
final class RecordingResponse extends HttpServletResponseWrapper {
  private int status = 200;
  private final Map<String, String> headers = new HashMap<>();
  private long bodyBytes;
  private final ServletOutputStream out =
      new ServletOutputStream() {
        @Override
        public void write(int b) {
          bodyBytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
          bodyBytes += len;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          throw new UnsupportedOperationException("setWriteListener");
        }
      };

  RecordingResponse() {
    super(
        (HttpServletResponse)
            Proxy.newProxyInstance(
                RecordingResponse.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (p, m, a) -> {
                  throw new UnsupportedOperationException(m.getName());
                }));
  }

  void clear() {
    status = 200;
    headers.clear();
    bodyBytes = 0;
  }

  @Override
  public void resetBuffer() {
    bodyBytes = 0;
  }

  @Override
  public void setStatus(int sc) {
    status = sc;
  }

  @Override
  public int getStatus() {
    return status;
  }

  @Override
  public void setHeader(String name, String value) {
    headers.put(name, value);
  }

  @Override
  public void addHeader(String name, String value) {
    headers.merge(name, value, (a, b) -> a + ", " + b);
  }

  @Override
  public String getHeader(String name) {
    return headers.get(name);
  }

  @Override
  public void setContentType(String type) {
    headers.put("Content-Type", type);
  }

  @Override
  public void setCharacterEncoding(String charset) {}

  @Override
  public void setContentLength(int len) {
    headers.put("Content-Length", Integer.toString(len));
  }

  @Override
  public ServletOutputStream getOutputStream() {
    return out;
  }

  long bodyBytes() {
    return bodyBytes;
  }
}
