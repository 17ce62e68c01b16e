package io.csc.demostore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/** A page of a collection with WooCommerce's X-WP-Total, X-WP-TotalPages and Link headers. */
final class Paging {

    private Paging() {
    }

    static RestResponse page(RestRequest request, List<? extends JsonNode> all, String collectionUrl) {
        return page(request, all, collectionUrl, Map.of());
    }

    /**
     * @param linkExtras parameters WooCommerce adds to the request before building the links (orders add status, dp and
     *                   context); an existing parameter keeps its place, a new one goes last
     */
    static RestResponse page(RestRequest request, List<? extends JsonNode> all, String collectionUrl,
            Map<String, Object> linkExtras) {
        int perPage = request.integer("per_page", 10);
        int page = request.integer("page", 1);
        int total = all.size();
        int pages = (int) Math.ceil(total / (double) perPage);
        int from = request.has("offset") ? Math.max(0, request.integer("offset", 0)) : (page - 1) * perPage;
        ArrayNode items = Json.array();
        for (int i = from; i < Math.min(total, from + perPage); i++) {
            items.add(all.get(i));
        }
        RestResponse response = RestResponse.ok(items).header("X-WP-Total", String.valueOf(total))
                .header("X-WP-TotalPages", String.valueOf(pages));
        String link = link(collectionUrl, request.rawQuery, linkExtras, page, pages);
        if (link != null) {
            response.header("Link", link);
        }
        return response;
    }

    /** WC_REST_CRUD_Controller::get_items: add_query_arg( get_query_params(), base ), then page=n for prev/next. */
    static String link(String collectionUrl, String rawQuery, Map<String, Object> extras, int page, int pages) {
        LinkedHashMap<String, Object> params = Php.parseStr(rawQuery);
        params.putAll(extras);
        String base = Php.addQueryArgs(collectionUrl, params);
        StringBuilder links = new StringBuilder();
        if (page > 1) {
            int prev = Math.min(page - 1, pages);
            links.append('<').append(Php.addQueryArgs(base, Map.of("page", String.valueOf(prev))))
                    .append(">; rel=\"prev\"");
        }
        if (pages > page) {
            if (links.length() > 0) {
                links.append(", ");
            }
            links.append('<').append(Php.addQueryArgs(base, Map.of("page", String.valueOf(page + 1))))
                    .append(">; rel=\"next\"");
        }
        return links.length() == 0 ? null : links.toString();
    }
}
