package io.csc.demostore;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * WordPress's public content API, as the wp_* recordings show it: {@code /wp/v2/pages} and {@code /wp/v2/posts}
 * (lists, newest first, {@code page}, {@code per_page}, {@code slug}, {@code modified_after}, {@code orderby},
 * {@code order}, {@code _fields}) and {@code /wp/v2/pages/{id}}, {@code /wp/v2/posts/{id}}. No authentication. Unlike
 * WooCommerce's lists, a page past the end is a 400 {@code rest_post_invalid_page_number}. {@code date} and
 * {@code modified} are local times fixed when the post was written (WordPress stores them; they do not follow a later
 * time-zone change).
 */
final class WpRoutes {

    private final Store store;

    WpRoutes(Store store) {
        this.store = store;
    }

    void register(WooApi api) {
        api.route("/wp/v2/pages").get(Access.PUBLIC, r -> list(r, "page"));
        api.route("/wp/v2/pages/(?P<id>[\\d]+)").get(Access.PUBLIC, r -> single(r, "page"));
        api.route("/wp/v2/posts").get(Access.PUBLIC, r -> list(r, "post"));
        api.route("/wp/v2/posts/(?P<id>[\\d]+)").get(Access.PUBLIC, r -> single(r, "post"));
    }

    private RestResponse list(RestRequest r, String type) {
        int perPage = r.integer("per_page", 10);
        int page = r.integer("page", 1);
        if (perPage < 1 || perPage > 100) {
            throw WooErrors.error(400, "rest_invalid_param", "Invalid parameter(s): per_page");
        }
        if (page < 1) {
            throw WooErrors.error(400, "rest_invalid_param", "Invalid parameter(s): page");
        }
        List<ObjectNode> matching = new ArrayList<>();
        Set<String> slugs = r.has("slug") ? new HashSet<>(Arrays.asList(r.string("slug").split(","))) : null;
        Instant modifiedAfter = r.has("modified_after") ? Json.parseDate(r.string("modified_after"), store.zone()) : null;
        for (ObjectNode post : store.content(type)) {
            if (slugs != null && !slugs.contains(Json.text(post, "slug"))) {
                continue;
            }
            if (modifiedAfter != null
                    && !Json.parseDate(Json.text(post, "modified_gmt"), ZoneOffset.UTC).isAfter(modifiedAfter)) {
                continue;
            }
            matching.add(post);
        }
        matching.sort(order(r));
        int total = matching.size();
        int pages = (int) Math.ceil(total / (double) perPage);
        if (page > 1 && page > pages) {
            throw WooErrors.error(400, "rest_post_invalid_page_number",
                    "The page number requested is larger than the number of pages available.");
        }
        ArrayNode items = Json.array();
        for (int i = (page - 1) * perPage; i < Math.min(total, page * perPage); i++) {
            items.add(fields(render(matching.get(i), type), r.string("_fields")));
        }
        RestResponse response = RestResponse.ok(items).header("X-WP-Total", String.valueOf(total))
                .header("X-WP-TotalPages", String.valueOf(pages));
        String link = Paging.link(store.siteUrl() + "/wp-json/wp/v2/" + type + "s", r.rawQuery, java.util.Map.of(),
                page, pages);
        if (link != null) {
            response.header("Link", link);
        }
        return response;
    }

    private RestResponse single(RestRequest r, String type) {
        int id = r.pathId("id");
        for (ObjectNode post : store.content(type)) {
            if (post.get("id").asInt() == id) {
                return RestResponse.ok(fields(render(post, type), r.string("_fields")));
            }
        }
        throw WooErrors.error(404, "rest_post_invalid_id", "Invalid post ID.");
    }

    private static Comparator<ObjectNode> order(RestRequest r) {
        String orderby = r.string("orderby", "date");
        Comparator<ObjectNode> byId = Comparator.comparing((ObjectNode p) -> p.get("id").asInt());
        Comparator<ObjectNode> c = switch (orderby) {
            case "modified" -> Comparator.comparing((ObjectNode p) -> Json.text(p, "modified_gmt")).thenComparing(byId);
            case "id" -> byId;
            case "title" -> Comparator.comparing((ObjectNode p) -> Json.text(p, "title").toLowerCase(Locale.ROOT));
            case "slug" -> Comparator.comparing((ObjectNode p) -> Json.text(p, "slug"));
            default -> Comparator.comparing((ObjectNode p) -> Json.text(p, "date_gmt")).thenComparing(byId);
        };
        return "asc".equalsIgnoreCase(r.string("order", "desc")) ? c : c.reversed();
    }

