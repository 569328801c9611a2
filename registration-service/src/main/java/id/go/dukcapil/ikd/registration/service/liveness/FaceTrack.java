package id.go.dukcapil.ikd.registration.service.liveness;

import java.util.List;

import id.go.dukcapil.ikd.registration.domain.ChallengeMove;

/**
 * The face through the frames, judged against the challenge: pure arithmetic on where the face
 * was, so that it is tested without images. Positions are shares of the frame's width, so frames
 * of different sizes compare.
 */
final class FaceTrack {

    /** One frame's reading: its size and its one face, or null when none was found. */
    record Reading(int frame, int width, int height, FaceDetector.Face face) {
    }

    /** How far a move must go: a share of the frame's width sideways, a factor of growth closer. */
    record Thresholds(double minShift, double minGrowth, int maxFramesWithoutFace) {
    }

    private FaceTrack() {
    }

    static LivenessVerdict judge(List<ChallengeMove> moves, List<Reading> readings, Thresholds thresholds) {
        List<Reading> seen = readings.stream().filter(reading -> reading.face() != null).toList();
        if (seen.size() < 2 || readings.size() - seen.size() > thresholds.maxFramesWithoutFace()) {
            return LivenessVerdict.refused(LivenessRefusal.NO_FACE);
        }
        if (!followed(moves, seen, thresholds)) {
            return LivenessVerdict.refused(LivenessRefusal.CHALLENGE_NOT_FOLLOWED);
        }
        return LivenessVerdict.live(best(seen).frame());
    }

    /**
     * Each move in turn, in order: from the frame where the previous move was done, the face must
     * get far enough in the move's direction from the least advanced frame since (so a citizen who
     * first drifts the wrong way may still do the move).
     */
    static boolean followed(List<ChallengeMove> moves, List<Reading> seen, Thresholds thresholds) {
        int position = 0;
        for (ChallengeMove move : moves) {
            int start = position;
            int done = -1;
            for (int i = position + 1; i < seen.size() && done < 0; i++) {
                double progress = progress(move, seen.get(i)) - progress(move, seen.get(start));
                if (progress >= needed(move, thresholds)) {
                    done = i;
                } else if (progress < 0) {
                    start = i;
                }
            }
            if (done < 0) {
                return false;
            }
            position = done;
        }
        return true;
    }

    /**
     * How far along a move a frame is. The frames are as the camera sends them (not mirrored): the
     * citizen's left is the frame's right.
     */
    static double progress(ChallengeMove move, Reading reading) {
        double width = reading.width();
        return switch (move) {
            case LEFT -> reading.face().centreX() / width;
            case RIGHT -> -reading.face().centreX() / width;
            case CLOSER -> Math.log(reading.face().width() / width);
        };
    }

    private static double needed(ChallengeMove move, Thresholds thresholds) {
        return move == ChallengeMove.CLOSER ? Math.log(thresholds.minGrowth()) : thresholds.minShift();
    }

    /** The frame to keep as the selfie: the largest face, the nearer the centre the better. */
    static Reading best(List<Reading> seen) {
        Reading best = seen.get(0);
        for (Reading reading : seen) {
            if (score(reading) > score(best)) {
                best = reading;
            }
        }
        return best;
    }

    private static double score(Reading reading) {
        FaceDetector.Face face = reading.face();
        double size = (double) face.width() * face.height() / ((double) reading.width() * reading.height());
        double dx = (face.centreX() - reading.width() / 2.0) / (reading.width() / 2.0);
        double dy = (face.centreY() - reading.height() / 2.0) / (reading.height() / 2.0);
        double offCentre = Math.min(1, Math.hypot(dx, dy) / Math.sqrt(2));
        return size * (1 - 0.5 * offCentre);
    }
}
