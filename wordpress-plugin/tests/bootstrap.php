<?php
/**
 * PHPUnit bootstrap: loads Debian's WordPress on the test database with the plugin as a normal plugin and WooCommerce
 * replaced by tests/stubs/woocommerce.php.
 *
 * @package CustomerServiceChat
 */

// phpcs:disable
require __DIR__ . '/wp-tests-config.php';
require __DIR__ . '/stubs/woocommerce.php';

// Loaded the way WordPress loads an active plugin, before plugins_loaded.
$GLOBALS['wp_filter']['muplugins_loaded'][10][] = array(
	'function'      => function () {
		// As WordPress does for active plugins (tests/run unpacks the built zip into the test content directory).
		wp_register_plugin_realpath( WP_PLUGIN_DIR . '/customer-service-chat/customer-service-chat.php' );
		require WP_PLUGIN_DIR . '/customer-service-chat/customer-service-chat.php';
	},
	'accepted_args' => 0,
);

require ABSPATH . 'wp-settings.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';
// Notices and warnings fail a test (PHPUnit's handler); PHP 8.2 deprecations in WordPress 6.1's own libraries do not.
error_reporting( E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED );

// What WooCommerce's installer does to roles.
get_role( 'administrator' )->add_cap( 'manage_woocommerce' );
if ( ! get_role( 'shop_manager' ) ) {
	add_role( 'shop_manager', 'Shop manager', array( 'read' => true, 'manage_woocommerce' => true ) );
}
if ( ! get_role( 'customer' ) ) {
	add_role( 'customer', 'Customer', array( 'read' => true ) );
}

// Tests drive their own collectors; the plugin's own must not send anything when PHPUnit exits. The priorities it
// registered are kept for CartEventsTest.
$GLOBALS['csc_test_shutdown'] = array(
	'flush'    => has_action( 'shutdown', array( \CustomerServiceChat\Plugin::instance()->cart_events, 'flush' ) ),
	'dispatch' => has_action( 'shutdown', array( \CustomerServiceChat\Plugin::instance()->dispatcher, 'dispatch' ) ),
);
remove_action( 'shutdown', array( \CustomerServiceChat\Plugin::instance()->cart_events, 'flush' ), 10 );
remove_action( 'shutdown', array( \CustomerServiceChat\Plugin::instance()->dispatcher, 'dispatch' ), 1000 );

require __DIR__ . '/unit/TestCase.php';
