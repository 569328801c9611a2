package id.go.dukcapil.ikd.token;

import static id.go.dukcapil.ikd.token.Fixtures.activatedCitizen;
import static id.go.dukcapil.ikd.token.Fixtures.mint;
import static id.go.dukcapil.ikd.token.QrTokenAttacksTest.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.upokecenter.cbor.CBORObject;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import id.go.dukcapil.ikd.token.Fixtures.Citizen;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The citizen chooses what the QR code shows; the QR carries only that, and a relying party never
 * learns more online than the code shows (a minimal code: what its scope allows).
 */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "token"))
class QrDisclosureTest {

    private static final CBORObject IDENTITY = CBORObject.FromObject(169);
    private static final CBORObject DATE_OF_BIRTH = CBORObject.FromObject(8);

    @Inject
    Pool pool;

    @Test
    void aNameOnlyRelyingPartyCannotLearnTheBirthDateFromTheQrOrTheApi() throws Throwable {
        Citizen citizen = activatedCitizen();
        String minimal = mint(citizen);
        assertThat(Fixtures.cwtClaims(minimal).ContainsKey(IDENTITY)).isFalse();
        verify(minimal, "ikd.name").body("valid", equalTo(true))
                .body("attributes.fullName", equalTo("SITI AMINAH")).body("attributes.size()", equalTo(1));
        assertThat(disclosed(minimal)).isEqualTo("ikd.name");

        String nameOnly = mint(citizen, "name");
        CBORObject shown = Fixtures.cwtClaims(nameOnly).get(IDENTITY);
        assertThat(shown.get(CBORObject.FromObject(4)).AsString()).isEqualTo("SITI AMINAH");
        assertThat(shown.ContainsKey(DATE_OF_BIRTH)).isFalse();
        assertThat(shown.size()).isEqualTo(1);
        verify(nameOnly, "ikd.name ikd.birthdate").body("valid", equalTo(true))
                .body("attributes.fullName", equalTo("SITI AMINAH")).body("attributes.size()", equalTo(1));
    }

    @Test
    void theStandardCodeShowsNameMaskedNikAndBirthDateAndTheAnswerIsCappedAtThem() throws Throwable {
        Citizen citizen = activatedCitizen();
        String token = mint(citizen, "standard");
        CBORObject shown = Fixtures.cwtClaims(token).get(IDENTITY);
        assertThat(shown.get(CBORObject.FromObject(1)).AsString()).isEqualTo("320101********01");
        assertThat(shown.get(CBORObject.FromObject(4)).AsString()).isEqualTo("SITI AMINAH");
        assertThat(shown.get(DATE_OF_BIRTH).AsString()).isEqualTo("19900105");
        assertThat(shown.size()).isEqualTo(3);
        assertThat(token).doesNotContain(Fixtures.NIK);
        verify(token, "ikd.name ikd.nik ikd.birthdate ikd.photo").body("valid", equalTo(true))
                .body("attributes.fullName", equalTo("SITI AMINAH"))
                .body("attributes.nikMasked", equalTo("320101********01"))
                .body("attributes.birthDate", equalTo("1990-01-05"))
                .body("attributes.size()", equalTo(3));
        assertThat(disclosed(token)).isEqualTo("ikd.name ikd.nik ikd.birthdate");

        String full = mint(citizen, "full");
        verify(full, "ikd.photo").body("valid", equalTo(true))
                .body("attributes.photoDigest", equalTo("n4bQgYhMfWWaL-qgxVrQFQ")).body("attributes.size()", equalTo(1));
    }

    @Test
    void anUnknownDisclosureIsAValidationProblem() {
        Citizen citizen = activatedCitizen();
        Fixtures.mintRequest(citizen.subject(), Fixtures.pinProof(citizen.subject()), "everything").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"));
    }

    /** What the single-use table recorded that the relying party learned. */
    private String disclosed(String token) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery("select disclosed from used_qr_token where jti = $1")
                .execute(Tuple.of(Fixtures.jti(token))).map(rows -> rows.iterator().next().getString("disclosed")));
    }
}
