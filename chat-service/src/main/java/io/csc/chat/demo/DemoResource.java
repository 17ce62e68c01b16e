package io.csc.chat.demo;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.csc.model.commerce.ProductSummary;
import io.csc.web.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

/**
 * The demo storefront ({@code GET /demo}): a page of the demo store with the widget on it, and the few JSON routes
 * its script calls. Only for the demo tenant ({@code CHAT_DEMO_DOMAIN}); off, every route answers 404.
 */
@Path("/demo")
public class DemoResource {
    /**
     * The page runs under the strict policy a careful store would use: scripts and styles from this origin only,
     * nothing inline, no eval. The widget is served from the same origin here, so 'self' covers it.
     */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final DemoService demo;
    private final DemoAssets assets;
    private final DemoStoreApi storeApi;

    public DemoResource(DemoService demo, DemoAssets assets, DemoStoreApi storeApi) {
        this.demo = demo;
        this.assets = assets;
        this.storeApi = storeApi;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        return asset("index.html");
    }

    @GET
    @Path("/assets/{name}")
    public Response file(@PathParam("name") String name) {
        return asset(name);
    }

    @GET
    @Path("/api/session")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<DemoService.Session> session(@QueryParam("persona") String persona) {
        return demo.session(DemoPersona.parse(persona));
    }

    @GET
    @Path("/api/products")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<List<ProductSummary>> products() {
        return demo.products();
    }

    @GET
    @Path("/api/products/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<ProductSummary> product(@PathParam("id") long id) {
        return demo.product(id);
    }

    @POST
    @Path("/api/cart")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<DemoService.CartAnswer> cart(DemoService.CartRequest request) {
        return demo.cart(request);
    }

    /**
     * The demo store's Store API on this origin ({@link DemoStoreApi}): the widget's Add to cart and the page's cart,
     * as on a store where the plugin runs.
     */
    @GET
    @Path("/wp-json/wc/store/v1/{path: .+}")
    public Uni<Response> storeApiGet(@PathParam("path") String path, @Context UriInfo uri, @Context HttpHeaders headers) {
        return storeApi.forward(call(HttpMethod.GET, path, uri, headers, null));
    }

    @POST
    @Path("/wp-json/wc/store/v1/{path: .+}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> storeApiPost(@PathParam("path") String path, @Context UriInfo uri, @Context HttpHeaders headers,
            byte[] body) {
        return storeApi.forward(call(HttpMethod.POST, path, uri, headers, body));
    }

    @PUT
    @Path("/wp-json/wc/store/v1/{path: .+}")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> storeApiPut(@PathParam("path") String path, @Context UriInfo uri, @Context HttpHeaders headers,
            byte[] body) {
        return storeApi.forward(call(HttpMethod.PUT, path, uri, headers, body));
    }

    @DELETE
    @Path("/wp-json/wc/store/v1/{path: .+}")
    public Uni<Response> storeApiDelete(@PathParam("path") String path, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        return storeApi.forward(call(HttpMethod.DELETE, path, uri, headers, null));
    }

    private static DemoStoreApi.Call call(HttpMethod method, String path, UriInfo uri, HttpHeaders headers, byte[] body) {
        return new DemoStoreApi.Call(method, path, uri.getRequestUri().getRawQuery(), headers::getHeaderString, body);
    }

    private Response asset(String name) {
        demo.domain(); // 404 when the demo is off
        String type = DemoAssets.TYPES.get(name);
        byte[] body = type == null ? null : assets.get(name).orElse(null);
        if (body == null) {
            throw ApiException.notFound("not_found", "Not found");
        }
        return Response.ok(body, type).header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-cache").build();
    }
}
