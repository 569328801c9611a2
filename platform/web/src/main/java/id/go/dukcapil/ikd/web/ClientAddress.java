package id.go.dukcapil.ikd.web;

import io.vertx.core.http.HttpServerRequest;

/**
 * The client's address, as rate limits and abuse logs count it. Behind the gateway or ingress,
 * Quarkus takes it from Forwarded/X-Forwarded-For, from trusted proxies only, when configured to.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
