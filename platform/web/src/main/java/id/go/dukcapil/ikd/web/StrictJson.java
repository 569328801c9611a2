package id.go.dukcapil.ikd.web;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The JSON every service reads from outside: nesting beyond {@value #MAX_NESTING_DEPTH} levels is
 * refused by the parser itself (no request body of the suite nests more than three), so a body
 * nested thousands deep costs nothing; and a string with a NUL character is refused with its
 * field, where it would otherwise reach PostgreSQL and fail there as a 500.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    static final int MAX_NESTING_DEPTH = 64;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH).build());
        mapper.registerModule(new SimpleModule("ikd-strict-strings").addDeserializer(String.class,
                new NoNulStrings()));
    }

    /** Jackson's own string reading, then a refusal of NUL. */
    static final class NoNulStrings extends StringDeserializer {

        private static final long serialVersionUID = 1L;

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw new ControlCharacterException(parser);
            }
            return value;
        }
    }
}
