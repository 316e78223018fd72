package dev.keyward.testing;

import dev.keyward.apilisting.ApiListingCheck;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** keyward-testing's exported API matches testing/api/keyward-testing.api (STYLE.md 10). */
class ApiListingTest {
  @Test
  void publicApiMatchesCheckedInListing() throws IOException {
    ApiListingCheck.fromSystemProperties().run();
  }
}
