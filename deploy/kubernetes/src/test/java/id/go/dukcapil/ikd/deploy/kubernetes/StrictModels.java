package id.go.dukcapil.ikd.deploy.kubernetes;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Strict validation of one resource: its apiVersion and kind must be one the pinned API serves,
 * it must bind to that API's model (types, enums of the model), and no field may be unknown to
 * the model (the models keep unknown fields in {@code additionalProperties}; any there is an
 * error, as {@code kubectl apply --validate=strict} would refuse it).
 *
 * <p>Models: Kubernetes API and Gateway API v1 from fabric8 kubernetes-model, the Prometheus
 * Operator's monitoring.coreos.com/v1 from fabric8 openshift-model-monitoring, Strimzi's own
 * {@code io.strimzi:api} of the pinned operator (only the versions it serves). CloudNativePG
 * publishes no Java or JSON-schema package: {@link CloudNativePgSchema} holds its fields.
 */
final class StrictModels {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    /** apiVersion/kind → model, the only kinds the manifests may hold. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("batch/v1/CronJob", CronJob.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("gateway.networking.k8s.io/v1/Gateway", Gateway.class),
            Map.entry("gateway.networking.k8s.io/v1/HTTPRoute", HTTPRoute.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry(strimzi(Kafka.VERSIONS, "Kafka"), Kafka.class),
            Map.entry(strimzi(KafkaNodePool.VERSIONS, "KafkaNodePool"), KafkaNodePool.class),
            Map.entry(strimzi(KafkaTopic.VERSIONS, "KafkaTopic"), KafkaTopic.class),
            Map.entry(strimzi(KafkaUser.VERSIONS, "KafkaUser"), KafkaUser.class));

    private StrictModels() {
    }

    /** The newest version the pinned Strimzi API serves; Strimzi 1.x serves v1 only. */
    private static String strimzi(List<String> versions, String kind) {
        return "kafka.strimzi.io/" + versions.getFirst() + "/" + kind;
    }

    /** The problems of one resource; empty when it is valid. */
    static List<String> problems(ObjectNode resource) {
        String key = resource.path("apiVersion").asText() + "/" + resource.path("kind").asText();
        String where = key + " " + resource.path("metadata").path("name").asText();
        if (CloudNativePgSchema.handles(resource.path("apiVersion").asText())) {
            return CloudNativePgSchema.problems(resource).stream().map(p -> where + ": " + p).toList();
        }
        Class<?> model = MODELS.get(key);
        if (model == null) {
            return List.of(where + ": no pinned API serves this apiVersion and kind");
        }
        Object bound;
        try {
            bound = MAPPER.treeToValue(resource, model);
        } catch (Exception e) {
            return List.of(where + ": does not bind to " + model.getSimpleName() + ": " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        unknownFields(bound, "", problems, new IdentityHashMap<>());
        return problems.stream().map(p -> where + ": unknown field " + p).toList();
    }

    private static void unknownFields(Object value, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems, seen));
            return;
        }
        String type = value.getClass().getName();
        if (!type.startsWith("io.fabric8.") && !type.startsWith("io.strimzi.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class || !getter.getName().startsWith("get")) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties") && child instanceof Map<?, ?> extra) {
                extra.keySet().forEach(name -> problems.add(path + "." + name));
            } else if (!IGNORED_GETTERS.contains(getter.getName())) {
                unknownFields(child, path + "." + property(getter.getName()), problems, seen);
            }
        }
    }

    /** Derived views of the models, not fields of the document. */
    private static final Set<String> IGNORED_GETTERS = Set.of("getClass", "getPlural", "getSingular", "getCRDName",
            "getScope", "getGroup", "getVersion", "getKind", "getApiVersion", "getFullResourceName");

    private static String property(String getter) {
        return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
    }
}
