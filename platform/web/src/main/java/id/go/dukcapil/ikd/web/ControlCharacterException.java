package id.go.dukcapil.ikd.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON string held a NUL character: refused before it reaches a database that cannot store it. */
final class ControlCharacterException extends MismatchedInputException {

    private static final long serialVersionUID = 1L;

    ControlCharacterException(JsonParser parser) {
        super(parser, "control character in a string", String.class);
    }
}
