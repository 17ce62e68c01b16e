package io.csc.demostore;

/**
 * What an endpoint's permission callback checks, and the 401 WooCommerce answers when the request is not authenticated
 * (Basic auth and query keys over plain HTTP count as not authenticated).
 */
enum Access {
    PUBLIC(null, null), LIST("woocommerce_rest_cannot_view", "Sorry, you cannot list resources."), VIEW(
            "woocommerce_rest_cannot_view", "Sorry, you cannot view this resource."), CREATE("woocommerce_rest_cannot_create",
                    "Sorry, you are not allowed to create resources."), EDIT("woocommerce_rest_cannot_edit",
                            "Sorry, you are not allowed to edit this resource."), DELETE("woocommerce_rest_cannot_delete",
                                    "Sorry, you are not allowed to delete this resource."), BATCH(
                                            "woocommerce_rest_cannot_batch",
                                            "Sorry, you are not allowed to batch manipulate this resource."),
    /** The settings controller words its edit error differently. */
    EDIT_SETTING("woocommerce_rest_cannot_edit", "Sorry, you cannot edit this resource.");

    final String code;
    final String message;

    Access(String code, String message) {
        this.code = code;
        this.message = message;
    }

    WooException denied() {
        return WooErrors.error(401, code, message);
    }
}
