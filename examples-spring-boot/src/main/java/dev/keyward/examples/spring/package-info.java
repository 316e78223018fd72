/** A Spring Boot application protected by keyward's starter. */
@NullMarked
package dev.keyward.examples.spring;

import org.jspecify.annotations.NullMarked;
