package id.go.dukcapil.ikd.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of every service, written once: dependencies point one way,
 * {@code rest} → {@code service} → {@code repository}/{@code domain}, with the edges
 * ({@code rest} and {@code portal} for HTTP, {@code messaging} for Kafka) calling in and nothing
 * calling out to them. A service's test extends this and names its base package, e.g.
 * {@code id.go.dukcapil.ikd.registration}.
 *
 * <p>The roles: inbound edges {@code rest}, {@code portal} (HTML pages), {@code messaging}
 * (consumers); the rules and transactions in {@code service}; persistence in {@code repository};
 * the model in {@code domain}; conversions in {@code mapping}; outbound adapters in
 * {@code client}, {@code crypto}, {@code qr}, {@code delivery}; {@code config} and {@code health}
 * beside them; {@code demo} holds demo data that production code never names (configuration picks it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ArchitectureContract {

    private static final List<String> INBOUND_EDGES = List.of("rest", "portal", "messaging");
    private static final List<String> OUTBOUND_ADAPTERS = List.of("client", "crypto", "qr", "delivery");

    private JavaClasses classes;

    /** The service's base package, e.g. {@code id.go.dukcapil.ikd.registration}. */
    protected abstract String basePackage();

    @BeforeAll
    void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage());
    }

    @Test
    void nothingButTheEdgesDependsOnAnInboundEdge() {
        for (String edge : INBOUND_EDGES) {
            String[] others = INBOUND_EDGES.stream().filter(other -> !other.equals(edge)).map(this::pkg)
                    .toArray(String[]::new);
            check(noClasses().that().resideOutsideOfPackages(pkg(edge)).and().resideOutsideOfPackages(others)
                    .should().dependOnClassesThat().resideInAPackage(pkg(edge))
                    .because("REST views, pages and consumers live at the edge: the layers inside never name them"));
        }
    }

    @Test
    void theServiceLayerDependsOnNoEdge() {
        check(noClasses().that().resideInAPackage(pkg("service"))
                .should().dependOnClassesThat().resideInAnyPackage(pkgs(INBOUND_EDGES)));
    }

    @Test
    void repositoriesAndAdaptersDoNotCallUpIntoServicesOrEdges() {
        List<String> lower = new java.util.ArrayList<>(OUTBOUND_ADAPTERS);
        lower.add("repository");
        List<String> upper = new java.util.ArrayList<>(INBOUND_EDGES);
        upper.add("service");
        check(noClasses().that().resideInAnyPackage(pkgs(lower))
                .should().dependOnClassesThat().resideInAnyPackage(pkgs(upper)));
    }

    @Test
    void theDomainDependsOnNoOtherLayer() {
        List<String> layers = new java.util.ArrayList<>(INBOUND_EDGES);
        layers.addAll(OUTBOUND_ADAPTERS);
        layers.addAll(List.of("service", "repository", "mapping"));
        check(noClasses().that().resideInAPackage(pkg("domain"))
                .should().dependOnClassesThat().resideInAnyPackage(pkgs(layers)));
    }

    @Test
    void mappingIsBetweenDomainAndTheWireNotAboveIt() {
        List<String> above = new java.util.ArrayList<>(INBOUND_EDGES);
        above.add("service");
        check(noClasses().that().resideInAPackage(pkg("mapping"))
                .should().dependOnClassesThat().resideInAnyPackage(pkgs(above)));
    }

    @Test
    void productionCodeNeverNamesTheDemo() {
        check(noClasses().that().resideOutsideOfPackage(pkg("demo"))
                .should().dependOnClassesThat().resideInAPackage(pkg("demo"))
                .because("the demo registry and data are chosen by configuration, not by imports"));
    }

    private void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(classes);
    }

    private String pkg(String role) {
        return basePackage() + "." + role + "..";
    }

    private String[] pkgs(List<String> roles) {
        return roles.stream().map(this::pkg).toArray(String[]::new);
    }
}
