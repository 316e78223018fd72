package dev.keyward.permission;

import dev.keyward.permission.PermissionQuery.Kind;
import java.util.Arrays;

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
 *
 * <p>It is built for speed (a 100-character query parses well within a microsecond): the lexer
 * scans indices and creates a string only for a permission, and the operands of an {@code AND} or
 * {@code OR} gather on one stack per parse, so each node gets its flattened children array at once.
 */
final class QueryParser {
  static final int MAX_LENGTH = 1000;
  static final String EXPECT_OPERAND = "a permission or '('";
  private static final String EXPECT_CHARACTER =
      "letters, digits, '.', '_', '-', ':', '*', '/', whitespace, '(' or ')'";

  private enum Type {
    PERMISSION,
    AND,
    OR,
    LPAREN,
    RPAREN,
    EOF,
    INVALID
  }

  private final String input;
  private Type type = Type.EOF;
  private int start;
  private int end;

  /** Operands of the AND and OR nodes being parsed, innermost last. */
  private PermissionQuery[] operands = new PermissionQuery[8];

  private int operandCount;

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
          "unexpected token "
              + parser.quoted()
              + " at position "
              + parser.start
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
          "a permission must be a single token; found "
              + parser.quoted()
              + " at position "
              + parser.start,
          "the end of the permission");
    }
    if (permission.length() > MAX_LENGTH) {
      throw new PermissionQuerySyntaxException(
          "permission is longer than " + MAX_LENGTH + " characters",
          MAX_LENGTH,
          "at most " + MAX_LENGTH + " characters");
    }
  }

  static boolean isPermissionChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-'
        || c == '*'
        || c == ':'
        || c == '/';
  }

  private PermissionQuery expression() {
    PermissionQuery first = andExpression();
    if (type != Type.OR) {
      return first;
    }
    int mark = operandCount;
    stackOperand(Kind.OR, first);
    while (type == Type.OR) {
      advance();
      stackOperand(Kind.OR, andExpression());
    }
    return pop(Kind.OR, mark);
  }

  private PermissionQuery andExpression() {
    PermissionQuery first = primary();
    if (type != Type.AND) {
      return first;
    }
    int mark = operandCount;
    stackOperand(Kind.AND, first);
    while (type == Type.AND) {
      advance();
      stackOperand(Kind.AND, primary());
    }
    return pop(Kind.AND, mark);
  }

  /** Stacks an operand of a {@code kind} node, flattened as {@link PermissionQuery#and} does. */
  private void stackOperand(Kind kind, PermissionQuery operand) {
    if (operand.kind() != kind) {
      push(operand);
      return;
    }
    for (PermissionQuery child : operand.childArray()) {
      push(child);
    }
  }

  private void push(PermissionQuery operand) {
    if (operandCount == operands.length) {
      operands = Arrays.copyOf(operands, operandCount * 2);
    }
    operands[operandCount++] = operand;
  }

  /** The {@code kind} node of the operands stacked since {@code mark}, which it unstacks. */
  private PermissionQuery pop(Kind kind, int mark) {
    PermissionQuery node =
        PermissionQuery.node(kind, Arrays.copyOfRange(operands, mark, operandCount));
    operandCount = mark;
    return node;
  }

  private PermissionQuery primary() {
    switch (type) {
      case PERMISSION:
        {
          PermissionQuery leaf = PermissionQuery.leaf(input.substring(start, end));
          advance();
          return leaf;
        }
      case LPAREN:
        {
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
            "unexpected token "
                + quoted()
                + " at position "
                + start
                + ", expected permission or opening parenthesis",
            EXPECT_OPERAND);
    }
  }

  /** The error for the current token; an invalid character always wins, as in Unkey's lexer. */
  private PermissionQuerySyntaxException failure(String message, String expected) {
    if (type == Type.INVALID) {
      return new PermissionQuerySyntaxException(
          "invalid character "
              + OffendingToken.quote(input.charAt(start))
              + " at position "
              + start,
          start,
          EXPECT_CHARACTER);
    }
    return new PermissionQuerySyntaxException(message, start, expected);
  }

  private String quoted() {
    return type == Type.EOF ? "end of input" : OffendingToken.quote(input.substring(start, end));
  }

  /** Reads the token after {@link #end} into {@link #type}, {@link #start} and {@link #end}. */
  private void advance() {
    start = skipWhitespace(end);
    if (start == input.length()) {
      type = Type.EOF;
      end = start;
    } else {
      char c = input.charAt(start);
      if (isPermissionChar(c)) {
        end = endOfWord(start + 1);
        type = wordType();
      } else {
        end = start + 1;
        type = c == '(' ? Type.LPAREN : c == ')' ? Type.RPAREN : Type.INVALID;
      }
    }
  }

  private int skipWhitespace(int from) {
    int i = from;
    while (i < input.length() && isWhitespace(input.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private int endOfWord(int from) {
    int i = from;
    while (i < input.length() && isPermissionChar(input.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Keywords are case-insensitive whole words: {@code and}, {@code Or}; {@code ANDROID} is not. */
  private Type wordType() {
    int length = end - start;
    if (length == 3
        && isLetter(start, 'a')
        && isLetter(start + 1, 'n')
        && isLetter(start + 2, 'd')) {
      return Type.AND;
    }
    if (length == 2 && isLetter(start, 'o') && isLetter(start + 1, 'r')) {
      return Type.OR;
    }
    return Type.PERMISSION;
  }

  /** True if the (permission) character at {@code index} is {@code lowerCase} in either case. */
  private boolean isLetter(int index, char lowerCase) {
    // Bit 0x20 lower-cases an ASCII letter and turns no other permission character into a letter.
    return (input.charAt(index) | 0x20) == lowerCase;
  }
}
