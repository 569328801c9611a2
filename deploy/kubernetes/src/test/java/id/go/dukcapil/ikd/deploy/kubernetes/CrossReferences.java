package id.go.dukcapil.ikd.deploy.kubernetes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The references between resources that no schema checks: selectors, secrets and config maps,
 * topics and ACLs, routes. Each method returns the problems it finds (empty: all hold).
 */
final class CrossReferences {

    private static final Pattern SECRET_LINE = Pattern.compile("(?m)^\\s*apply_secret\\s+(\\S+)(.*)$");
    private static final Pattern DATABASE_LOOP = Pattern.compile("for database in ([\\w\\s]+); do");
    private static final Pattern SECRET_KEY = Pattern.compile("--from-(?:file|literal)=([\\w.-]+)=");

    private final List<ObjectNode> resources;

    CrossReferences(List<ObjectNode> resources) {
        this.resources = resources;
    }

    List<ObjectNode> ofKind(String kind) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    /** Every Service selects the pods of a Deployment, and every Deployment has its Service. */
    List<String> serviceSelectors() {
        List<String> problems = new ArrayList<>();
        for (ObjectNode service : ofKind("Service")) {
            Map<String, String> selector = strings(service.path("spec").path("selector"));
            boolean matched = !selector.isEmpty() && ofKind("Deployment").stream()
                    .anyMatch(d -> strings(d.path("spec").path("template").path("metadata").path("labels"))
                            .entrySet().containsAll(selector.entrySet()));
            if (!matched) {
                problems.add("Service " + name(service) + " selects no Deployment's pods: " + selector);
            }
            for (JsonNode port : service.path("spec").path("ports")) {
                JsonNode target = port.path("targetPort");
                if (target.isTextual() && ofKind("Deployment").stream().noneMatch(d -> containerPorts(d).contains(target.asText()))) {
                    problems.add("Service " + name(service) + " targets port " + target.asText() + ", which no container names");
                }
            }
        }
        return problems;
    }

    /** Every Secret, ConfigMap and volume a Deployment uses exists, or is created by the script or an operator. */
    List<String> podReferences(String secretScript) {
        Map<String, Set<String>> secrets = knownSecrets(secretScript);
        Set<String> configMaps = new HashSet<>();
        ofKind("ConfigMap").forEach(c -> configMaps.add(name(c)));
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : ofKind("Deployment")) {
            String owner = "Deployment " + name(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            Set<String> volumes = new HashSet<>();
            for (JsonNode volume : pod.path("volumes")) {
                volumes.add(volume.path("name").asText());
                if (volume.has("secret")) {
                    String secret = volume.path("secret").path("secretName").asText();
                    checkSecret(owner, secret, null, secrets, problems);
                    for (JsonNode item : volume.path("secret").path("items")) {
                        checkSecret(owner, secret, item.path("key").asText(), secrets, problems);
                    }
                }
                if (volume.has("configMap") && !configMaps.contains(volume.path("configMap").path("name").asText())) {
                    problems.add(owner + " mounts ConfigMap " + volume.path("configMap").path("name").asText() + ", which is not defined");
                }
            }
            for (JsonNode container : pod.path("containers")) {
                for (JsonNode from : container.path("envFrom")) {
                    if (from.has("secretRef")) {
                        checkSecret(owner, from.path("secretRef").path("name").asText(), null, secrets, problems);
                    }
                    if (from.has("configMapRef") && !configMaps.contains(from.path("configMapRef").path("name").asText())) {
                        problems.add(owner + " reads ConfigMap " + from.path("configMapRef").path("name").asText() + ", which is not defined");
                    }
                }
                for (JsonNode env : container.path("env")) {
                    JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                    if (!ref.isMissingNode()) {
                        // an optional key (a previous key kept for rotation) may be absent
                        String key = ref.path("optional").asBoolean(false) ? null : ref.path("key").asText();
                        checkSecret(owner, ref.path("name").asText(), key, secrets, problems);
                    }
                    JsonNode cmRef = env.path("valueFrom").path("configMapKeyRef");
                    if (!cmRef.isMissingNode() && !configMaps.contains(cmRef.path("name").asText())) {
                        problems.add(owner + " reads ConfigMap " + cmRef.path("name").asText() + ", which is not defined");
                    }
                }
                for (JsonNode mount : container.path("volumeMounts")) {
                    if (!volumes.contains(mount.path("name").asText())) {
                        problems.add(owner + " mounts volume " + mount.path("name").asText() + ", which the pod does not declare");
                    }
                }
            }
        }
        return problems;
    }

