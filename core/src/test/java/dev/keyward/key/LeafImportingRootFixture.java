package dev.keyward.key;

import dev.keyward.Sleeper;

/** Positive control for ArchitectureTest: a leaf class that imports the root package. */
final class LeafImportingRootFixture {
  private LeafImportingRootFixture() {}

  static Class<?> root() {
    return Sleeper.class;
  }
}
