package id.go.dukcapil.ikd.activation.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import id.go.dukcapil.ikd.events.Topics;
import id.go.dukcapil.ikd.testing.TopicProbe;

/**
 * The activation topic, and the identity topic where a test wants it, read from the real broker
 * by a test: a {@link TopicProbe} opened {@linkplain TopicProbe#fromNow from now} before each test
 * and closed after it.
 *
 * <pre>
 * &#64;RegisterExtension
 * final JourneyTopics topics = JourneyTopics.activationAndIdentity();
 * ... Journey.approve(topics.activation(), ...) ... topics.identity().await(...) ...
 * </pre>
 *
 * The probes open before the class' own {@code @BeforeEach} methods and close after its
 * {@code @AfterEach} methods. Each {@code @QuarkusTest} used to open and close them by hand.
 */
public final class JourneyTopics implements BeforeEachCallback, AfterEachCallback {

    private final boolean withIdentity;
    private TopicProbe activation;
    private TopicProbe identity;

    private JourneyTopics(boolean withIdentity) {
        this.withIdentity = withIdentity;
    }

    /** {@link Topics#ACTIVATION} only. */
    public static JourneyTopics activationOnly() {
        return new JourneyTopics(false);
    }

    /** {@link Topics#ACTIVATION} and {@link Topics#IDENTITY}. */
    public static JourneyTopics activationAndIdentity() {
        return new JourneyTopics(true);
    }

    /** What has been published on {@link Topics#ACTIVATION} since the test began. */
    public TopicProbe activation() {
        if (activation == null) {
            throw new IllegalStateException("the activation topic is read during a test only");
        }
        return activation;
    }

    /** What has been published on {@link Topics#IDENTITY} since the test began. */
    public TopicProbe identity() {
        if (!withIdentity) {
            throw new IllegalStateException("the identity topic is not read: use JourneyTopics.activationAndIdentity()");
        }
        if (identity == null) {
            throw new IllegalStateException("the identity topic is read during a test only");
        }
        return identity;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        activation = TopicProbe.fromNow(Journey.bootstrap(), Topics.ACTIVATION);
        if (withIdentity) {
            identity = TopicProbe.fromNow(Journey.bootstrap(), Topics.IDENTITY);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (activation != null) {
                activation.close();
            }
        } finally {
            activation = null;
            try {
                if (identity != null) {
                    identity.close();
                }
            } finally {
                identity = null;
            }
        }
    }
}
