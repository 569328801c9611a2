package id.go.dukcapil.ikd.local.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

/** The few HTML pages of the local mail inbox and SMS outbox: escaped text, bilingual labels, strict CSP. */
final class Html {

    /**
     * Nothing from a message may run or load: no scripts, no remote images; inline styles only
     * (mail HTML is full of them) and images that are inlined as data: URIs.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; base-uri 'none'; form-action 'none'";

    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A whole page; {@code refreshSeconds} > 0 reloads it, so that new messages appear by themselves. */
    static String page(String titleId, String titleEn, int refreshSeconds, String body) {
        return """
                <!DOCTYPE html>
                <html lang="id">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                %s<title>%s / %s — IKD lokal</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1b1b; }
                h1 { font-size: 1.4rem; } h1 small { color: #666; font-weight: normal; }
                table { border-collapse: collapse; width: 100%%; }
                th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
                th { background: #f3f3f3; } tr:hover td { background: #fafafa; }
                .en { color: #666; font-weight: normal; }
                pre { white-space: pre-wrap; word-break: break-word; background: #f7f7f7; padding: 1rem; }
                iframe { width: 100%%; height: 32rem; border: 1px solid #ccc; }
                dl { display: grid; grid-template-columns: max-content auto; gap: .3rem 1rem; }
                dt { font-weight: bold; }
                </style>
                </head>
                <body>
                <h1>%s <small>/ %s</small></h1>
                %s
                </body>
                </html>
                """.formatted(
                refreshSeconds > 0 ? "<meta http-equiv=\"refresh\" content=\"" + refreshSeconds + "\">\n" : "",
                escape(titleId), escape(titleEn), escape(titleId), escape(titleEn), body);
    }

    /** A bilingual label: Bahasa Indonesia first, English second. */
    static String label(String id, String en) {
        return escape(id) + " <span class=\"en\">/ " + escape(en) + "</span>";
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (contentType.startsWith("text/html")) {
            exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    static void sendHtml(HttpExchange exchange, int status, String page) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", page);
    }

    static void notFound(HttpExchange exchange) throws IOException {
        sendHtml(exchange, 404, page("Tidak ditemukan", "Not found", 0,
                "<p><a href=\"/\">" + label("Kembali", "Back") + "</a></p>"));
    }

    static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        send(exchange, 405, "text/plain; charset=utf-8", "Metode tidak diizinkan / Method not allowed\n");
    }
}
