package io.csc.chat.knowledge;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

import io.csc.model.commerce.ProductSummary;
import io.smallrye.mutiny.Uni;

/** The gateway's content routes (docs/internal-api.md): the only way chat reads what a store publishes. */
@Path("/internal")
@RegisterRestClient(configKey = "commerce-gateway")
@ClientHeaderParam(name = "X-Internal-Token", value = "${csc.auth.internal-token}")
interface KnowledgeRestClient {

    /** Every published page (type=pages) or post (type=posts), all WordPress pages followed by the gateway. */
    @GET
    @Path("/content/pages")
    Uni<List<ContentPage>> pages(@RestQuery String domain, @RestQuery String type);

    /** One page of the store's published products ({@code page} from 1; a short page is the last). */
    @GET
    @Path("/products")
    Uni<List<ProductSummary>> products(@RestQuery String domain, @RestQuery int limit, @RestQuery int page);

    @GET
    @Path("/store/profile")
    Uni<StoreProfile> profile(@RestQuery String domain);
}
