<?php
/**
 * Loads WordPress with the plugin active but without WooCommerce, then renders the admin notices as an administrator.
 * PluginTest runs it in its own process: the plugin must show a notice, not a fatal error.
 *
 * @package CustomerServiceChat
 */

// phpcs:disable
require __DIR__ . '/wp-tests-config.php';
$GLOBALS['wp_filter']['muplugins_loaded'][10][] = array(
	'function'      => function () {
		// As WordPress does for active plugins (tests/run unpacks the built zip into the test content directory).
		wp_register_plugin_realpath( WP_PLUGIN_DIR . '/customer-service-chat/customer-service-chat.php' );
		require WP_PLUGIN_DIR . '/customer-service-chat/customer-service-chat.php';
	},
	'accepted_args' => 0,
);
require ABSPATH . 'wp-settings.php';
wp_set_current_user( 1 );
do_action( 'admin_notices' );
echo "\nLOADED\n";
