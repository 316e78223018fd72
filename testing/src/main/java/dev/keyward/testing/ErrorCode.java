package dev.keyward.testing;

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
import dev.keyward.ValidationError;
import dev.keyward.http.internal.ErrorCodec;
import dev.keyward.permission.Operation;
import dev.keyward.permission.PermissionQuery;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Unkey's error codes as the fakes answer them: the type URL is {@code
 * https://unkey.com/docs/errors/} plus the code's path, the status is the one Unkey's {@code
 * codes.HTTPStatus} assigns.
 */
enum ErrorCode {
  MISSING_AUTHORIZATION("unkey/authentication/missing", 400, "Bad Request"),
  MALFORMED_AUTHORIZATION("unkey/authentication/malformed", 400, "Bad Request"),
  INVALID_INPUT("unkey/application/invalid_input", 400, "Bad Request"),
  PERMISSIONS_QUERY_SYNTAX("user/bad_request/permissions_query_syntax_error", 400, "Bad Request"),
  UNREADABLE_BODY("user/bad_request/request_body_unreadable", 400, "Bad Request"),
  /**
   * Unkey's spec documents no 413; its error codes have {@code request_body_too_large}, answered
   * with the BaseError envelope every other error uses.
   */
  REQUEST_BODY_TOO_LARGE("user/bad_request/request_body_too_large", 413, "Content Too Large"),
  ROOT_KEY_NOT_FOUND("unkey/authentication/key_not_found", 401, "Unauthorized"),
  INSUFFICIENT_PERMISSIONS("unkey/authorization/insufficient_permissions", 403, "Forbidden"),
  KEY_DISABLED("unkey/authorization/key_disabled", 403, "Forbidden"),
  FORBIDDEN("unkey/authorization/forbidden", 403, "Forbidden"),
  KEY_NOT_FOUND("unkey/data/key_not_found", 404, "Not Found"),
  API_NOT_FOUND("unkey/data/api_not_found", 404, "Not Found"),
  KEY_SPACE_NOT_FOUND("unkey/data/key_space_not_found", 404, "Not Found"),
  MIGRATION_NOT_FOUND("unkey/data/migration_not_found", 404, "Not Found"),
  PERMISSION_NOT_FOUND("unkey/data/permission_not_found", 404, "Not Found"),
  ROLE_NOT_FOUND("unkey/data/role_not_found", 404, "Not Found"),
  IDENTITY_NOT_FOUND("unkey/data/identity_not_found", 404, "Not Found"),
  NAMESPACE_NOT_FOUND("unkey/data/ratelimit_namespace_not_found", 404, "Not Found"),
  OVERRIDE_NOT_FOUND("unkey/data/ratelimit_override_not_found", 404, "Not Found"),
  ROUTE_NOT_FOUND("unkey/data/resource_not_found", 404, "Not Found"),
  PERMISSION_DUPLICATE("unkey/data/permission_already_exists", 409, "Conflict"),
  ROLE_DUPLICATE("unkey/data/role_already_exists", 409, "Conflict"),
  IDENTITY_DUPLICATE("unkey/data/identity_already_exists", 409, "Conflict"),
  NAMESPACE_GONE("unkey/data/ratelimit_namespace_gone", 410, "Gone"),
  PROTECTED_RESOURCE("unkey/application/protected_resource", 412, "Precondition Failed"),
  PRECONDITION_FAILED("unkey/application/precondition_failed", 412, "Precondition Failed"),
  ANALYTICS_NOT_CONFIGURED("unkey/data/analytics_not_configured", 412, "Precondition Failed"),
  WORKSPACE_RATE_LIMITED("user/too_many_requests/workspace_rate_limited", 429, "Too Many Requests"),
  UNEXPECTED("unkey/application/unexpected_error", 500, "Internal Server Error"),
  SERVICE_UNAVAILABLE("unkey/application/service_unavailable", 503, "Service Unavailable");

  private static final String BASE = "https://unkey.com/docs/errors/";

  private final String type;
  private final int status;
  private final String title;

  ErrorCode(String path, int status, String title) {
    this.type = BASE + path;
    this.status = status;
    this.title = title;
  }

  String type() {
    return type;
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }

  /** The exception the port throws for this code. */
  UnkeyException exception(Operation op, String detail, String requestId) {
    return exception(op, detail, requestId, List.of(), null);
  }

  UnkeyException exception(
      Operation op,
      String detail,
      String requestId,
      List<ValidationError> errors,
      @Nullable PermissionQuery missing) {
    Problem problem = new Problem(status, type, title, detail, requestId, errors);
    String why =
        "the fake answered "
            + name().toLowerCase(java.util.Locale.ROOT)
            + (status == 404 ? ": " + ErrorCodec.notFoundExplanation(op) : "");
    switch (status) {
      case 400:
        return new BadRequestException(op, problem, why);
      case 401:
        return new UnauthorizedException(op, problem, why);
      case 403:
        return this == INSUFFICIENT_PERMISSIONS
            ? new InsufficientPermissionsException(op, problem, why, missing)
            : new ForbiddenException(op, problem, why);
      case 404:
        return new NotFoundException(op, problem, why);
      case 409:
        return new ConflictException(op, problem, why);
      case 410:
        return new GoneException(op, problem, why);
      case 412:
        // keyward maps by type first: a protected resource is a ForbiddenException, as the client
        // reads it
        return this == PROTECTED_RESOURCE
            ? new ForbiddenException(op, problem, why)
            : new PreconditionFailedException(op, problem, why);
      case 429:
        return new RateLimitedException(op, problem, why, null);
      case 500:
        return new ServerException(op, problem, why);
      default:
        return new UnexpectedStatusException(op, problem, why);
    }
  }
}