    private static void checkSecret(String owner, String secret, String key, Map<String, Set<String>> secrets, List<String> problems) {
        Set<String> keys = secrets.get(secret);
        if (keys == null) {
            problems.add(owner + " uses Secret " + secret + ", which neither the manifests, generate-secrets.sh nor an operator creates");
        } else if (key != null && !keys.contains(key)) {
            problems.add(owner + " uses key " + key + " of Secret " + secret + ", which holds only " + new TreeSet<>(keys));
        }
    }

    /** Secret name → its keys: from generate-secrets.sh, and what Strimzi creates for the resources here. */
    Map<String, Set<String>> knownSecrets(String secretScript) {
        Map<String, Set<String>> secrets = new HashMap<>();
        Matcher loop = DATABASE_LOOP.matcher(secretScript);
        List<String> databases = loop.find() ? List.of(loop.group(1).trim().split("\\s+")) : List.of();
        Matcher line = SECRET_LINE.matcher(secretScript);
        while (line.find()) {
            Set<String> keys = new HashSet<>();
            Matcher key = SECRET_KEY.matcher(line.group(2));
            while (key.find()) {
                keys.add(key.group(1));
            }
            String name = line.group(1).replace("\"", "");
            if (name.contains("$database")) {
                databases.forEach(database -> secrets.put(name.replace("$database", database), keys));
            } else if (!name.contains("$")) {
                secrets.put(name, keys);
            }
        }
        ofKind("Secret").forEach(s -> secrets.put(name(s), new HashSet<>(strings(s.path("stringData")).keySet())));
        // Strimzi: the cluster CA certificate of each Kafka, and one secret per SCRAM KafkaUser
        ofKind("Kafka").forEach(k -> secrets.put(name(k) + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password")));
        ofKind("KafkaUser").forEach(u -> secrets.put(name(u), Set.of("password", "sasl.jaas.config")));
        return secrets;
    }

    /**
     * Every topic a service reads or writes has a KafkaTopic, and the service's KafkaUser may do
     * exactly that: Read on what it consumes (and its group), Write on what it produces, nothing else.
     */
    List<String> topicsAndAcls(Map<String, Set<String>> consumed, Map<String, Set<String>> produced) {
        List<String> problems = new ArrayList<>();
        Set<String> topics = new HashSet<>();
        ofKind("KafkaTopic").forEach(t -> topics.add(t.path("spec").path("topicName").asText(name(t))));
        for (String service : consumed.keySet()) {
            Set<String> all = new TreeSet<>(consumed.get(service));
            all.addAll(produced.get(service));
            all.stream().filter(t -> !topics.contains(t)).forEach(t -> problems.add(service + " uses topic " + t + ", which has no KafkaTopic"));
            ObjectNode user = ofKind("KafkaUser").stream().filter(u -> name(u).equals(service)).findFirst().orElse(null);
            if (user == null) {
                problems.add(service + " has no KafkaUser");
                continue;
            }
            Map<String, Set<String>> granted = new HashMap<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                String target = resource.path("type").asText() + ":" + resource.path("name").asText();
                if (!resource.path("patternType").asText("literal").equals("literal")) {
                    problems.add("KafkaUser " + service + " has a " + resource.path("patternType").asText() + " ACL on " + target + ": only literal names are allowed");
                }
                acl.path("operations").forEach(op -> granted.computeIfAbsent(target, k -> new HashSet<>()).add(op.asText()));
            }
            Map<String, Set<String>> needed = new HashMap<>();
            consumed.get(service).forEach(t -> needed.computeIfAbsent("topic:" + t, k -> new HashSet<>()).addAll(Set.of("Read", "Describe")));
            produced.get(service).forEach(t -> needed.computeIfAbsent("topic:" + t, k -> new HashSet<>()).addAll(Set.of("Write", "Describe")));
            if (!consumed.get(service).isEmpty()) {
                needed.put("group:" + service, Set.of("Read"));
            }
            needed.forEach((target, ops) -> {
                if (!granted.getOrDefault(target, Set.of()).containsAll(ops)) {
                    problems.add("KafkaUser " + service + " lacks " + ops + " on " + target + " (has " + granted.getOrDefault(target, Set.of()) + ")");
                }
            });
            granted.forEach((target, ops) -> {
                Set<String> extra = new TreeSet<>(ops);
                extra.removeAll(needed.getOrDefault(target, Set.of()));
                if (!extra.isEmpty()) {
                    problems.add("KafkaUser " + service + " may " + extra + " on " + target + ", which it does not need");
                }
            });
        }
        return problems;
    }

    /**
     * The HTTPRoutes route exactly the table: per hostname, the same (path, match, service); every
     * backend is a Service port that exists; streams get no request timeout.
     */
    List<String> routes(RouteTable table) {
        List<String> problems = new ArrayList<>();
        if (ofKind("HTTPRoute").isEmpty() && ofKind("Ingress").isEmpty()) {
            return List.of("no way in: neither HTTPRoutes nor an Ingress");
        }
        if (ofKind("HTTPRoute").isEmpty()) {
            return problems;
        }
        Set<String> expected = new TreeSet<>();
        table.routes().forEach(r -> expected.add(r.host() + " " + r.match() + " " + r.path() + " -> " + r.service() + (r.stream() ? " stream" : "")));
        Set<String> actual = new TreeSet<>();
        for (ObjectNode route : ofKind("HTTPRoute")) {
            for (JsonNode hostname : route.path("spec").path("hostnames")) {
                for (JsonNode rule : route.path("spec").path("rules")) {
                    boolean stream = rule.path("timeouts").path("request").asText("").equals("0s");
                    for (JsonNode match : rule.path("matches")) {
                        String type = match.path("path").path("type").asText("PathPrefix").equals("Exact") ? "exact" : "prefix";
                        for (JsonNode backend : rule.path("backendRefs")) {
                            actual.add(hostname.asText() + " " + type + " " + match.path("path").path("value").asText() + " -> "
                                    + backend.path("name").asText() + (stream ? " stream" : ""));
                            problems.addAll(servicePort("HTTPRoute " + name(route), backend.path("name").asText(), backend.path("port").asInt(-1), null));
                        }
                    }
                }
            }
        }
        difference(expected, actual, "the table routes %s, the HTTPRoutes do not", problems);
        difference(actual, expected, "the HTTPRoutes route %s, which the table does not", problems);
        return problems;
    }

    /** The alternative Ingress, when present, routes the same paths to the same Service ports. */
    List<String> ingressRoutes(RouteTable table) {
        List<String> problems = new ArrayList<>();
        List<ObjectNode> ingresses = ofKind("Ingress");
        if (ingresses.isEmpty()) {
            return problems;
        }
        Set<String> expected = new TreeSet<>();
        table.routes().forEach(r -> expected.add(r.host() + " " + r.match() + " " + r.path() + " -> " + r.service()));
        Set<String> actual = new TreeSet<>();
        for (ObjectNode ingress : ingresses) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    JsonNode backend = path.path("backend").path("service");
                    actual.add(rule.path("host").asText() + " " + path.path("pathType").asText().toLowerCase() + " "
                            + path.path("path").asText() + " -> " + backend.path("name").asText());
                    problems.addAll(servicePort("Ingress " + name(ingress), backend.path("name").asText(),
                            backend.path("port").path("number").asInt(-1), backend.path("port").path("name").asText(null)));
                }
            }
        }
        difference(expected, actual, "the table routes %s, the Ingress does not", problems);
        difference(actual, expected, "the Ingress routes %s, which the table does not", problems);
        return problems;
    }

    private List<String> servicePort(String owner, String serviceName, int number, String portName) {
        ObjectNode service = ofKind("Service").stream().filter(s -> name(s).equals(serviceName)).findFirst().orElse(null);
        if (service == null) {
            return List.of(owner + " sends to Service " + serviceName + ", which does not exist");
        }
        for (JsonNode port : service.path("spec").path("ports")) {
            if (port.path("port").asInt() == number || (portName != null && portName.equals(port.path("name").asText()))) {
                return List.of();
            }
        }
        return List.of(owner + " sends to port " + (portName != null ? portName : number) + " of Service " + serviceName + ", which it does not have");
    }

    private static void difference(Set<String> left, Set<String> right, String message, List<String> problems) {
        left.stream().filter(e -> !right.contains(e)).forEach(e -> problems.add(message.formatted(e)));
    }

    private static Set<String> containerPorts(JsonNode deployment) {
        Set<String> names = new HashSet<>();
        for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
            container.path("ports").forEach(p -> names.add(p.path("name").asText()));
        }
        return names;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new HashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
