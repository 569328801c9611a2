package id.go.dukcapil.ikd.deploy.kubernetes;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The built overlays (cached: each is built once per test JVM) and the checks over them. */
final class Manifests {

    private static final Map<Path, List<ObjectNode>> BUILT = new ConcurrentHashMap<>();

    private Manifests() {
    }

    /** A fresh deep copy of the overlay's resources, so a test may plant errors in it. */
    static List<ObjectNode> build(Path overlay) {
        return BUILT.computeIfAbsent(overlay, Kustomize::build).stream().map(ObjectNode::deepCopy).toList();
    }

    static String secretScript() {
        return Project.read(Project.KUBERNETES.resolve("generate-secrets.sh"));
    }

    static RouteTable routeTable() {
        return RouteTable.read(Project.ROOT.resolve("deploy/routes.yaml"));
    }

    /** Every problem of one overlay: strict schemas, then every cross-reference. */
    static List<String> problems(List<ObjectNode> resources) {
        CrossReferences references = new CrossReferences(resources);
        java.util.ArrayList<String> problems = new java.util.ArrayList<>();
        resources.forEach(resource -> problems.addAll(StrictModels.problems(resource)));
        problems.addAll(references.serviceSelectors());
        problems.addAll(references.podReferences(secretScript()));
        problems.addAll(topicProblems(references));
        problems.addAll(references.routes(routeTable()));
        problems.addAll(references.ingressRoutes(routeTable()));
        return problems;
    }

    static List<String> topicProblems(CrossReferences references) {
        Map<String, Set<String>> consumed = new TreeMap<>();
        Map<String, Set<String>> produced = new TreeMap<>();
        for (String service : Project.SERVICES) {
            consumed.put(service, Project.consumedTopics(service));
            produced.put(service, Project.producedTopics(service));
        }
        return references.topicsAndAcls(consumed, produced);
    }
}
