package id.go.dukcapil.ikd.token.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.dukcapil.ikd.token.config.TokenConfig;
import id.go.dukcapil.ikd.token.domain.RelyingParty;
import id.go.dukcapil.ikd.token.domain.Scopes;
import id.go.dukcapil.ikd.token.repository.RelyingPartyRepository;
import id.go.dukcapil.ikd.web.BearerTokenTypes;
import id.go.dukcapil.ikd.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import id.go.dukcapil.ikd.web.Digests;

/**
 * Relying parties: created by an admin (the secret is shown once and stored hashed), and their
 * client-credentials exchange for a verifier JWT signed with the suite key.
 */
@ApplicationScoped
public class RelyingPartyService {

    private static final Logger LOG = Logger.getLogger(RelyingPartyService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final String VERIFIER_GROUP = "verifier";

    /** A relying party with its secret in clear: exists only in the answer to its creation. */
    public record NewClient(RelyingParty client, String secret) {
    }

    /** An access token for a relying party. */
    public record AccessToken(String token, long expiresIn, String scope) {
    }

    private final RelyingPartyRepository repository;
    private final TokenConfig config;
    private final Clock clock;

    public RelyingPartyService(RelyingPartyRepository repository, TokenConfig config, Clock clock) {
        this.repository = repository;
        this.config = config;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<NewClient> create(String clientId, String name, Collection<String> scopes) {
        Set<String> checked = checkScopes(scopes);
        String secret = newSecret();
        return repository.findById(clientId).chain(existing -> {
            if (existing != null) {
                throw new ProblemException(TokenProblems.RELYING_PARTY_EXISTS,
                        "Klien " + clientId + " sudah ada.", "Client " + clientId + " already exists.");
            }
            RelyingParty client = newClient(clientId, name, checked, secret);
            LOG.infof("relying party %s created with scopes %s", clientId, checked);
            return repository.persist(client).map(saved -> new NewClient(saved, secret));
        });
    }

    @WithTransaction
    public Uni<List<RelyingParty>> list() {
        return repository.listAll(io.quarkus.panache.common.Sort.by("clientId"));
    }

    /**
     * Disables a client: it gets no new tokens, and those already issued stop working
     * ({@link RelyingPartyState}, which the caller tells once this transaction has committed).
     */
    @WithTransaction
    public Uni<RelyingParty> disable(String clientId) {
        return repository.findById(clientId)
                .onItem().ifNull().failWith(() -> notFound(clientId))
                .invoke(client -> {
                    client.enabled = false;
                    LOG.infof("relying party %s disabled", clientId);
                });
    }

    /** Client credentials → a verifier JWT (suite key, typ ikd-verifier+jwt, aud token-service, scope claim). */
    @WithTransaction
    public Uni<AccessToken> issueToken(String clientId, String secret) {
        return repository.findById(clientId).map(client -> {
            if (client == null || !client.enabled || secret == null
                    || !MessageDigest.isEqual(client.secretHash.getBytes(StandardCharsets.US_ASCII),
                            hash(secret).getBytes(StandardCharsets.US_ASCII))) {
                LOG.infof("refused client credentials for %s", clientId);
                throw new ProblemException(TokenProblems.INVALID_CLIENT, "Id klien atau rahasia klien salah.",
                        "Wrong client id or client secret.");
            }
            String scope = String.join(" ", client.scopeList());
            long lifetime = config.relyingParties().tokenLifetime().toSeconds();
            String token = Jwt.issuer(config.suiteIssuer())
                    .subject(client.clientId)
                    .audience(PinProofVerifier.AUDIENCE)
                    .groups(VERIFIER_GROUP)
                    .claim("scope", scope)
                    .issuedAt(clock.instant())
                    .expiresAt(clock.instant().plusSeconds(lifetime))
                    .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.ES256)
                    .type(BearerTokenTypes.VERIFIER)
                    .sign();
            return new AccessToken(token, lifetime, scope);
        });
    }

    /** Creates the documented demo client for local use when enabled and missing. */
    @WithTransaction
    public Uni<Void> ensureDemoClient() {
        TokenConfig.DemoClient demo = config.relyingParties().demoClient();
        return repository.findById(demo.clientId()).chain(existing -> existing != null
                ? Uni.createFrom().voidItem()
                : repository.persist(newClient(demo.clientId(), "Demo verifier (local only)",
                        checkScopes(demo.scopes()), demo.secret()))
                        .invoke(() -> LOG.infof("demo relying party %s created", demo.clientId()))
                        .replaceWithVoid());
    }

    private RelyingParty newClient(String clientId, String name, Set<String> scopes, String secret) {
        RelyingParty client = new RelyingParty();
        client.clientId = clientId;
        client.name = name;
        client.scopes = String.join(" ", scopes);
        client.secretHash = hash(secret);
        client.enabled = true;
        client.createdAt = clock.instant();
        return client;
    }

    static Set<String> checkScopes(Collection<String> scopes) {
        Set<String> checked = new TreeSet<>();
        for (String scope : scopes) {
            if (!Scopes.ALL.contains(scope)) {
                throw new ProblemException(TokenProblems.UNKNOWN_SCOPE,
                        "Cakupan tidak dikenal: " + scope + ". Yang tersedia: " + new TreeSet<>(Scopes.ALL),
                        "Unknown scope: " + scope + ". Available: " + new TreeSet<>(Scopes.ALL));
            }
            checked.add(scope);
        }
        return checked;
    }

    static ProblemException notFound(String clientId) {
        return new ProblemException(TokenProblems.RELYING_PARTY_NOT_FOUND, "Klien " + clientId + " tidak ditemukan.",
                "Client " + clientId + " was not found.");
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String secret) {
        return Digests.sha256Hex(secret);
    }
}
