package io.linli.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller method that anyone may read without an account and that costs more than a lookup
 * (the 公示: rankings over a quarter, a report rendered as PDF). Made without an authenticated user,
 * such a request counts against {@code linli.intake.public-read-limit} per client address and
 * window ({@link AnonymousLimit}), GET or not.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface PublicRead {}
