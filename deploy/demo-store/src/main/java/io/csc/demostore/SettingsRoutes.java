package io.csc.demostore;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * /settings: the recorded groups; the options of the general and products groups as recorded (other groups have none
 * here), readable and writable one by one or in a batch.
 */
final class SettingsRoutes {

    private final Store store;

    SettingsRoutes(Store store) {
        this.store = store;
    }

    void register(WooApi api) {
        api.route("/wc/v3/settings").get(Access.LIST, r -> RestResponse.ok(store.settingsGroups));
        api.route("/wc/v3/settings/(?P<group_id>[\\w-]+)").get(Access.LIST, this::group);
        api.route("/wc/v3/settings/(?P<group_id>[\\w-]+)/batch").edit(Access.EDIT_SETTING, this::batch,
                Param.array("update"));
        api.route("/wc/v3/settings/(?P<group_id>[\\w-]+)/(?P<id>[\\w-]+)").get(Access.VIEW, this::get)
                .edit(Access.EDIT_SETTING, this::update);
    }

    private ArrayNode options(String group) {
        for (JsonNode g : store.settingsGroups) {
            if (group.equals(Json.text(g, "id"))) {
                return store.settings.computeIfAbsent(group, k -> Json.array());
            }
        }
        throw WooErrors.error(404, "rest_setting_setting_group_invalid", "Invalid setting group.");
    }

    private ObjectNode option(String group, String id) {
        for (JsonNode option : options(group)) {
            if (id.equals(Json.text(option, "id"))) {
                return (ObjectNode) option;
            }
        }
        throw WooErrors.error(404, "rest_setting_setting_invalid", "Invalid setting.");
    }

    private RestResponse group(RestRequest r) {
        return RestResponse.ok(options(r.pathParams.get("group_id")));
    }

    private RestResponse get(RestRequest r) {
        return RestResponse.ok(option(r.pathParams.get("group_id"), r.pathParams.get("id")));
    }

    private RestResponse update(RestRequest r) {
        ObjectNode option = option(r.pathParams.get("group_id"), r.pathParams.get("id"));
        set(option, r.param("value"));
        return RestResponse.ok(option);
    }

    private RestResponse batch(RestRequest r) {
        String group = r.pathParams.get("group_id");
        options(group);
        ObjectNode result = Json.object();
        ArrayNode out = result.putArray("update");
        for (ObjectNode item : Json.objects(r.body.get("update"))) {
            try {
                ObjectNode option = option(group, Json.text(item, "id"));
                set(option, item.get("value"));
                out.add(option);
            } catch (WooException e) {
                ObjectNode error = Json.object().put("id", Json.text(item, "id"));
                ObjectNode details = error.putObject("error");
                details.set("code", e.body.get("code"));
                details.set("message", e.body.get("message"));
                details.set("data", e.body.get("data"));
                out.add(error);
            }
        }
        return RestResponse.ok(result);
    }

    /** WC_REST_Setting_Options_Controller's validate_setting_*_field for the types the recorded groups use. */
    private static void set(ObjectNode option, JsonNode value) {
        String type = Json.text(option, "type");
        JsonNode stored;
        switch (type) {
            case "checkbox" -> {
                String v = value == null ? "" : value.asText();
                if (List.of("yes", "true", "1").contains(v)) {
                    stored = Json.NODES.textNode("yes");
                } else if (List.of("no", "false", "0", "").contains(v)) {
                    stored = Json.NODES.textNode("no");
                } else {
                    throw invalidValue();
                }
            }
            case "select", "radio" -> {
                String v = value == null ? "" : value.asText();
                if (option.has("options") && !option.get("options").has(v)) {
                    throw invalidValue();
                }
                stored = Json.NODES.textNode(v);
            }
            case "multiselect", "multi_select_countries" -> {
                ArrayNode list = Json.array();
                for (String v : Params.listValues(value)) {
                    if (option.has("options") && !option.get("options").has(v)) {
                        throw invalidValue();
                    }
                    list.add(v);
                }
                stored = list;
            }
            case "number" -> {
                String v = value == null ? "" : value.asText();
                if (!v.isEmpty() && !Json.isDecimal(v)) {
                    throw invalidValue();
                }
                stored = Json.NODES.textNode(v);
            }
            default -> stored = Json.NODES.textNode(value == null || value.isNull() ? "" : value.asText());
        }
        option.set("value", stored);
    }

    private static WooException invalidValue() {
        return WooErrors.error(400, "rest_setting_value_invalid", "An invalid setting value was passed.");
    }
}
