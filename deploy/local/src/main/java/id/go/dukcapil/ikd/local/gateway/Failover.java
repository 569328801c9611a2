package id.go.dukcapil.ikd.local.gateway;

import java.util.function.Function;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The last interceptor of a gateway listener: what happens when a replica is not there or dies
 * under a request. Before any byte of the replica's answer arrived:
 * <ul>
 * <li>no replica accepts a connection: {@code 503 NO_LIVE_REPLICA} with {@code Retry-After};</li>
 * <li>the replica's connection closed or was reset: the replica is marked down, and a request
 * that can be sent again without a second effect ({@link Replay}) is sent once more, to the next
 * replica; anything else, or a second loss, is {@code 502 REPLICA_LOST}.</li>
 * </ul>
 * Sent again are an idempotent method without a body, and a POST or PATCH with an
 * {@code Idempotency-Key} (the service answers a repeat with the first answer, without a second
 * effect) whose body is read whole before the first attempt: a streamed body is gone after one,
 * so the second attempt gets the same bytes. Any other POST may have taken effect: never twice.
 * <p>
 * Once the answer's head was passed on, a replica dying mid-body makes the proxy reset the
 * client's connection at once (Vert.x http-proxy's own handling); that needs nothing here.
 * <p>
 * The proxy's own failure path (Vert.x http-proxy 4.5.25) answers an empty 502 after releasing
 * the request body; with an upload still being piped to the dead replica the client was never
 * answered (GatewayFailoverTest reproduced the hang; the HA campaign's gateway log showed an
 * {@code IllegalStateException} about Content-Length). Here the rest of the body is drained
 * instead, and the 502 is this interceptor's answer.
 */
final class Failover implements ProxyInterceptor {

    /** Set by the origin provider: the port of the replica the current attempt connected to. */
    static final String REPLICA = "ikd.replica";
    private static final int RETRY_AFTER_SECONDS = 5;
    private static final long STALLED_BODY_MILLIS = 5000;

    /** The replicas that serve a path (the listener answered 404 for paths without one). */
    private final Function<String, ReplicaPool> pools;
    private final Vertx vertx;

    Failover(Function<String, ReplicaPool> pools, Vertx vertx) {
        this.pools = pools;
        this.vertx = vertx;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        ReplicaPool pool = pools.apply(incoming.path());
        return switch (Replay.of(incoming.method(), incoming.headers())) {
            case NEVER -> attempt(context, pool, 0);
            case AS_IS -> {
                // nothing to stream: the proxy sends no body and can send the request again
                request.setBody(null);
                incoming.resume();
                yield attempt(context, pool, 1);
            }
            case BUFFERED -> {
                // the proxy paused it; a client gone mid-body fails this before any replica is contacted
                Future<Buffer> body = incoming.body();
                incoming.resume();
                yield body.compose(buffer -> {
                    request.setBody(Body.body(buffer)); // a fresh stream of the same bytes for each attempt
                    return attempt(context, pool, 1);
                });
            }
        };
    }

    private Future<ProxyResponse> attempt(ProxyContext context, ReplicaPool pool, int retries) {
        String service = pool.service();
        context.set(REPLICA, null);
        return context.sendRequest().recover(failure -> {
            if (failure instanceof NoLiveReplica) {
                drain(context.request().proxiedRequest());
                return Future.succeededFuture(problem(context, 503, "NO_LIVE_REPLICA",
                        "Layanan tidak tersedia / Service unavailable",
                        "Tidak ada replika " + service + " yang menerima koneksi; coba lagi sebentar lagi. / No replica of "
                                + service + " accepts connections; try again shortly."));
            }
            Integer port = context.get(REPLICA, Integer.class);
            if (port != null) {
                // connected, then the connection failed before an answer: no timeout is set, so
                // only a closed or reset connection gets here
                pool.lost(port);
            }
            if (port != null && retries > 0) {
                return attempt(context, pool, retries - 1);
            }
            drain(context.request().proxiedRequest());
            return Future.succeededFuture(problem(context, 502, "REPLICA_LOST",
                    "Replika terputus / Bad gateway",
                    "Replika " + service + " berhenti sebelum menjawab; permintaan ini mungkin sudah atau belum diproses. "
                            + "Coba lagi. / A replica of " + service + " stopped before answering; the request may or may "
                            + "not have taken effect. Try again."));
        });
    }

    /**
     * The rest of the client's body is read and dropped (not sent to the dead replica), so that
     * the client, still sending, then reads the answer; a client that stalls mid-body is
     * disconnected {@value #STALLED_BODY_MILLIS} ms after the answer.
     */
    private void drain(HttpServerRequest incoming) {
        if (incoming.isEnded()) {
            return;
        }
        incoming.handler(ignored -> {
        });
        incoming.resume();
        incoming.response().endHandler(done -> vertx.setTimer(STALLED_BODY_MILLIS, timer -> {
            if (!incoming.isEnded()) {
                incoming.connection().close();
            }
        }));
    }

    private static ProxyResponse problem(ProxyContext context, int status, String code, String title, String detail) {
        ProxyResponse response = context.request().response().setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .putHeader("X-Content-Type-Options", "nosniff");
        if (status == 503) {
            response.putHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        }
        return response.setBody(Body.body(Buffer.buffer(problemJson(status, code, title, detail))));
    }

    static String problemJson(int status, String code, String title, String detail) {
        return new JsonObject().put("type", "https://ikd.dukcapil.go.id/problems/" + code.toLowerCase().replace('_', '-'))
                .put("title", title).put("status", status).put("detail", detail).put("code", code).encode();
    }

    /** No replica of the service accepted a connection. */
    static final class NoLiveReplica extends RuntimeException {
        NoLiveReplica(String service) {
            super("no live replica of " + service, null, false, false);
        }
    }
}
