package id.go.dukcapil.ikd.local.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A web inbox for the local mail server: every message the suite sent, newest first, readable in
 * a browser. A message's HTML is shown in a sandboxed {@code iframe srcdoc} (no scripts, no
 * remote content), its text part as escaped text.
 *
 * <p>{@code GET /} the list, {@code GET /messages/{n}} one message, {@code GET /api/messages}
 * the same as JSON (for scripts; each with its {@code receivedAt} instant to the millisecond;
 * {@code ?since=T}, milliseconds since the epoch: only those received at T or later).
 */
public final class MailInbox implements AutoCloseable {

    private static final Pattern SINCE = Pattern.compile("(?:^|&)since=(\\d{1,15})(?:&|$)");
    private static final Pattern MESSAGE_PATH = Pattern.compile("/messages/(\\d+)");
    private static final Pattern ESCAPED_WEB_LINK = Pattern.compile(
            "https?://(?:(?!&quot;|&#39;|&lt;|&gt;)[^\\s<>\"'])+");
    private static final String LINKS_IN_NEW_TAB = "<base target=\"_blank\">";
    private static final Pattern CID_REFERENCE = Pattern.compile("cid:([^\"'\\s)>]+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.systemDefault());

    private final Supplier<MimeMessage[]> messages;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private MailInbox(Supplier<MimeMessage[]> messages, HttpServer server) {
        this.messages = messages;
        this.server = server;
    }

    /** Serves the messages that {@code messages} returns (oldest first) on 127.0.0.1:{@code port}. */
    public static MailInbox start(int port, Supplier<MimeMessage[]> messages) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            MailInbox inbox = new MailInbox(messages, server);
            server.createContext("/", inbox::handle);
            server.setExecutor(inbox.executor);
            server.start();
            return inbox;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the mail inbox on port " + port, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                Html.methodNotAllowed(exchange, "GET, HEAD");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            MimeMessage[] all = messages.get();
            if (path.equals("/")) {
                Html.sendHtml(exchange, 200, listPage(all));
                return;
            }
            if (path.equals("/api/messages")) {
                Html.send(exchange, 200, "application/json",
                        JSON.writeValueAsString(asJson(all, since(exchange.getRequestURI().getRawQuery()))));
                return;
            }
            Matcher matcher = MESSAGE_PATH.matcher(path);
            if (matcher.matches()) {
                int number = Integer.parseInt(matcher.group(1));
                if (number >= 1 && number <= all.length) {
                    Html.sendHtml(exchange, 200, messagePage(number, all[number - 1]));
                    return;
                }
            }
            Html.notFound(exchange);
        } catch (MessagingException | RuntimeException e) {
            Html.send(exchange, 500, "text/plain; charset=utf-8",
                    "Surel tidak dapat dibaca / The message cannot be read: " + e.getMessage() + "\n");
        }
    }

    private static String listPage(MimeMessage[] all) throws MessagingException {
        StringBuilder body = new StringBuilder();
        body.append("<p>").append(Html.label(all.length + " surel", all.length + " messages"))
                .append(" · <a href=\"/api/messages\">JSON</a></p>\n");
        if (all.length == 0) {
            body.append("<p>").append(Html.label("Belum ada surel.", "No mail yet.")).append("</p>\n");
        } else {
            body.append("<table><tr><th>").append(Html.label("Diterima", "Received"))
                    .append("</th><th>").append(Html.label("Kepada", "To"))
                    .append("</th><th>").append(Html.label("Dari", "From"))
                    .append("</th><th>").append(Html.label("Subjek", "Subject")).append("</th></tr>\n");
            for (int number = all.length; number >= 1; number--) {
                MimeMessage message = all[number - 1];
                body.append("<tr><td>").append(Html.escape(date(message)))
                        .append("</td><td>").append(Html.escape(addresses(message.getRecipients(Message.RecipientType.TO))))
                        .append("</td><td>").append(Html.escape(addresses(message.getFrom())))
                        .append("</td><td><a href=\"/messages/").append(number).append("\">")
                        .append(Html.escape(subject(message))).append("</a></td></tr>\n");
            }
            body.append("</table>\n");
        }
        return Html.page("Kotak Masuk Surel", "Mail Inbox", 5, body.toString());
    }

    private static String messagePage(int number, MimeMessage message) throws MessagingException, IOException {
        Content content = Content.of(message);
        StringBuilder body = new StringBuilder();
        body.append("<p><a href=\"/\">").append(Html.label("← Kembali ke kotak masuk", "← Back to the inbox"))
                .append("</a></p>\n<dl>");
        body.append("<dt>").append(Html.label("Subjek", "Subject")).append("</dt><dd>")
                .append(Html.escape(subject(message))).append("</dd>");
        body.append("<dt>").append(Html.label("Dari", "From")).append("</dt><dd>")
                .append(Html.escape(addresses(message.getFrom()))).append("</dd>");
        body.append("<dt>").append(Html.label("Kepada", "To")).append("</dt><dd>")
                .append(Html.escape(addresses(message.getRecipients(Message.RecipientType.TO)))).append("</dd>");
        body.append("<dt>").append(Html.label("Diterima", "Received")).append("</dt><dd>")
                .append(Html.escape(date(message))).append("</dd>");
        if (!content.attachments().isEmpty()) {
            body.append("<dt>").append(Html.label("Lampiran", "Attachments")).append("</dt><dd>")
                    .append(Html.escape(String.join(", ", content.attachments()))).append("</dd>");
        }
        body.append("</dl>\n");
        if (content.html() != null) {
            // srcdoc keeps the message inside our page; a sandbox without allow-scripts and without
            // allow-same-origin: nothing in it runs or reaches this inbox. Links (the activation
            // link) open in a new, ordinary tab when clicked.
            body.append("<h2>").append(Html.label("Tampilan HTML", "HTML view")).append("</h2>\n")
                    .append("<iframe sandbox=\"allow-popups allow-popups-to-escape-sandbox\" title=\"HTML\" ")
                    .append("referrerpolicy=\"no-referrer\" srcdoc=\"")
                    .append(Html.escape(LINKS_IN_NEW_TAB + inlineImages(content.html(), content.inlineImages())))
                    .append("\"></iframe>\n");
        }
        if (content.text() != null) {
            body.append("<h2>").append(Html.label("Teks", "Text")).append("</h2>\n<pre>")
                    .append(linkified(Html.escape(content.text()))).append("</pre>\n");
        }
        if (content.html() == null && content.text() == null) {
            body.append("<p>").append(Html.label("Surel ini tanpa isi teks.", "This message has no text."))
                    .append("</p>\n");
        }
        return Html.page("Surel #" + number, "Message #" + number, 0, body.toString());
    }

    /** Web links of an (already escaped) text part become clickable, opening in a new tab. */
    private static String linkified(String escapedText) {
        return ESCAPED_WEB_LINK.matcher(escapedText)
                .replaceAll("<a href=\"$0\" target=\"_blank\" rel=\"noopener noreferrer\">$0</a>");
    }

    /** Images referenced as cid: are shown inline; anything remote stays blocked by the page's CSP. */
    private static String inlineImages(String html, Map<String, String> dataUris) {
        Matcher matcher = CID_REFERENCE.matcher(html);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String dataUri = dataUris.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(dataUri == null ? matcher.group() : dataUri));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * {@code since=T} in the query (milliseconds since the epoch): only messages received at T or
     * later, for a poller (the mail server lists messages by mailbox, so numbers are not in
     * arrival order); else every message.
     */
    static long since(String query) {
        if (query != null) {
            Matcher since = SINCE.matcher(query);
            if (since.find()) {
                return Long.parseLong(since.group(1));
            }
        }
        return Long.MIN_VALUE;
    }

    private static List<Map<String, Object>> asJson(MimeMessage[] all, long since) throws MessagingException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int number = all.length; number >= 1; number--) {
            MimeMessage message = all[number - 1];
            if (since != Long.MIN_VALUE && receivedMillis(message) < since) {
                continue;
            }
            Content content;
            try {
                content = Content.of(message);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("number", number);
            json.put("received", date(message));
            json.put("receivedAt", receivedAt(message)); // to the millisecond, for the load tests' timings
            json.put("from", addresses(message.getFrom()));
            json.put("to", addresses(message.getRecipients(Message.RecipientType.TO)));
            json.put("subject", subject(message));
            json.put("text", content.text());
            json.put("html", content.html());
            list.add(json);
        }
        return list;
    }

    private static String subject(MimeMessage message) throws MessagingException {
        String subject = message.getSubject();
        return subject == null || subject.isBlank() ? "(tanpa subjek / no subject)" : subject;
    }

    private static String date(MimeMessage message) throws MessagingException {
        Date date = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
        return date == null ? "" : TIME.format(date.toInstant());
    }

    private static long receivedMillis(MimeMessage message) throws MessagingException {
        Date date = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
        return date == null ? Long.MAX_VALUE : date.getTime();
    }

    private static String receivedAt(MimeMessage message) throws MessagingException {
        Date date = message.getReceivedDate() != null ? message.getReceivedDate() : message.getSentDate();
        return date == null ? "" : date.toInstant().toString();
    }

    private static String addresses(Address[] addresses) {
        if (addresses == null) {
            return "";
        }
        return String.join(", ", Arrays.stream(addresses)
                .map(a -> a instanceof InternetAddress internet ? internet.toUnicodeString() : a.toString())
                .toList());
    }

    /** The readable parts of a message: its first text and HTML bodies, inline images, attachment names. */
    private record Content(String text, String html, Map<String, String> inlineImages, List<String> attachments) {

        static Content of(Part message) throws MessagingException, IOException {
            Collector collector = new Collector();
            collector.visit(message);
            return new Content(collector.text, collector.html, collector.inlineImages, collector.attachments);
        }
    }

    private static final class Collector {
        private String text;
        private String html;
        private final Map<String, String> inlineImages = new LinkedHashMap<>();
        private final List<String> attachments = new ArrayList<>();

        void visit(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    visit(multipart.getBodyPart(i));
                }
                return;
            }
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
            if (!attachment && part.isMimeType("text/plain") && text == null) {
                text = part.getContent().toString();
            } else if (!attachment && part.isMimeType("text/html") && html == null) {
                html = part.getContent().toString();
            } else if (part.isMimeType("image/*") && contentId(part) != null) {
                try (InputStream in = part.getInputStream()) {
                    String type = part.getContentType().split(";")[0].trim();
                    inlineImages.put(contentId(part),
                            "data:" + type + ";base64," + Base64.getEncoder().encodeToString(in.readAllBytes()));
                }
            } else {
                attachments.add(part.getFileName() != null ? part.getFileName() : part.getContentType());
            }
        }

        private static String contentId(Part part) throws MessagingException {
            String[] ids = part.getHeader("Content-ID");
            if (ids == null || ids.length == 0) {
                return null;
            }
            return ids[0].trim().replaceAll("^<|>$", "");
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
