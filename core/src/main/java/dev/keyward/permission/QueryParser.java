package dev.keyward.permission;

/**
 * Recursive-descent parser for Unkey's permission query language, mirroring Unkey's Go lexer and
 * parser ({@code pkg/rbac/lexer.go}, {@code parser.go}) token for token, so that it accepts and
 * rejects the same inputs and reports the same positions.
 *
 * <pre>
 * expression    = andExpression { OR andExpression }
 * andExpression = primary { AND primary }
 * primary       = PERMISSION | "(" expression ")"
 * </pre>
 */
final class QueryParser {
  static final int MAX_LENGTH = 1000;
  static final String EXPECT_OPERAND = "a permission or '('";
  private static final String EXPECT_CHARACTER =
      "letters, digits, '.', '_', '-', ':', '*', '/', whitespace, '(' or ')'";

  private enum Type { PERMISSION, AND, OR, LPAREN, RPAREN, EOF, INVALID }

  private final String input;
  private int next;
  private Type type = Type.EOF;
  private int start;
  private int end;

  private QueryParser(String input) {
    this.input = input;
  }

  static PermissionQuery parse(String input) {
    if (input.length() > MAX_LENGTH) {
      throw new PermissionQuerySyntaxException(
          "query is longer than " + MAX_LENGTH + " characters at position " + MAX_LENGTH,
          MAX_LENGTH,
          "at most " + MAX_LENGTH + " characters");
    }
    QueryParser parser = new QueryParser(input);
    parser.advance();
    if (parser.type == Type.EOF) {
      throw new PermissionQuerySyntaxException(
          "empty query: query contains no tokens besides EOF", parser.start, EXPECT_OPERAND);
    }
    PermissionQuery query = parser.expression();
    if (parser.type != Type.EOF) {
      throw parser.failure(
          "unexpected token " + parser.quoted() + " at position " + parser.start
              + " after parsing completed",
          "AND, OR or the end of the query");
    }
    return query;
  }

  /** Checks that {@code permission} is exactly one permission token (not a keyword). */
  static void checkPermission(String permission) {
    QueryParser parser = new QueryParser(permission);
    parser.advance();
    if (parser.type == Type.EOF) {
      throw new PermissionQuerySyntaxException("empty permission", 0, EXPECT_OPERAND);
    }
    if (parser.type != Type.PERMISSION || parser.start != 0) {
      throw parser.failure(
          "not a permission: " + parser.quoted() + " at position " + parser.start, EXPECT_OPERAND);
    }
    int tokenEnd = parser.end;
    parser.advance();
    if (tokenEnd != permission.length() || parser.type != Type.EOF) {
      throw parser.failure(
          "a permission must be a single token; found " + parser.quoted() + " at position "
              + parser.start,
          "the end of the permission");
    }
    if (permission.length() > MAX_LENGTH) {
      throw new PermissionQuerySyntaxException(
          "permission is longer than " + MAX_LENGTH + " characters", MAX_LENGTH,
          "at most " + MAX_LENGTH + " characters");
    }
  }

  static boolean isPermissionChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.' || c == '_' || c == '-' || c == '*' || c == ':' || c == '/';
  }

  private PermissionQuery expression() {
    PermissionQuery left = andExpression();
    while (type == Type.OR) {
      advance();
      left = PermissionQuery.or(left, andExpression());
    }
    return left;
  }

  private PermissionQuery andExpression() {
    PermissionQuery left = primary();
    while (type == Type.AND) {
      advance();
      left = PermissionQuery.and(left, primary());
    }
    return left;
  }

  private PermissionQuery primary() {
    switch (type) {
      case PERMISSION: {
        PermissionQuery leaf = PermissionQuery.leaf(input.substring(start, end));
        advance();
        return leaf;
      }
      case LPAREN: {
        advance();
        if (type == Type.RPAREN) {
          throw new PermissionQuerySyntaxException(
              "empty parentheses at position " + start, start, EXPECT_OPERAND);
        }
        PermissionQuery inner = expression();
        if (type != Type.RPAREN) {
          throw failure(
              "missing closing parenthesis at position " + start + ", found " + quoted(), "')'");
        }
        advance();
        return inner;
      }
      case EOF:
        throw new PermissionQuerySyntaxException(
            "reached end of input while expecting a permission or opening parenthesis",
            start,
            EXPECT_OPERAND);
      default:
        throw failure(
            "unexpected token " + quoted() + " at position " + start
                + ", expected permission or opening parenthesis",
            EXPECT_OPERAND);
    }
  }

  /** The error for the current token; an invalid character always wins, as in Unkey's lexer. */
  private PermissionQuerySyntaxException failure(String message, String expected) {
    if (type == Type.INVALID) {
      return new PermissionQuerySyntaxException(
          "invalid character " + OffendingToken.quote(input.charAt(start)) + " at position " + start,
          start,
          EXPECT_CHARACTER);
    }
    return new PermissionQuerySyntaxException(message, start, expected);
  }

  private String quoted() {
    return type == Type.EOF ? "end of input" : OffendingToken.quote(input.substring(start, end));
  }

  private void advance() {
    int length = input.length();
    while (next < length) {
      char c = input.charAt(next);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        break;
      }
      next++;
    }
    start = next;
    if (next >= length) {
      type = Type.EOF;
      end = next;
      return;
    }
    char c = input.charAt(next);
    if (c == '(' || c == ')') {
      type = c == '(' ? Type.LPAREN : Type.RPAREN;
      end = ++next;
      return;
    }
    if (!isPermissionChar(c)) {
      type = Type.INVALID;
      end = ++next;
      return;
    }
    while (next < length && isPermissionChar(input.charAt(next))) {
      next++;
    }
    end = next;
    int n = end - start;
    if (n == 3 && input.regionMatches(true, start, "AND", 0, 3)) {
      type = Type.AND;
    } else if (n == 2 && input.regionMatches(true, start, "OR", 0, 2)) {
      type = Type.OR;
    } else {
      type = Type.PERMISSION;
    }
  }
}
