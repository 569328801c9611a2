package id.go.dukcapil.ikd.verification.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint answers only to the citizen's page holding the call's current token, sent as
 * {@value VideoCallResource#TOKEN_HEADER}; checked by {@link CallTokenFilter} before the method
 * runs, which a stream needs: once a text/event-stream has begun, its status can no longer say 401.
 * The path must have an {@code id} parameter.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CallTokenRequired {
}
