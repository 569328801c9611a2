package id.go.dukcapil.ikd.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

class LogCaptureTest {

    @Test
    void theApplicationsLinesAreCountedAndTheTestHttpClientsAreNot() {
        try (LogCapture logs = LogCapture.start()) {
            Logger.getLogger("org.apache.http.impl.client.DefaultHttpClient")
                    .info("I/O exception (java.net.SocketException) caught when processing request: Broken pipe");
            Logger.getLogger("org.apache.http.impl.client.DefaultHttpClient").info("Retrying request");
            Logger.getLogger("id.go.dukcapil.ikd.web.ProblemMapper").warning("refused: PAYLOAD_TOO_LARGE");
            Logger.getLogger("id.go.dukcapil.ikd.web.ProblemMapper").fine("below INFO: not a production line");

            assertThat(logs.lines()).containsExactly("id.go.dukcapil.ikd.web.ProblemMapper: refused: PAYLOAD_TOO_LARGE");
        }
    }

    @Test
    void nothingIsCapturedOnceClosed() {
        LogCapture logs = LogCapture.start();
        logs.close();
        Logger.getLogger("id.go.dukcapil.ikd.after").log(Level.WARNING, "after the capture");
        assertThat(logs.lines()).isEmpty();
    }
}
