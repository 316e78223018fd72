package dev.keyward;

import dev.keyward.apilisting.ApiListingCheck;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** keyward-core's exported API matches core/api/keyward-core.api (STYLE.md 10). */
class ApiListingTest {
  @Test
  void publicApiMatchesCheckedInListing() throws IOException {
    ApiListingCheck.fromSystemProperties().run();
  }
}
