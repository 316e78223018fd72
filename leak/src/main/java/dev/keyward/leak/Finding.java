package dev.keyward.leak;

import org.jspecify.annotations.Nullable;

/** A token found live: its record, its owner and where GitHub saw it. Holds no token. */
record Finding(
    LeakRecord record,
    @Nullable String ownerExternalId,
    @Nullable String ownerIdentityId,
    String url,
    String source,
    String tokenType) {
  static Finding of(LeakRecord record, ReportedToken t) {
    return new Finding(record, null, null, t.url(), t.source(), t.type());
  }
}
