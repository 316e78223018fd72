package dev.keyward.canary;

import dev.keyward.key.KeyFormat;
import dev.keyward.key.Secret;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A real-looking key generated for one run, and the strings whose appearance anywhere betrays it:
 * the whole key, the part after Unkey's {@code start} (what a mask must hide), and every
 * 12-character window of that part (what a truncated body or a cut log line would still give away).
 */
final class Canary {
  static final int FRAGMENT = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String label;
  private final Secret key;
  private final String tail;
  private final List<String> fragments;

  private Canary(String label, Secret key) {
    this.label = Objects.requireNonNull(label, "label == null");
    this.key = key;
    String value = key.reveal();
    this.tail = value.substring(KeyFormat.start(value).length());
    if (tail.length() < FRAGMENT) {
      throw new IllegalArgumentException(
          "a canary needs at least " + FRAGMENT + " hidden characters");
    }
    List<String> f = new ArrayList<>();
    for (int i = 0; i + FRAGMENT <= tail.length(); i++) {
      f.add(tail.substring(i, i + FRAGMENT));
    }
    this.fragments = List.copyOf(f);
  }

  /** A fresh key {@code prefix_base58} (or bare base58 when {@code prefix} is null). */
  static Canary generate(String label, @Nullable String prefix) {
    return new Canary(label, KeyFormat.generate(prefix, KeyFormat.DEFAULT_BYTE_LENGTH, RANDOM));
  }

  /** A key someone else issued (the fake server, the rotation engine). */
  static Canary of(String label, String key) {
    return new Canary(label, Secret.of(key));
  }

  String label() {
    return label;
  }

  Secret secret() {
    return key;
  }

  String value() {
    return key.reveal();
  }

  String tail() {
    return tail;
  }

  List<String> fragments() {
    return fragments;
  }

  @Override
  public String toString() {
    return "Canary{" + label + "=" + key + "}";
  }
}
