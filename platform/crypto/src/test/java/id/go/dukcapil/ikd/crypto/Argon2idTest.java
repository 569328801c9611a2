package id.go.dukcapil.ikd.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Argon2idTest {

    private static final Argon2id.Parameters CEILING = Argon2Hasher.ceilingFor(Argon2id.Parameters.OWASP_MINIMUM);
    private static final byte[] SALT = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };

    // made by the code this class replaces, before it was deleted: activation-service's
    // LegacyArgon2.encode("583920", SALT) and verification-service's PasswordHasher (derive, as hashNow stores it)
    static final String OLD_APP_PIN_HASH = "$argon2id$v=19$m=19456,t=2,p=1$AQIDBAUGBwgJCgsMDQ4PEA$ZkVH6MuldoXBWwFwC7aZmr2hH+OlZ2uLZ/x7qkxuEQI";
    static final String OLD_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$AQIDBAUGBwgJCgsMDQ4PEA$Ydrnavia4+UWM963MIlbtlXk19sFg2CZ0lOPlrBYFdg";
    static final String OLD_PASSWORD_HASH_TWO_LANES = "$argon2id$v=19$m=8192,t=3,p=2$AQIDBAUGBwgJCgsMDQ4PEA$S2idkBxrtk1oOm4HAxYO6MBd3BKDpahVIdQFtSNBI+s";

    @Test
    void hashesStoredByTheOldCodeStillVerify() {
        assertThat(Argon2id.verify("583920", OLD_APP_PIN_HASH, CEILING)).isTrue();
        assertThat(Argon2id.verify("583921", OLD_APP_PIN_HASH, CEILING)).isFalse();
        assertThat(Argon2id.verify("Sandi-Operator-2025", OLD_PASSWORD_HASH, CEILING)).isTrue();
        assertThat(Argon2id.verify("sandi-operator-2025", OLD_PASSWORD_HASH, CEILING)).isFalse();
        assertThat(Argon2id.verify("Sandi-Operator-2025", OLD_PASSWORD_HASH_TWO_LANES, new Argon2id.Parameters(65536, 10, 2))).isTrue();
    }

    @Test
    void encodesAsTheOldCodeDid() {
        assertThat(Argon2id.encode("583920", SALT, Argon2id.Parameters.OWASP_MINIMUM)).isEqualTo(OLD_APP_PIN_HASH);
    }

    @Test
    void aNewHashCarriesItsParametersAndAFreshSalt() {
        Argon2id.Parameters light = new Argon2id.Parameters(1024, 1, 1);
        String first = Argon2id.hash("rahasia", light);
        assertThat(first).startsWith("$argon2id$v=19$m=1024,t=1,p=1$").doesNotContain("rahasia");
        assertThat(Argon2id.hash("rahasia", light)).isNotEqualTo(first);
        assertThat(Argon2id.verify("rahasia", first, CEILING)).isTrue();
        assertThat(Argon2id.isArgon2id(first)).isTrue();
        assertThat(Argon2id.isArgon2id("$hmac-sha256$k=1$a$b")).isFalse();
    }

    @Test
    void aStoredHashAskingForTooMuchOrOfAnotherKindIsRefusedNotComputed() {
        assertThatThrownBy(() -> Argon2id.verify("583920", OLD_APP_PIN_HASH.replace("m=19456", "m=4194304"), CEILING))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exceed");
        assertThatThrownBy(() -> Argon2id.verify("583920", OLD_PASSWORD_HASH_TWO_LANES, CEILING))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Argon2id.verify("583920", OLD_APP_PIN_HASH.replace("argon2id", "argon2i"), CEILING))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Argon2id.verify("583920", OLD_APP_PIN_HASH.replace("t=2", "x=2"), CEILING))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Argon2id.verify("583920", null, CEILING)).isInstanceOf(IllegalStateException.class);
    }
}
