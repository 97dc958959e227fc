package dev.storyline.ingest.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import dev.storyline.testsupport.InfraResource;

/** With STORYLINE_API_KEYS set, writes need one of the keys; reads, health and metrics stay open. */
@QuarkusTest
@TestProfile(ApiKeysTest.WithKeys.class)
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "db", value = "ingest_test"))
class ApiKeysTest {

    public static class WithKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("storyline.api-keys", "key-one,key-two");
        }
    }

    private static Map<String, String> article() {
        return Map.of("externalId", UUID.randomUUID().toString(), "text", "A council vote on the river bridge today.");
    }

    @Test
    void writesNeedAKey() {
        given().contentType(ContentType.JSON).body(article()).post("/api/articles")
                .then().statusCode(401).contentType(ContentType.JSON).header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401)).body("detail", containsString("Authorization: Bearer"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer key-three").body(article())
                .post("/api/articles").then().statusCode(401).body("detail", containsString("not valid"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer key-two").body(article())
                .post("/api/articles").then().statusCode(202);
        given().delete("/api/feeds/" + UUID.randomUUID()).then().statusCode(401);
        given().header("Authorization", "Bearer key-one").delete("/api/feeds/" + UUID.randomUUID()).then().statusCode(404);
        given().contentType("text/plain").body("{}").post("/api/articles/batch").then().statusCode(401);
    }

    @Test
    void readsHealthAndMetricsStayOpenAndTheSchemeIsDocumented() {
        given().get("/api/feeds").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.apiKey.scheme", equalTo("bearer"))
                .body("paths.'/api/articles'.post.security[0]", not(equalTo(null)));
    }
}
