package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.dukcapil.ikd.testing.IkdTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The admin API of the working-day calendar's holidays: list, add, remove; admins only; problem+json. */
@QuarkusTest
@QuarkusTestResource(value = IkdTestResource.class, initArgs = @ResourceArg(name = "database", value = "verification"))
@QuarkusTestResource(RegistrationServiceStub.class)
class HolidayAdminTest {

    private static final String API = "/api/v1/admin/holidays";

    @Test
    void the2026HolidaysAreSeeded() {
        List<Map<String, Object>> holidays = given().auth().oauth2(TestSupport.login("admin"))
                .get(API + "?year=2026").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(holidays).extracting(h -> h.get("day")).contains("2026-01-01", "2026-08-17", "2026-12-25",
                "2026-12-24");
        assertThat(holidays).filteredOn(h -> h.get("day").equals("2026-12-24")).extracting(h -> h.get("kind"))
                .containsExactly("CUTI_BERSAMA");
    }

    @Test
    void anAdminAddsAndRemovesAHoliday() {
        String admin = TestSupport.login("admin");
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("day", "2027-03-29", "kind", "CUTI_BERSAMA", "name", "Cuti bersama uji / test"))
                .post(API).then().statusCode(201).body("day", equalTo("2027-03-29"));
        given().auth().oauth2(admin).get(API + "?year=2027").then().statusCode(200)
                .body("find { it.day == '2027-03-29' }.name", equalTo("Cuti bersama uji / test"));
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("day", "2027-03-29", "kind", "NATIONAL", "name", "Lagi / again"))
                .post(API).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("HOLIDAY_EXISTS"));

        given().auth().oauth2(admin).delete(API + "/2027-03-29").then().statusCode(204);
        given().auth().oauth2(admin).get(API + "?year=2027").then().statusCode(200)
                .body("find { it.day == '2027-03-29' }", equalTo(null));
        given().auth().oauth2(admin).delete(API + "/2027-03-29").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("HOLIDAY_NOT_FOUND"));
    }

    @Test
    void invalidInputIsAProblem() {
        String admin = TestSupport.login("admin");
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("day", "2027-02-30", "kind", "NATIONAL", "name", "Tidak ada / none"))
                .post(API).then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("day", "27-01-01", "kind", "NATIONAL", "name", "x"))
                .post(API).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void onlyAdminsKeepTheCalendar() {
        given().auth().oauth2(TestSupport.login("demo.supervisor")).get(API).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestSupport.login("demo.operator")).contentType("application/json")
                .body(Map.of("day", "2027-04-01", "kind", "NATIONAL", "name", "x")).post(API).then().statusCode(403);
        given().get(API).then().statusCode(401);
    }
}
