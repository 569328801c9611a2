package id.go.dukcapil.ikd.local.gateway;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import id.go.dukcapil.ikd.local.suite.SuiteService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The gateway of the HA topology: what the Kubernetes Gateway (or Ingress) and Services do in
 * production, with Vert.x's HTTP reverse proxy on the JDK. Two kinds of listener, all on
 * 127.0.0.1:
 * <ul>
 * <li>one per public host of {@link RouteTable} ({@code deploy/routes.yaml}): only the routed
 * paths, each to its service; anything else is {@code 404 ROUTE_NOT_FOUND};</li>
 * <li>one per service (like a ClusterIP Service): every path, to that service's replicas; what
 * the services call each other on and what tests use as {@code url(service)}.</li>
 * </ul>
 * Requests go round robin over the replicas of the target service. A replica that refuses the
 * connection is skipped and the request goes to the next one: nothing was sent, so this is safe
 * for any method. A replica that dies under a request is marked down; what the client gets then
 * ({@code 502 REPLICA_LOST}, one retry of an idempotent request without body, a closed
 * connection once the answer had started) is {@link Failover}'s. When no replica accepts,
 * {@code 503 NO_LIVE_REPLICA} with {@code Retry-After}.
 * Responses stream through unbuffered and without timeout (the live updates are SSE).
 * {@code X-Forwarded-For}/{@code Forwarded} are set to the address the request came from,
 * replacing what the client sent, so a client cannot choose the address the services' per-address
 * rate limits count (the services trust loopback proxies).
 */
public final class Gateway implements AutoCloseable {

    /** How long a replica may take to accept a connection before the next one is tried. */
    private static final int CONNECT_TIMEOUT_MILLIS = 2000;
    /** The services accept request lines and headers up to 64 KB (HttpEdge answers beyond); pass those through. */
    private static final int MAX_LINE_AND_HEADERS = 64 * 1024 + 1024;

    private final Vertx vertx;
    private final HttpClient client;
    private final Map<SuiteService, ReplicaPool> pools;
    private final List<HttpServer> servers = new ArrayList<>();
    private final Map<String, Integer> hostPorts = new LinkedHashMap<>();
    private final Map<SuiteService, Integer> servicePorts = new EnumMap<>(SuiteService.class);

