package dev.keyward.examples.readme;

import dev.keyward.Unkey;
import dev.keyward.http.UnkeyHttpClient;
import dev.keyward.servlet.ApiKeyFilter;
import dev.keyward.servlet.DegradedPolicy;
import dev.keyward.servlet.Requirement;

/** The README's servlet-filter block. */
final class ServletSnippets {
  private ServletSnippets() {}

  static ApiKeyFilter filter() {
    // readme:begin servlet-filter
    Unkey unkey = UnkeyHttpClient.fromEnvironment(); // UNKEY_ROOT_KEY
    ApiKeyFilter filter =
        ApiKeyFilter.builder(unkey)
            .route("/documents/*", Requirement.permissions("documents.read"))
            .route("/status", Requirement.none(), DegradedPolicy.FAIL_OPEN)
            .exclude("/health")
            .build(); // register for "/*"
    // In a servlet: VerifiedKey key = (VerifiedKey) req.getAttribute(VerifiedKey.ATTRIBUTE);
    // readme:end servlet-filter
    return filter;
  }
}
