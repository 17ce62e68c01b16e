package io.csc.chat.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

/**
 * The demo page's static files ({@code widget/demo/} in the repository, copied into chat-service's classpath by the
 * build). Read once at start: they are small, and requests must not read the jar on the event loop.
 */
@ApplicationScoped
@Startup
public class DemoAssets {
    /** Only these names are served: no path from a request ever reaches the class loader. */
    static final Map<String, String> TYPES = Map.of("index.html", "text/html; charset=utf-8", "demo.css",
            "text/css; charset=utf-8", "demo.js", "text/javascript; charset=utf-8");
    /** Where chat-service's build copies them (its pom: {@code ../widget} as {@code widget/} on the classpath). */
    static final String ROOT = "widget/demo/";

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    public DemoAssets() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        for (String name : TYPES.keySet()) {
            try (InputStream in = cl.getResourceAsStream(ROOT + name)) {
                if (in != null) {
                    files.put(name, in.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public Optional<byte[]> get(String name) {
        return Optional.ofNullable(files.get(name));
    }
}
