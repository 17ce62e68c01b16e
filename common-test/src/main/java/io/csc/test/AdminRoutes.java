package io.csc.test;

import java.io.File;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every operator route of a service, found in its compiled resource classes rather than listed by hand: each JAX-RS
 * method marked {@code @AdminOnly} (on the method or its class), with its HTTP method and path, path parameters
 * filled with a placeholder. A "no data without the admin token" test built on it covers a route the day it is added.
 */
public final class AdminRoutes {
    private static final Set<String> VERBS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH");
    private static final String ADMIN_ONLY = "io.csc.web.AdminOnly";
    private static final String PATH = "jakarta.ws.rs.Path";

    /** {@code [method, path]}, e.g. {@code ["GET", "/api/admin/config/1"]}. */
    public record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private AdminRoutes() {
    }

    /**
     * The admin routes of the classes in {@code pkg} (on the class path as a directory: the module's own
     * {@code target/classes}), sorted; path parameters become {@code placeholder}.
     */
    public static List<Route> in(String pkg, String placeholder) {
        Set<String> found = new TreeSet<>();
        try {
            Enumeration<URL> dirs = Thread.currentThread().getContextClassLoader().getResources(pkg.replace('.', '/'));
            while (dirs.hasMoreElements()) {
                URL dir = dirs.nextElement();
                if (!"file".equals(dir.getProtocol())) {
                    continue;
                }
                File[] files = new File(dir.toURI()).listFiles((d, name) -> name.endsWith(".class"));
                for (File f : files == null ? new File[0] : files) {
                    String name = pkg + "." + f.getName().substring(0, f.getName().length() - ".class".length());
                    Class<?> type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
                    routes(type, placeholder, found);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not list the admin routes of " + pkg, e);
        }
        List<Route> out = new ArrayList<>();
        for (String r : found) {
            int space = r.indexOf(' ');
            out.add(new Route(r.substring(0, space), r.substring(space + 1)));
        }
        return out;
    }

    private static void routes(Class<?> type, String placeholder, Set<String> found) throws Exception {
        String base = path(type.getAnnotations());
        if (base == null) {
            return;
        }
        boolean classAdmin = has(type.getAnnotations(), ADMIN_ONLY);
        for (Method m : type.getDeclaredMethods()) {
            String verb = null;
            for (Annotation a : m.getAnnotations()) {
                String simple = a.annotationType().getName();
                if (simple.startsWith("jakarta.ws.rs.") && VERBS.contains(a.annotationType().getSimpleName())) {
                    verb = a.annotationType().getSimpleName();
                }
            }
            if (verb == null || !(classAdmin || has(m.getAnnotations(), ADMIN_ONLY))) {
                continue;
            }
            String sub = path(m.getAnnotations());
            String full = join(base, sub == null ? "" : sub).replaceAll("\\{[^}]*}", placeholder);
            found.add(verb + " " + full);
        }
    }

    private static String join(String a, String b) {
        String left = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
        if (b.isEmpty()) {
            return left.startsWith("/") ? left : "/" + left;
        }
        String right = b.startsWith("/") ? b : "/" + b;
        return (left.startsWith("/") ? left : "/" + left) + right;
    }

    private static String path(Annotation[] annotations) throws Exception {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().equals(PATH)) {
                return (String) a.annotationType().getMethod("value").invoke(a);
            }
        }
        return null;
    }

    private static boolean has(Annotation[] annotations, String name) {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
