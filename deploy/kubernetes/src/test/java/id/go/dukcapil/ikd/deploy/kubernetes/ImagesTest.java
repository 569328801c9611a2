package id.go.dukcapil.ikd.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The images the manifests run are the images the build makes: the images profile of
 * platform/service-parent names them dukcapil-ikd/&lt;artifactId&gt;:&lt;version&gt; and runs them as
 * user 185; the base runs exactly those names at the project's version, as that user.
 */
class ImagesTest {

    private static final Pattern TARGET = Pattern.compile("<to><image>dukcapil-ikd/\\$\\{project.artifactId}:\\$\\{ikd.image.tag}</image></to>");
    private static final Pattern USER = Pattern.compile("<user>(\\d+):(\\d+)</user>");
    private static final Pattern SBOM = Pattern.compile(
            "<artifactId>cyclonedx-maven-plugin</artifactId>[\\s\\S]*?<phase>package</phase>\\s*<goals><goal>makeBom</goal></goals>");
    private static final Pattern VERSION = Pattern.compile("<artifactId>ikd-parent</artifactId>\\s*<version>([^<]+)</version>");

    @Test
    void theBaseRunsTheImagesTheProfileBuilds() {
        String parent = Project.read(Project.ROOT.resolve("platform/service-parent/pom.xml"));
        assertThat(TARGET.matcher(parent).find()).as("the images profile's target name").isTrue();
        Matcher user = USER.matcher(parent);
        assertThat(user.find()).isTrue();
        Matcher version = VERSION.matcher(Project.read(Project.ROOT.resolve("pom.xml")));
        assertThat(version.find()).isTrue();

        CrossReferences base = new CrossReferences(Manifests.build(Project.KUBERNETES.resolve("base")));
        for (String service : Project.SERVICES) {
            assertThat(Project.read(Project.ROOT.resolve(service + "/pom.xml"))).contains("<artifactId>" + service + "</artifactId>");
            ObjectNode deployment = base.ofKind("Deployment").stream().filter(d -> CrossReferences.name(d).equals(service))
                    .findFirst().orElseThrow();
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertThat(pod.path("containers").get(0).path("image").asText())
                    .isEqualTo("dukcapil-ikd/" + service + ":" + version.group(1));
            assertThat(pod.path("securityContext").path("runAsUser").asText()).isEqualTo(user.group(1));
            assertThat(pod.path("securityContext").path("runAsGroup").asText()).isEqualTo(user.group(2));
        }
    }

    /**
     * Every service's package makes its CycloneDX SBOM (no profile needed, so CI makes and validates
     * it), and the image carries the same file where a scanner looks beside the code.
     */
    @Test
    void everyImageCarriesTheSbomThePackageMakes() {
        String parent = Project.read(Project.ROOT.resolve("platform/service-parent/pom.xml"));
        String build = parent.substring(0, parent.indexOf("<profiles>"));
        Matcher bom = SBOM.matcher(build);
        assertThat(bom.find()).as("makeBom bound to package outside any profile").isTrue();
        assertThat(build).contains("<outputDirectory>${project.build.directory}/sbom</outputDirectory>")
                .contains("<outputFormat>json</outputFormat>").contains("<includeTestScope>false</includeTestScope>");
        String images = parent.substring(parent.indexOf("<id>images</id>"));
        assertThat(images).containsPattern(
                "<from>\\$\\{project.build.directory}/sbom</from>\\s*<into>/deployments/sbom</into>");
        for (String service : Project.SERVICES) {
            assertThat(Project.read(Project.ROOT.resolve(service + "/pom.xml")))
                    .as("%s inherits the service parent", service).contains("<artifactId>ikd-service-parent</artifactId>");
        }
    }

    @Test
    void productionPinsAReleaseTagOfTheSameNames() {
        CrossReferences production = new CrossReferences(Manifests.build(Project.KUBERNETES.resolve("overlays/production")));
        assertThat(production.ofKind("Deployment")).allSatisfy(d -> assertThat(
                d.path("spec").path("template").path("spec").path("containers").get(0).path("image").asText())
                .isEqualTo("dukcapil-ikd/" + CrossReferences.name(d) + ":0.1.0"));
    }
}