    private Gateway(Map<SuiteService, List<Integer>> replicaPorts) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(2));
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                .setKeepAlive(true).setKeepAliveTimeout(30).setMaxInitialLineLength(MAX_LINE_AND_HEADERS)
                .setMaxHeaderSize(MAX_LINE_AND_HEADERS), new PoolOptions().setHttp1MaxSize(64));
        Map<SuiteService, ReplicaPool> pools = new EnumMap<>(SuiteService.class);
        replicaPorts.forEach((service, ports) -> pools.put(service, new ReplicaPool(service.module(), ports)));
        this.pools = pools;
    }

    /**
     * Starts a listener on {@code hostPorts.get(host)} for each public host of {@code routes}
     * (hosts without a port there are not served) and on {@code servicePorts.get(service)} for
     * each service, over {@code replicaPorts}. Returns once all listen.
     */
    public static Gateway start(RouteTable routes, Map<String, Integer> hostPorts,
            Map<SuiteService, Integer> servicePorts, Map<SuiteService, List<Integer>> replicaPorts) {
        Gateway gateway = new Gateway(replicaPorts);
        try {
            for (RouteTable.Host host : routes.hosts().values()) {
                Integer port = hostPorts.get(host.name());
                if (port != null) {
                    gateway.listen(port, path -> host.route(path).map(RouteTable.Route::service));
                    gateway.hostPorts.put(host.name(), port);
                }
            }
            servicePorts.forEach((service, port) -> {
                if (gateway.pools.containsKey(service)) {
                    gateway.listen(port, path -> Optional.of(service));
                    gateway.servicePorts.put(service, port);
                }
            });
            return gateway;
        } catch (RuntimeException e) {
            gateway.close();
            throw e;
        }
    }

    private void listen(int port, Function<String, Optional<SuiteService>> resolver) {
        Function<String, ReplicaPool> poolOf = path -> pools.get(resolver.apply(path).orElseThrow());
        HttpProxy proxy = HttpProxy.reverseProxy(client);
        proxy.origin(context -> connect(context, poolOf.apply(context.request().proxiedRequest().path())));
        // Failover last: it sends the request (once more after a lost replica) through the rest of the chain
        proxy.addInterceptor(new Forwarding()).addInterceptor(new Failover(poolOf, vertx));
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port)
                .setMaxInitialLineLength(MAX_LINE_AND_HEADERS).setMaxHeaderSize(MAX_LINE_AND_HEADERS));
        server.requestHandler(request -> {
            if (resolver.apply(request.path()).isEmpty()) {
                problem(request, 404, "ROUTE_NOT_FOUND", "Tidak ditemukan / Not found",
                        "Tidak ada layanan untuk alamat ini. / No service answers this path on this host.");
            } else {
                proxy.handle(request);
            }
        });
        try {
            servers.add(server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("the gateway could not listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * A connection to a replica that accepts one: round robin, the next replica after a refusal.
     * The replica's port is left in the context for {@link Failover}.
     */
    private Future<HttpClientRequest> connect(ProxyContext context, ReplicaPool pool) {
        return connect(context, pool, pool.attemptOrder(), 0);
    }

    private Future<HttpClientRequest> connect(ProxyContext context, ReplicaPool pool, List<Integer> order, int attempt) {
        if (attempt >= order.size()) {
            return Future.failedFuture(new Failover.NoLiveReplica(pool.service()));
        }
        int port = order.get(attempt);
        // The future completes once a connection is there and before anything is written: a
        // failure here (refused, timed out) means the replica never saw the request.
        return client.request(new RequestOptions().setServer(SocketAddress.inetSocketAddress(port, "127.0.0.1")))
                .onSuccess(request -> {
                    pool.connected(port);
                    context.set(Failover.REPLICA, port);
                })
                .recover(failure -> {
                    pool.refused(port);
                    return connect(context, pool, order, attempt + 1);
                });
    }

    /** Sets the forwarding headers from the connection. */
    private static final class Forwarding implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            HttpServerRequest incoming = request.proxiedRequest();
            String client = incoming.remoteAddress().hostAddress();
            String host = incoming.authority() == null ? "" : incoming.authority().toString();
            request.headers().remove("X-Forwarded-For").remove("X-Forwarded-Host").remove("X-Forwarded-Proto")
                    .remove("X-Forwarded-Port").remove("X-Forwarded-Prefix").remove("X-Real-IP").remove("Forwarded");
            request.headers().set("X-Forwarded-For", client).set("X-Forwarded-Proto", "http")
                    .set("X-Forwarded-Host", host)
                    .set("X-Forwarded-Port", Integer.toString(incoming.localAddress().port()))
                    .set("Forwarded", "for=" + forwardedNode(client) + ";proto=http;host=\"" + host + "\"");
            return context.sendRequest();
        }

        /** RFC 7239: an IPv6 address is quoted and bracketed. */
        private static String forwardedNode(String address) {
            return address.contains(":") ? "\"[" + address + "]\"" : address;
        }
    }

    private static void problem(HttpServerRequest request, int status, String code, String title, String detail) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .putHeader("X-Content-Type-Options", "nosniff").end(Failover.problemJson(status, code, title, detail));
    }

    /** The port of the public host {@code name} ("api", "portal", …). */
    public int hostPort(String name) {
        Integer port = hostPorts.get(name);
        if (port == null) {
            throw new IllegalArgumentException("the gateway serves no host " + name + " (hosts: " + hostPorts.keySet() + ")");
        }
        return port;
    }

    public Map<String, Integer> hostPorts() {
        return Map.copyOf(hostPorts);
    }

    public int servicePort(SuiteService service) {
        return servicePorts.get(service);
    }

    /** Requests whose connection to the replica of {@code service} on {@code replicaPort} was lost before an answer. */
    public long lost(SuiteService service, int replicaPort) {
        return pools.get(service).lostCount(replicaPort);
    }

    /** Requests the gateway sent to the replica of {@code service} on {@code replicaPort}. */
    public long served(SuiteService service, int replicaPort) {
        return pools.get(service).served(replicaPort);
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // stopping: nothing left to do about it
        }
    }
}
