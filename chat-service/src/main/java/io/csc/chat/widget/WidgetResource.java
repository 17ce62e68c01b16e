package io.csc.chat.widget;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;

import io.csc.web.ApiException;

/**
 * The chat widget's script, copied into the classpath at build time from the repository's {@code widget/embed.js}
 * (when present) and served compacted ({@link WidgetScript}). {@code /embed.js} is cached briefly (stores pick up a new release within minutes);
 * {@code /embed/{version}/embed.js} is immutable for a year (a store pinning a version opts out of updates).
 */
@Path("/")
public class WidgetResource {
    static final String SCRIPT = "widget/embed.js";
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private final byte[] script;
    private final String etag;

    public WidgetResource() {
        this.script = WidgetScript.compact(load(SCRIPT));
        this.etag = script == null ? null : "\"" + sha256(script).substring(0, 32) + "\"";
    }

    @GET
    @Path("embed.js")
    public Response embed(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(ifNoneMatch, "public, max-age=300");
    }

    @GET
    @Path("embed/{version}/embed.js")
    public Response pinned(@RestPath String version, @HeaderParam("If-None-Match") String ifNoneMatch) {
        if (!VERSION.matcher(version).matches()) {
            throw ApiException.notFound("widget_not_found", "No such widget version");
        }
        return serve(ifNoneMatch, "public, max-age=31536000, immutable");
    }

    private Response serve(String ifNoneMatch, String cacheControl) {
        if (script == null) {
            throw ApiException.notFound("widget_not_found", "The widget is not part of this build");
        }
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().tag(etag.substring(1, etag.length() - 1)).header("Cache-Control", cacheControl)
                    .build();
        }
        return Response.ok(script).type("text/javascript; charset=utf-8").header("ETag", etag)
                .header("Cache-Control", cacheControl).header("X-Content-Type-Options", "nosniff").build();
    }

    static byte[] load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
