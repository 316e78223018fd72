package dev.keyward.model;

import dev.keyward.Sleeper;

/** Breaks "model never imports root" on purpose: the positive control of ArchitectureTest. */
public final class ModelImportingRootFixture {
  Sleeper sleeper = Sleeper.SYSTEM;
}
