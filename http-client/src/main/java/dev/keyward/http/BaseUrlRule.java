package dev.keyward.http;

import okhttp3.HttpUrl;

/**
 * What a base URL may be: http or https, without user info, query or fragment (they would be
 * printed in {@code toString()} and could carry a credential). Refusals never repeat the value.
 */
final class BaseUrlRule {
  static final String RULE =
      "baseUrl must be an http or https URL without user info, query or fragment";

  private BaseUrlRule() {}

  static HttpUrl parse(String baseUrl) {
    HttpUrl url = HttpUrl.parse(baseUrl);
    if (url == null) {
      throw new IllegalArgumentException(RULE);
    }
    return check(url);
  }

  static HttpUrl check(HttpUrl url) {
    if (!url.username().isEmpty()
        || !url.password().isEmpty()
        || url.query() != null
        || url.fragment() != null) {
      throw new IllegalArgumentException(RULE);
    }
    return url;
  }
}
