package id.go.dukcapil.ikd.web;

import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The first route of every service. Every answer carries {@code X-Content-Type-Options: nosniff}
 * (a JSON or problem answer is never run as a script or a page). A URL longer than
 * {@code ikd.web.max-uri-length} or headers bigger than {@code ikd.web.max-header-size} are
 * refused here as problem+json ({@code URI_TOO_LONG} 414, {@code HEADERS_TOO_LARGE} 431), before
 * any work. The HTTP codec's own limits ({@code quarkus.http.limits.max-initial-line-length},
 * {@code max-header-size}) sit above these: beyond them Vert.x answers 414/431 with no body, as
 * Quarkus offers no hook there (quarkus#55082).
 */
@ApplicationScoped
public class HttpEdge {

    static final String NOSNIFF = "nosniff";
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(HttpEdge.class);

    private final ObjectMapper json;
    private final int maxUriLength;
    private final int maxHeaderSize;

    public HttpEdge(ObjectMapper json,
            @ConfigProperty(name = "ikd.web.max-uri-length", defaultValue = "8192") int maxUriLength,
            @ConfigProperty(name = "ikd.web.max-header-size", defaultValue = "16384") int maxHeaderSize) {
        this.json = json;
        this.maxUriLength = maxUriLength;
        this.maxHeaderSize = maxHeaderSize;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::guard);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::unreadable);
    }

    /**
     * What RESTEasy's form and multipart parsers throw while reading a Uni endpoint's body on the
     * event loop reaches Vert.x, not the exception mappers: a body cut short or a client error status
     * is answered here as its problem, without a stack trace.
     */
    private void unreadable(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().ended()) {
            // the refusal is answered (e.g. 413 at the first chunk over a limit); what the rest of the body
            // makes fail after it is not news: no log line per chunk
            LOG.debugf("after the answer to %s: %s", context.request().path(), failure);
            context.response().close();
            return;
        }
        if (failure != null && ProblemMappers.fromMultipartParser(failure)) {
            send(context, json, CommonProblems.MALFORMED_REQUEST, ProblemMappers.MULTIPART_CUT_ID,
                    ProblemMappers.MULTIPART_CUT_EN);
        } else if (failure instanceof jakarta.ws.rs.WebApplicationException web
                && web.getResponse().getStatus() >= 400 && web.getResponse().getStatus() < 500
                && web.getResponse().getStatus() != 413) {
            send(context, json, CommonProblems.forStatus(web.getResponse().getStatus()), null, null);
        } else {
            context.next();
        }
    }

    private void guard(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> context.response().headers().set("X-Content-Type-Options", NOSNIFF));
        if (context.request().uri().length() > maxUriLength) {
            send(context, json, CommonProblems.URI_TOO_LONG, "Alamat permintaan paling panjang " + maxUriLength
                    + " karakter.", "The request URL may be at most " + maxUriLength + " characters.");
            return;
        }
        int headerSize = 0;
        for (Map.Entry<String, String> header : context.request().headers()) {
            headerSize += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerSize > maxHeaderSize) {
            send(context, json, CommonProblems.HEADERS_TOO_LARGE, "Header permintaan paling besar " + maxHeaderSize
                    + " byte.", "The request headers may be at most " + maxHeaderSize + " bytes.");
            return;
        }
        context.next();
    }

    /** A problem answered from the HTTP layer, where no exception mapper runs; the connection closes. */
    static void send(RoutingContext context, ObjectMapper json, ProblemType type, String detailId, String detailEn) {
        if (context.response().headWritten()) {
            context.response().close();
            return;
        }
        String language = Languages.preferred(context.acceptableLanguages().stream()
                .map(header -> Locale.forLanguageTag(header.value())).toList());
        Problem problem = Problem.of(type, language, Languages.ENGLISH.equals(language) ? detailEn : detailId,
                context.request().path(), null, null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document cannot be written", e);
        }
        context.response().setStatusCode(type.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("X-Content-Type-Options", NOSNIFF).putHeader("Connection", "close").end(body);
    }
}
