package io.csc.gateway.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.csc.gateway.content.StoreContentService;
import io.csc.gateway.content.StoreContentService.ContentItem;
import io.csc.gateway.content.StoreProfileService;
import io.csc.gateway.content.StoreProfileService.StoreProfile;
import io.csc.gateway.tenant.TenantService;
import io.csc.model.commerce.PriceFormat;
import io.csc.model.commerce.StorePages;
import io.smallrye.mutiny.Uni;

/**
 * What chat-service's knowledge ingest reads from a store (docs/internal-api.md): its published pages and posts, and
 * its profile (address, currency, shipping, payment methods, policy pages). Behind the internal token like all of
 * {@code /internal}; only the gateway talks to stores.
 */
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
public class ContentResource {
    private final TenantService tenants;
    private final StoreContentService content;
    private final StoreProfileService profiles;

    public ContentResource(TenantService tenants, StoreContentService content, StoreProfileService profiles) {
        this.tenants = tenants;
        this.content = content;
        this.profiles = profiles;
    }

    @GET
    @Path("/content/pages")
    public Uni<List<ContentItem>> content(@QueryParam("domain") String domain, @QueryParam("type") String type,
            @QueryParam("modified_after") String modifiedAfter) {
        String kind = type == null || type.isBlank() ? "pages" : type.strip();
        return tenants.withStore(domain).chain(t -> content.content(t, kind, modifiedAfter));
    }

    @GET
    @Path("/store/price-format")
    public Uni<PriceFormat> priceFormat(@QueryParam("domain") String domain) {
        return tenants.withStore(domain).chain(profiles::priceFormat);
    }

    @GET
    @Path("/store/pages")
    public Uni<StorePages> pages(@QueryParam("domain") String domain) {
        return tenants.withStore(domain).chain(profiles::pages);
    }

    @GET
    @Path("/store/profile")
    public Uni<StoreProfile> profile(@QueryParam("domain") String domain) {
        return tenants.withStore(domain).chain(profiles::profile);
    }
}
