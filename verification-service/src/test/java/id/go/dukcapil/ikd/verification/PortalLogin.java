package id.go.dukcapil.ikd.verification;

import static io.restassured.RestAssured.given;

import io.restassured.response.ExtractableResponse;

/** Signs in through the portal's login form as a browser does, for tests that post the portal's forms and scripts. */
final class PortalLogin {

    private static final String CSRF_COOKIE = "ikd_portal_csrf";

    private PortalLogin() {
    }

    /** The two cookies a signed-in browser holds. */
    record Visitor(String session, String csrf) {
    }

    static Visitor visitor(String username) {
        String pageToken = given().get("/portal/login").then().statusCode(200).extract().cookie(CSRF_COOKIE);
        ExtractableResponse<?> signedIn = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie(CSRF_COOKIE, pageToken).formParam("csrf", pageToken).formParam("username", username)
                .formParam("password", TestSupport.DEMO_PASSWORD).post("/portal/login").then().statusCode(303).extract();
        return new Visitor(signedIn.cookie("ikd_operator_session"), signedIn.cookie(CSRF_COOKIE));
    }

    static String session(String username) {
        return visitor(username).session();
    }
}
