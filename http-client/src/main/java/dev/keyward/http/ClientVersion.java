package dev.keyward.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** keyward's version, read once from {@code keyward.properties} ({@code dev} when absent). */
final class ClientVersion {
  static final String VERSION = read();

  private ClientVersion() {}

  private static String read() {
    try (InputStream in = UnkeyHttpClient.class.getResourceAsStream("keyward.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && !v.isBlank() && !v.startsWith("$")) {
          return v.strip();
        }
      }
    } catch (IOException ignored) {
      // fall through to "dev"
    }
    return "dev";
  }
}
