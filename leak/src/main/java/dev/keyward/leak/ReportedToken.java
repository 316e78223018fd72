package dev.keyward.leak;

/** One match of a report: the token and GitHub's {@code type}, {@code url} and {@code source}. */
final class ReportedToken {
  private final String token;
  private final String type;
  private final String url;
  private final String source;

  ReportedToken(String token, String type, String url, String source) {
    this.token = token;
    this.type = type;
    this.url = url;
    this.source = source;
  }

  /** The plaintext token: hashed, shape-checked and sent to whoami, never printed. */
  String token() {
    return token;
  }

  String type() {
    return type;
  }

  String url() {
    return url;
  }

  String source() {
    return source;
  }

  @Override
  public String toString() {
    return "ReportedToken{type=" + type + ", source=" + source + ", url=" + url + "}";
  }
}
