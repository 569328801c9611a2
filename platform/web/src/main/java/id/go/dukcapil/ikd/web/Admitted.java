package id.go.dukcapil.ikd.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose requests pass the {@link AdmissionGate} of that name before they
 * run, and hold their place until the response is sent ({@link AdmissionFilter}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Admitted {

    /** The gate's name, configured under {@code ikd.admission."name".*}. */
    String value();
}
