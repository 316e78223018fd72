package dev.keyward.leak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;

/** GitHub's published sample request and public keys, from test resources. */
final class GitHubSample {
  static final String KEY_ID = "bcb53661c06b4728e59d897fb6165d5c9cda0fd9cdf9d09ead458168deb7518c";
  static final String OLD_KEY_ID =
      "90a421169f0a406205f1563a953312f0be898d3c7b6c06b681aa86a874555f4a";

  private GitHubSample() {}

  static byte[] resource(String name) {
    try (InputStream in =
        Objects.requireNonNull(
            GitHubSample.class.getResourceAsStream("github-sample/" + name), name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String keysJson() {
    return new String(resource("public-keys.json"), StandardCharsets.UTF_8);
  }

  static GitHubPublicKeys keys() {
    return GitHubPublicKeys.fromJson(keysJson());
  }

  static byte[] body() {
    return resource("request-body.json");
  }

  static String header(String name) {
    Properties p = new Properties();
    try {
      p.load(new java.io.ByteArrayInputStream(resource("request-headers.properties")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Objects.requireNonNull(p.getProperty(name), name);
  }

  static String keyIdentifier() {
    return header("Github-Public-Key-Identifier");
  }

  static String signature() {
    return header("Github-Public-Key-Signature");
  }
}
