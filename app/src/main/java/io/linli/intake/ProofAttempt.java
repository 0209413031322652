package io.linli.intake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller method that checks a secret a caller could guess by trying (查询进度: a case number
 * and the phone given with it). Made without an authenticated user, such a request counts against
 * {@code linli.intake.proof-limit} instead of the write limit ({@link AnonymousLimit}).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProofAttempt {}
