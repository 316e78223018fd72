package dev.keyward.spring;

import dev.keyward.servlet.DegradedPolicy;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One protected path pattern and what it asks of a key. */
public class RouteProperties {
  /** Path pattern: /exact, /prefix/* or *.ext. */
  private String pattern = "/*";

  /** Permission query, e.g. "documents.read AND documents.write". */
  private @Nullable String permissions;

  /** Analytics tags sent with each verification. */
  private List<String> tags = new ArrayList<>();

  /** Credits to spend per request. */
  private @Nullable Long cost;

  /** Named rate limits to check per request. */
  private List<String> ratelimits = new ArrayList<>();

  /** This route's policy when Unkey cannot answer; unset: keyward.filter.degraded.policy. */
  private @Nullable DegradedPolicy degradedPolicy;

  /** Creates a route for every path. */
  public RouteProperties() {}

  /** Path pattern. */
  public String getPattern() {
    return pattern;
  }

  /** Sets the path pattern. */
  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  /** Permission query. */
  public @Nullable String getPermissions() {
    return permissions;
  }

  /** Sets the permission query. */
  public void setPermissions(@Nullable String permissions) {
    this.permissions = permissions;
  }

  /** Tags. */
  public List<String> getTags() {
    return tags;
  }

  /** Sets the tags. */
  public void setTags(List<String> tags) {
    this.tags = tags;
  }

  /** Cost. */
  public @Nullable Long getCost() {
    return cost;
  }

  /** Sets the cost. */
  public void setCost(@Nullable Long cost) {
    this.cost = cost;
  }

  /** Rate limit names. */
  public List<String> getRatelimits() {
    return ratelimits;
  }

  /** Sets the rate limit names. */
  public void setRatelimits(List<String> ratelimits) {
    this.ratelimits = ratelimits;
  }

  /** This route's degraded policy, or null for the filter's. */
  public @Nullable DegradedPolicy getDegradedPolicy() {
    return degradedPolicy;
  }

  /** Sets this route's degraded policy. */
  public void setDegradedPolicy(@Nullable DegradedPolicy degradedPolicy) {
    this.degradedPolicy = degradedPolicy;
  }
}
