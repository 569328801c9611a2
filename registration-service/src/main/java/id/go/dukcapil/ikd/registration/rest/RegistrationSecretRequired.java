package id.go.dukcapil.ikd.registration.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint answers only to the app holding the registration's secret, sent as
 * {@value RegistrationSecretFilter#HEADER}; the path must have an {@code id} parameter.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RegistrationSecretRequired {
}
