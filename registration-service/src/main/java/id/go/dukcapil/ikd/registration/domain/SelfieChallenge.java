package id.go.dukcapil.ikd.registration.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** An active challenge of the moving selfie: the moves in order, single-use until {@code expiresAt}. */
public record SelfieChallenge(UUID id, List<ChallengeMove> moves, Instant issuedAt, Instant expiresAt) {

    public SelfieChallenge {
        moves = List.copyOf(moves);
    }

    /** The moves as stored: names in order, comma-separated. */
    public String movesColumn() {
        return moves.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    public static List<ChallengeMove> movesOf(String column) {
        return Arrays.stream(column.split(",")).map(ChallengeMove::valueOf).toList();
    }
}
