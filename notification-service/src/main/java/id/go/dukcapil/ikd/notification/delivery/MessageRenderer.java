package id.go.dukcapil.ikd.notification.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.dukcapil.ikd.events.NotificationChannel;
import id.go.dukcapil.ikd.notification.config.NotificationConfig;
import id.go.dukcapil.ikd.notification.domain.Notification;
import id.go.dukcapil.ikd.notification.mapping.TemplateModels;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * Renders a stored message with its Qute templates in the citizen's language: email as plain
 * text and HTML (HTML-escaped), SMS as one line. Sealed secrets are opened here, at send time,
 * so the PIN exists in clear only in memory for the length of one attempt.
 */
@ApplicationScoped
public class MessageRenderer {

    private static final TypeReference<Map<String, String>> MODEL = new TypeReference<>() {
    };

    private final Engine engine;
    private final ObjectMapper json;
    private final SealedSecretsOpener opener;

    private final String directoryUrl;
    private final String complaintUrl;

    @Inject
    public MessageRenderer(Engine engine, ObjectMapper json, SealedSecretsOpener opener, NotificationConfig config) {
        this(engine, json, opener, config.publicPagesUrl());
    }

    /** With the public pages' base URL given (tests that render without the service's config). */
    MessageRenderer(Engine engine, ObjectMapper json, SealedSecretsOpener opener, String publicPagesUrl) {
        this.engine = engine;
        this.json = json;
        this.opener = opener;
        String base = publicPagesUrl.replaceAll("/+$", "");
        this.directoryUrl = base + "/offices";
        this.complaintUrl = base + "/pengaduan";
    }

    public RenderedMessage render(Notification notification) {
        Map<String, Object> data = new HashMap<>(readModel(notification.content));
        Object sealed = data.remove(TemplateModels.SEALED_SECRETS);
        if (sealed != null) {
            ActivationSecrets secrets = opener.open((String) sealed);
            data.put("pin", secrets.pin());
            data.put("activationUrl", secrets.activationUrl());
        }
        Object sealedLink = data.remove(TemplateModels.SEALED_LINK);
        if (sealedLink != null) {
            data.put("deactivationUrl", opener.openDeactivationLink((String) sealedLink));
        }
        String language = notification.language;
        String subject = notification.kind.subject(language);
        data.put("subject", subject);
        // the footer's links, at send time: messages stored before they existed get them too
        data.put("directoryUrl", directoryUrl);
        data.put("complaintUrl", complaintUrl);
        data.put("language", language);
        String name = notification.kind.template() + "." + language;
        if (notification.channel == NotificationChannel.SMS) {
            return new RenderedMessage(subject, sms(name, data), null);
        }
        return new RenderedMessage(subject, render("email/" + name + ".txt", data),
                render("email/" + name + ".html", data));
    }

    /**
     * An SMS text on one line, e.g. {@code sms("verification-rejected.id", data)}. The templates keep it
     * to one GSM-7 segment (160 characters) with a usual office name and never beyond two (SmsLengthTest).
     */
    String sms(String name, Map<String, Object> data) {
        return render("sms/" + name + ".txt", data).replaceAll("\\s+", " ").trim();
    }

    private String render(String templateId, Map<String, Object> data) {
        Template template = engine.getTemplate(templateId);
        if (template == null) {
            throw new IllegalStateException("no template " + templateId);
        }
        var instance = template.instance();
        data.forEach(instance::data);
        return instance.render();
    }

    private Map<String, String> readModel(String content) {
        try {
            return json.readValue(content, MODEL);
        } catch (IOException e) {
            throw new UncheckedIOException("stored template model is not JSON", e);
        }
    }
}
