package dev.keyward.http;

import dev.keyward.apilisting.ApiListingCheck;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * keyward-http-client's exported API matches http-client/api/keyward-http-client.api (STYLE.md 10).
 */
class ApiListingTest {
  @Test
  void publicApiMatchesCheckedInListing() throws IOException {
    ApiListingCheck.fromSystemProperties().run();
  }
}
