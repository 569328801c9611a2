package id.go.dukcapil.ikd.notification.service;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A template model as a notification stores it ({@code content}), to be rendered at send time. */
final class StoredModels {

    private StoredModels() {
    }

    static String write(ObjectMapper json, Map<String, String> model) {
        try {
            return json.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template model not serialisable", e);
        }
    }
}
