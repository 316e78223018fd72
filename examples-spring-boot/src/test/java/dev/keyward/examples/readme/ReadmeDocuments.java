package dev.keyward.examples.readme;

import java.security.Principal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The README's Spring Security block: method security over a verified API key. It lives outside
 * {@code dev.keyward.examples.spring}, so the example application's component scan never picks it
 * up; the examples module's README test compares it with the README.
 */
@RestController
class ReadmeDocuments {
  // readme:begin spring-preauthorize
  @PreAuthorize("@keyward.has('documents.write')") // or hasAuthority('documents.write')
  @GetMapping("/documents/write")
  String write(Principal key) {
    return "written by " + key.getName();
  }
  // readme:end spring-preauthorize
}
