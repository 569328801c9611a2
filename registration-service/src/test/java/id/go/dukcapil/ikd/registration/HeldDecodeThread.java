package id.go.dukcapil.ikd.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import id.go.dukcapil.ikd.web.images.ImageDecoding;

/**
 * Keeps one image-decode thread busy, as a starved CPU would, until {@link #release()}: the
 * selfies behind it wait in the bulkhead. Held once {@link #hold(ImageDecoding)} returns.
 */
final class HeldDecodeThread {

    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Boolean> task;

    private HeldDecodeThread(ImageDecoding decoding) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        task = decoding.run(() -> {
            started.countDown();
            try {
                return release.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }).subscribeAsCompletionStage();
        assertThat(started.await(30, TimeUnit.SECONDS)).as("the decode thread is held").isTrue();
    }

    static HeldDecodeThread hold(ImageDecoding decoding) throws InterruptedException {
        return new HeldDecodeThread(decoding);
    }

    boolean stillHeld() {
        return !task.isDone();
    }

    /** Lets the thread go and checks that it was held until now (not timed out or interrupted). */
    void release() throws Exception {
        release.countDown();
        assertThat(task.get(30, TimeUnit.SECONDS)).as("held until released").isTrue();
    }
}
