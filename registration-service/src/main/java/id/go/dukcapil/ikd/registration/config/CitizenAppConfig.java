package id.go.dukcapil.ikd.registration.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the citizen web app at {@code /app} finds the other public APIs it calls from the browser.
 * They are also the only origins its Content-Security-Policy lets it connect to.
 */
@ConfigMapping(prefix = "ikd.registration.app")
public interface CitizenAppConfig {

    /** Base URL of activation-service as the citizen's browser reaches it (citizen session, PIN proof). */
    @WithDefault("http://localhost:8083")
    String activationUrl();

    /** Base URL of token-service as the citizen's browser reaches it (the 90 s QR). */
    @WithDefault("http://localhost:8084")
    String tokenUrl();

    /** Base URL of verification-service's public pages: the office directory (/offices) and complaints (/pengaduan). */
    @WithDefault("http://localhost:8082")
    String pagesUrl();
}
