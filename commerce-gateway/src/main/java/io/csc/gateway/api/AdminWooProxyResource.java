package io.csc.gateway.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.csc.gateway.tenant.TenantService;
import io.csc.gateway.woo.WooCommerceApi;
import io.csc.web.AdminOnly;
import io.csc.web.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * The whole WooCommerce API of one store for operators: {@code /api/admin/woocommerce/{domain}/products?per_page=5}
 * becomes {@code GET {store}/wp-json/wc/v3/products?per_page=5}, signed with that store's keys. Pagination headers
 * come back as the store sent them.
 */
@Path("/api/admin/woocommerce/{domain}/{path: .+}")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class AdminWooProxyResource {
    private final TenantService tenants;
    private final WooCommerceApi woo;
    private final ObjectMapper json;

    public AdminWooProxyResource(TenantService tenants, WooCommerceApi woo, ObjectMapper json) {
        this.tenants = tenants;
        this.woo = woo;
        this.json = json;
    }

    @GET
    public Uni<Response> get(@PathParam("domain") String domain, @PathParam("path") String path, @Context UriInfo uri) {
        return forward("GET", domain, path, uri, null);
    }

    @DELETE
    public Uni<Response> delete(@PathParam("domain") String domain, @PathParam("path") String path, @Context UriInfo uri) {
        return forward("DELETE", domain, path, uri, null);
    }

    @POST
    public Uni<Response> post(@PathParam("domain") String domain, @PathParam("path") String path, @Context UriInfo uri,
            String body) {
        return forward("POST", domain, path, uri, body);
    }

    @PUT
    public Uni<Response> put(@PathParam("domain") String domain, @PathParam("path") String path, @Context UriInfo uri,
            String body) {
        return forward("PUT", domain, path, uri, body);
    }

    @PATCH
    public Uni<Response> patch(@PathParam("domain") String domain, @PathParam("path") String path, @Context UriInfo uri,
            String body) {
        return forward("PATCH", domain, path, uri, body);
    }

    private Uni<Response> forward(String method, String domain, String path, UriInfo uri, String body) {
        JsonNode payload = parse(body);
        List<Map.Entry<String, String>> query = new ArrayList<>();
        uri.getQueryParameters().forEach((name, values) -> values.forEach(v -> query.add(Map.entry(name, v))));
        return tenants.withStore(domain)
                .chain(tenant -> woo.raw(tenant, method, path, query, payload))
                .map(r -> {
                    Response.ResponseBuilder response = Response.status(r.status()).entity(r.body());
                    r.paginationHeaders().forEach(response::header);
                    return response.build();
                });
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new ApiException(400, "invalid_json", "The request body is not valid JSON");
        }
    }
}
