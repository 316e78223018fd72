package dev.keyward.logging;

import dev.keyward.apilisting.ApiListingCheck;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** keyward-logging's exported API matches logging/api/keyward-logging.api (STYLE.md 10). */
class ApiListingTest {
  @Test
  void publicApiMatchesCheckedInListing() throws IOException {
    ApiListingCheck.fromSystemProperties().run();
  }
}