    /** The full WordPress representation of a stored post (id, dates, slug, title and HTML content). */
    private ObjectNode render(ObjectNode stored, String type) {
        int id = stored.get("id").asInt();
        String site = store.siteUrl();
        String collection = site + "/wp-json/wp/v2/" + type + "s";
        String html = Json.text(stored, "content");
        ObjectNode post = Json.object().put("id", id)
                .put("date", local(Json.text(stored, "date_gmt"))).put("date_gmt", Json.text(stored, "date_gmt"));
        post.putObject("guid").put("rendered", site + (type.equals("page") ? "/?page_id=" : "/?p=") + id);
        post.put("modified", local(Json.text(stored, "modified_gmt"))).put("modified_gmt", Json.text(stored, "modified_gmt"))
                .put("slug", Json.text(stored, "slug")).put("status", "publish").put("type", type)
                .put("link", site + "/" + Json.text(stored, "slug") + "/");
        post.putObject("title").put("rendered", Json.text(stored, "title"));
        post.putObject("content").put("rendered", html).put("protected", false);
        post.putObject("excerpt").put("rendered", excerpt(html)).put("protected", false);
        post.put("author", 1).put("featured_media", 0);
        if (type.equals("page")) {
            post.put("parent", 0).put("menu_order", 0);
        }
        post.put("comment_status", type.equals("page") ? "closed" : "open").put("ping_status", "open");
        if (type.equals("post")) {
            post.put("sticky", false);
        }
        post.put("template", "");
        if (type.equals("post")) {
            post.put("format", "standard");
        }
        post.putObject("meta").put("footnotes", "");
        if (type.equals("post")) {
            post.putArray("categories").add(1);
            post.putArray("tags");
        }
        ArrayNode classes = post.putArray("class_list").add("post-" + id).add(type).add("type-" + type)
                .add("status-publish");
        if (type.equals("post")) {
            classes.add("format-standard");
        }
        classes.add("hentry");
        ObjectNode links = post.putObject("_links");
        links.set("self", Json.selfLink(collection + "/" + id, "GET"));
        links.set("collection", Json.link(collection));
        links.set("about", Json.link(site + "/wp-json/wp/v2/types/" + type));
        links.putArray("author").addObject().put("embeddable", true).put("href", site + "/wp-json/wp/v2/users/1");
        links.putArray("replies").addObject().put("embeddable", true).put("href", site + "/wp-json/wp/v2/comments?post=" + id);
        links.putArray("version-history").addObject().put("count", 0).put("href", collection + "/" + id + "/revisions");
        links.set("wp:attachment", Json.link(site + "/wp-json/wp/v2/media?parent=" + id));
        links.putArray("curies").addObject().put("name", "wp").put("href", "https://api.w.org/{rel}").put("templated", true);
        return post;
    }

    private String local(String gmt) {
        return Json.DATE.format(Json.parseDate(gmt, ZoneOffset.UTC).atZone(store.zone()));
    }

    /** WordPress's automatic excerpt: the text of the content, first 55 words, then [&hellip;]. */
    private static String excerpt(String html) {
        String text = html.replaceAll("(?s)<!--.*?-->", " ").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
        if (text.isEmpty()) {
            return "";
        }
        String[] words = text.split(" ");
        if (words.length <= 55) {
            return "<p>" + text + "</p>\n";
        }
        return "<p>" + String.join(" ", Arrays.copyOf(words, 55)) + " [&hellip;]</p>\n";
    }

    /** {@code _fields=a,b.c}: only the named top-level fields (a nested name keeps its top-level field). */
    static JsonNode fields(ObjectNode post, String fields) {
        if (fields == null || fields.isBlank()) {
            return post;
        }
        Set<String> keep = new HashSet<>();
        for (String f : fields.split(",")) {
            String name = f.trim();
            int dot = name.indexOf('.');
            keep.add(dot < 0 ? name : name.substring(0, dot));
        }
        ObjectNode trimmed = Json.object();
        post.properties().forEach(e -> {
            if (keep.contains(e.getKey())) {
                trimmed.set(e.getKey(), e.getValue());
            }
        });
        return trimmed;
    }
}
