package dev.keyward.spring;

import dev.keyward.apilisting.ApiListingCheck;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * keyward-spring-boot-starter's exported API matches
 * spring-boot-starter/api/keyward-spring-boot-starter.api (STYLE.md 10).
 */
class ApiListingTest {
  @Test
  void publicApiMatchesCheckedInListing() throws IOException {
    ApiListingCheck.fromSystemProperties().run();
  }
}
