/**
 * Test doubles for keyward: {@link dev.keyward.testing.InMemoryUnkey}, a stateful in-process Unkey
 * workspace; {@link dev.keyward.testing.FakeUnkeyServer}, the same workspace on loopback HTTP with
 * fault injection; {@link dev.keyward.testing.TestClock}; and the JUnit 5 {@link
 * dev.keyward.testing.UnkeyExtension}.
 */
@NullMarked
package dev.keyward.testing;

import org.jspecify.annotations.NullMarked;
