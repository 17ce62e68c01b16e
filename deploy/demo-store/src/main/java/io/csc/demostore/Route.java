package io.csc.demostore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A registered REST route: a WordPress-style pattern ({@code /wc/v3/orders/(?P<id>[\d]+)}) and its endpoints per
 * method, in registration order (which is also the order of the Allow header).
 */
final class Route {

    interface Handler {
        RestResponse handle(RestRequest request);
    }

    record Endpoint(Access access, List<Param> params, Handler handler) {
    }

    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?P<([a-z_]+)>");

    final String template;
    private final Pattern pattern;
    private final List<String> groupNames = new ArrayList<>();
    final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    Route(String template) {
        this.template = template;
        Matcher m = NAMED_GROUP.matcher(template);
        StringBuilder regex = new StringBuilder();
        while (m.find()) {
            groupNames.add(m.group(1));
            m.appendReplacement(regex, "(");
        }
        m.appendTail(regex);
        // WordPress matches routes case-insensitively against the whole route.
        this.pattern = Pattern.compile("^" + regex + "$", Pattern.CASE_INSENSITIVE);
    }

    Route get(Access access, Handler handler, Param... params) {
        return on(List.of("GET"), access, handler, params);
    }

    Route post(Access access, Handler handler, Param... params) {
        return on(List.of("POST"), access, handler, params);
    }

    /** WP_REST_Server::EDITABLE: POST, PUT and PATCH. */
    Route edit(Access access, Handler handler, Param... params) {
        return on(List.of("POST", "PUT", "PATCH"), access, handler, params);
    }

    Route delete(Access access, Handler handler, Param... params) {
        return on(List.of("DELETE"), access, handler, params);
    }

    private Route on(List<String> methods, Access access, Handler handler, Param... params) {
        Endpoint endpoint = new Endpoint(access, Arrays.asList(params), handler);
        for (String method : methods) {
            endpoints.put(method, endpoint);
        }
        return this;
    }

    /** The path parameters when the route matches, else null. */
    Map<String, String> match(String route) {
        Matcher m = pattern.matcher(route);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < groupNames.size(); i++) {
            params.put(groupNames.get(i), m.group(i + 1));
        }
        return params;
    }

    String allow() {
        return String.join(", ", endpoints.keySet());
    }
}
