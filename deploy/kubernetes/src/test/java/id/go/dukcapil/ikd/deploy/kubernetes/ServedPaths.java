package id.go.dukcapil.ikd.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The paths one service serves, read from its packaged application ({@code target/quarkus-app}):
 * every JAX-RS resource class (its class-level {@code @Path} joined with each method's) and
 * every static resource under {@code META-INF/resources}, its own and those of the suite's
 * platform jars (ikd-web-assets serves jsQR to two services). REST-client interfaces carry
 * {@code @Path} too but are not served, so only concrete classes count. Path parameters
 * ({@code {id}}) are kept as written: they match any one segment.
 */
final class ServedPaths {

    private static final String PATH = "jakarta.ws.rs.Path";
    /** Quarkus names a dependency in lib/main groupId.artifactId-version.jar. */
    private static final String PLATFORM_JARS = "id.go.dukcapil.ikd.";
    private static final Set<String> HTTP_METHODS = Set.of("jakarta.ws.rs.GET", "jakarta.ws.rs.POST", "jakarta.ws.rs.PUT",
            "jakarta.ws.rs.DELETE", "jakarta.ws.rs.PATCH", "jakarta.ws.rs.HEAD", "jakarta.ws.rs.OPTIONS");

    private ServedPaths() {
    }

    static Path application(String service) {
        Path app = Project.ROOT.resolve(service + "/target/quarkus-app");
        if (!Files.isDirectory(app)) {
            throw new IllegalStateException(app + " is missing: package the services first "
                    + "(./mvnw -B package -DskipTests -pl " + service + " -am); ./mvnw verify does it before this module");
        }
        return app;
    }

    /** Every path the service answers, sorted. */
    static Set<String> of(String service) {
        Path app = application(service);
        Path jar = single(app.resolve("app"));
        Set<String> paths = new TreeSet<>();
        List<URL> classpath = new ArrayList<>();
        try (Stream<Path> libraries = Files.list(app.resolve("lib/main")); ZipFile zip = new ZipFile(jar.toFile())) {
            classpath.add(jar.toUri().toURL());
            for (Path library : libraries.toList()) {
                classpath.add(library.toUri().toURL());
                if (library.getFileName().toString().startsWith(PLATFORM_JARS)) {
                    paths.addAll(staticResources(library));
                }
            }
            List<String> classes = new ArrayList<>();
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                if (name.startsWith("META-INF/resources/") && !entry.isDirectory()) {
                    paths.add(name.substring("META-INF/resources".length()));
                } else if (name.endsWith(".class")) {
                    classes.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
            }
            try (URLClassLoader loader = new URLClassLoader(classpath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
                for (String name : classes) {
                    paths.addAll(resourcePaths(Class.forName(name, false, loader)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return paths;
    }

    private static Set<String> staticResources(Path library) throws IOException {
        Set<String> paths = new TreeSet<>();
        try (ZipFile zip = new ZipFile(library.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                if (entry.getName().startsWith("META-INF/resources/") && !entry.isDirectory()) {
                    paths.add(entry.getName().substring("META-INF/resources".length()));
                }
            }
        }
        return paths;
    }

    private static List<String> resourcePaths(Class<?> type) {
        String root = path(type.getAnnotations());
        if (root == null || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return List.of();
        }
        List<String> paths = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            String sub = path(method.getAnnotations());
            boolean endpoint = Stream.of(method.getAnnotations()).anyMatch(a -> HTTP_METHODS.contains(a.annotationType().getName()));
            if (endpoint || sub != null) {
                paths.add(join(root, sub));
            }
        }
        return paths;
    }

    private static String path(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals(PATH)) {
                try {
                    return (String) annotation.annotationType().getMethod("value").invoke(annotation);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String joined = ("/" + root + "/" + (sub == null ? "" : sub)).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static Path single(Path dir) {
        try (Stream<Path> jars = Files.list(dir)) {
            List<Path> all = jars.filter(p -> p.toString().endsWith(".jar")).toList();
            if (all.size() != 1) {
                throw new IllegalStateException(dir + " should hold one jar, holds " + all);
            }
            return all.getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
