package dev.keyward.http;

import dev.keyward.BadRequestException;
import dev.keyward.ConflictException;
import dev.keyward.ForbiddenException;
import dev.keyward.GoneException;
import dev.keyward.InsufficientPermissionsException;
import dev.keyward.NotFoundException;
import dev.keyward.PreconditionFailedException;
import dev.keyward.Problem;
import dev.keyward.RateLimitedException;
import dev.keyward.ServerException;
import dev.keyward.UnauthorizedException;
import dev.keyward.UnexpectedStatusException;
import dev.keyward.UnkeyException;
import dev.keyward.http.internal.ErrorCodec;
import dev.keyward.permission.Operation;
import dev.keyward.permission.PermissionQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the exception for an error answer: by the error {@code type} URL first, the status
 * second.
 */
final class ErrorMapper {
  private static final Pattern PERMISSION =
      Pattern.compile(
          "(?<![\\w.*:-])(?:api|ratelimit|identity|rbac|keyward)\\.[A-Za-z0-9_*]+\\.[a-z_]+(?![\\w.*])");

  private enum Kind {
    BAD_REQUEST,
    UNAUTHORIZED,
    FORBIDDEN,
    INSUFFICIENT,
    NOT_FOUND,
    CONFLICT,
    GONE,
    PRECONDITION,
    RATE_LIMITED,
    SERVER,
    UNEXPECTED
  }

  private ErrorMapper() {}

  static UnkeyException map(
      Operation op, Problem problem, @Nullable String resourceId, @Nullable Duration retryAfter) {
    Kind kind = byType(problem.type());
    if (kind == null) {
      kind = byStatus(problem.status());
    }
    switch (kind) {
      case BAD_REQUEST:
        return new BadRequestException(
            op, problem, "the server rejected the request as invalid; see errors()");
      case UNAUTHORIZED:
        return new UnauthorizedException(
            op, problem, "the root key is unknown, expired or deleted");
      case INSUFFICIENT:
        return new InsufficientPermissionsException(
            op,
            problem,
            "the root key lacks the permissions this call needs; see missing()",
            missing(op, problem, resourceId));
      case FORBIDDEN:
        return new ForbiddenException(
            op,
            problem,
            "the call is forbidden (e.g. the root key or workspace is disabled, or the resource is"
                + " protected)");
      case NOT_FOUND:
        return new NotFoundException(op, problem, ErrorCodec.notFoundExplanation(op));
      case CONFLICT:
        return new ConflictException(
            op, problem, "the resource already exists or conflicts with another");
      case GONE:
        return new GoneException(op, problem, "the resource no longer exists");
      case PRECONDITION:
        return new PreconditionFailedException(
            op,
            problem,
            "a precondition failed (e.g. the feature is not configured on this server)");
      case RATE_LIMITED:
        return new RateLimitedException(
            op,
            problem,
            "the workspace or root key is rate limited; nothing was applied",
            retryAfter);
      case SERVER:
        return new ServerException(op, problem, "the server failed to handle the request");
      default:
        return new UnexpectedStatusException(
            op, problem, "the server answered with an unexpected status");
    }
  }

  private static @Nullable Kind byType(@Nullable String type) {
    if (type == null || type.isEmpty()) {
      return null;
    }
    String lowerType = type.toLowerCase(Locale.ROOT);
    int slash = lowerType.lastIndexOf('/');
    String specific = slash >= 0 ? lowerType.substring(slash + 1) : lowerType;
    if (specific.equals("insufficient_permissions")) {
      return Kind.INSUFFICIENT;
    }
    if (lowerType.contains("/authentication/")) {
      return specific.equals("missing") || specific.equals("malformed")
          ? Kind.BAD_REQUEST
          : Kind.UNAUTHORIZED;
    }
    if (lowerType.contains("/authorization/") || specific.equals("protected_resource")) {
      return Kind.FORBIDDEN;
    }
    if (specific.endsWith("not_found")) {
      return Kind.NOT_FOUND;
    }
    if (specific.endsWith("already_exists")
        || specific.contains("conflict")
        || specific.contains("duplicate")) {
      return Kind.CONFLICT;
    }
    if (lowerType.contains("/too_many_requests/") || specific.equals("rate_limited")) {
      return Kind.RATE_LIMITED;
    }
    if (lowerType.contains("/bad_request/") || specific.equals("invalid_input")) {
      return Kind.BAD_REQUEST;
    }
    if (specific.contains("precondition") || specific.endsWith("not_configured")) {
      return Kind.PRECONDITION;
    }
    if (specific.equals("gone") || specific.endsWith("_gone")) {
      return Kind.GONE;
    }
    return null;
  }

  private static Kind byStatus(int status) {
    switch (status) {
      case 400:
        return Kind.BAD_REQUEST;
      case 401:
        return Kind.UNAUTHORIZED;
      case 403:
        return Kind.FORBIDDEN;
      case 404:
        return Kind.NOT_FOUND;
      case 409:
        return Kind.CONFLICT;
      case 410:
        return Kind.GONE;
      case 412:
        return Kind.PRECONDITION;
      case 429:
        return Kind.RATE_LIMITED;
      case 500:
      case 502:
      case 504:
        return Kind.SERVER;
      default:
        return Kind.UNEXPECTED;
    }
  }

  /** What the server's detail names, else keyward's operation table. */
  static @Nullable PermissionQuery missing(
      Operation op, Problem problem, @Nullable String resourceId) {
    String detail = problem.detail();
    if (detail != null) {
      List<PermissionQuery> named = new ArrayList<>();
      Matcher m = PERMISSION.matcher(detail);
      while (m.find()) {
        try {
          PermissionQuery q = PermissionQuery.permission(m.group());
          if (!named.contains(q)) {
            named.add(q);
          }
        } catch (IllegalArgumentException notAPermission) {
          // not a permission after all: ignore it
        }
      }
      if (named.size() == 1) {
        return named.get(0);
      }
      if (!named.isEmpty()) {
        return PermissionQuery.or(named);
      }
    }
    try {
      return op.requirement(resourceId);
    } catch (RuntimeException unknown) {
      return null;
    }
  }
}
