package id.go.dukcapil.ikd.campaign;

import java.time.Duration;

/** Thread.sleep without the checked exception: the campaign's threads are never interrupted on purpose. */
final class Pause {

    private Pause() {
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
