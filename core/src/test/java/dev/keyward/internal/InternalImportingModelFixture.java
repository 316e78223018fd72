package dev.keyward.internal;

import dev.keyward.model.Patch;

/** Breaks "internal imports neither root nor model" on purpose: a positive control. */
public final class InternalImportingModelFixture {
  Patch<String> patch = Patch.absent();
}
