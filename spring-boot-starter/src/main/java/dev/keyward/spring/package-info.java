/**
 * Spring Boot auto-configuration for keyward: the {@code Unkey} client from {@code keyward.*}
 * properties, the API key filter, Spring Security authentication from verified keys, a health
 * indicator and Micrometer metrics. Everything here is non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package dev.keyward.spring;

import org.jspecify.annotations.NullMarked;
