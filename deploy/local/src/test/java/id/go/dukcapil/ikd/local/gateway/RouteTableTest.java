package id.go.dukcapil.ikd.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.local.suite.SuiteService;

/** The project's deploy/routes.yaml as the gateway reads it: Gateway API matching, longest match first. */
class RouteTableTest {

    private static final RouteTable ROUTES = RouteTable.read(Path.of("../../deploy/routes.yaml"));

    private static Optional<SuiteService> route(String host, String path) {
        return ROUTES.host(host).route(path).map(RouteTable.Route::service);
    }

    @Test
    void everyHostHasItsLocalPort() {
        assertThat(ROUTES.hosts().keySet()).containsExactly("api", "portal", "aktivasi", "verifikasi");
        assertThat(ROUTES.host("api").localPort()).isEqualTo(8480);
        assertThat(ROUTES.host("verifikasi").localPort()).isEqualTo(8483);
    }

    @Test
    void prefixesMatchWholeSegmentsAndTheLongestWins() {
        assertThat(route("api", "/api/v1/registrations")).contains(SuiteService.REGISTRATION);
        assertThat(route("api", "/api/v1/registrations/1/events")).contains(SuiteService.REGISTRATION);
        assertThat(route("api", "/api/v1/registrationsX")).isEmpty();
        assertThat(route("portal", "/api/v1/operator/cases/1")).contains(SuiteService.VERIFICATION);
        assertThat(route("portal", "/api/v1/operator/identity-revocations/9")).contains(SuiteService.ACTIVATION);
        assertThat(route("verifikasi", "/verify")).contains(SuiteService.TOKEN);
        assertThat(route("verifikasi", "/verify/x")).isEmpty(); // exact
        assertThat(route("api", "/q/health/ready")).isEmpty();
        assertThat(route("api", "/api/v1/operator/sessions")).isEmpty(); // another host's path
    }

    @Test
    void theStreamingRouteIsMarked() {
        assertThat(ROUTES.host("api").route("/api/v1/registrations/1/events")).get()
                .extracting(RouteTable.Route::stream).isEqualTo(true);
    }
}
