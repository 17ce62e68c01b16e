package io.csc.demostore;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The error bodies the recorded store answered with, code and message for code and message. */
final class WooErrors {

    private WooErrors() {
    }

    /** {"code", "message", "data": {"status": status}} answered with that status. */
    static WooException error(int status, String code, String message) {
        ObjectNode body = body(code, message);
        body.putObject("data").put("status", status);
        return new WooException(status, body, false);
    }

    /**
     * A WP_Error whose data is a bare integer (WooCommerce passes the status as the data argument): WordPress answers 500
     * whatever the integer says, as the recorded refund errors show.
     */
    static WooException errorWithIntData(String code, String message, int data) {
        ObjectNode body = body(code, message);
        body.put("data", data);
        return new WooException(500, body, false);
    }

    static WooException noRoute() {
        return error(404, "rest_no_route", "No route was found matching the URL and request method.");
    }

    static WooException invalidJson() {
        ObjectNode body = body("rest_invalid_json", "Invalid JSON body passed.");
        body.putObject("data").put("status", 400).put("json_error_code", 4).put("json_error_message", "Syntax error");
        return new WooException(400, body, false);
    }

    static WooException missingParams(List<String> names) {
        ObjectNode body = body("rest_missing_callback_param", "Missing parameter(s): " + String.join(", ", names));
        ObjectNode data = body.putObject("data").put("status", 400);
        ArrayNode params = data.putArray("params");
        names.forEach(params::add);
        return new WooException(400, body, false);
    }

    /** One invalid parameter: its error code and message. */
    record ParamError(String code, String message) {
    }

    static WooException invalidParams(Map<String, ParamError> errors) {
        ObjectNode body = body("rest_invalid_param", "Invalid parameter(s): " + String.join(", ", errors.keySet()));
        ObjectNode data = body.putObject("data").put("status", 400);
        ObjectNode params = data.putObject("params");
        ObjectNode details = data.putObject("details");
        errors.forEach((name, e) -> {
            params.put(name, e.message());
            details.putObject(name).put("code", e.code()).put("message", e.message()).putNull("data");
        });
        return new WooException(400, body, false);
    }

    /** "Invalid ID." for a post type, e.g. woocommerce_rest_product_invalid_id. */
    static WooException invalidId(String postType, int status) {
        return error(status, "woocommerce_rest_" + postType + "_invalid_id", "Invalid ID.");
    }

    static WooException trashNotSupported(String message) {
        return error(501, "woocommerce_rest_trash_not_supported", message);
    }

    static WooException alreadyTrashed(String postType) {
        return error(410, "woocommerce_rest_already_trashed", "The " + postType + " has already been deleted.");
    }

    static WooException authentication(String code, String message) {
        return error(401, code, message);
    }

    private static ObjectNode body(String code, String message) {
        ObjectNode body = Json.object();
        body.put("code", code);
        body.put("message", message);
        return body;
    }
}
