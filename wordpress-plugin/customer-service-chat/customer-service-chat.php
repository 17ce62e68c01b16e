<?php
/**
 * Plugin Name:          Customer Service Chat for WooCommerce
 * Description:          Adds the AI customer-service chat widget to a WooCommerce store, passes the shopper's context to it, and reports carts for abandoned-cart recovery.
 * Version:              1.0.0
 * Requires at least:    6.5
 * Requires PHP:         7.4
 * Requires Plugins:     woocommerce
 * WC requires at least: 8.9
 * WC tested up to:      10.0
 * Author:               Customer Service Chat
 * License:              GPL-2.0-or-later
 * License URI:          https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:          customer-service-chat
 * Domain Path:          /languages
 *
 * @package CustomerServiceChat
 */

defined( 'ABSPATH' ) || exit;

define( 'CSC_VERSION', '1.0.0' );
define( 'CSC_PLUGIN_FILE', __FILE__ );
define( 'CSC_PLUGIN_DIR', plugin_dir_path( __FILE__ ) );

// PSR-4: CustomerServiceChat\Cart\CartEvents lives in src/Cart/CartEvents.php.
spl_autoload_register(
	static function ( $class_name ) {
		$prefix = 'CustomerServiceChat\\';
		if ( 0 !== strpos( $class_name, $prefix ) ) {
			return;
		}
		$file = CSC_PLUGIN_DIR . 'src/' . str_replace( '\\', '/', substr( $class_name, strlen( $prefix ) ) ) . '.php';
		if ( is_readable( $file ) ) {
			require_once $file;
		}
	}
);

// WooCommerce only accepts these declarations during before_woocommerce_init, and only for the main plugin file.
add_action(
	'before_woocommerce_init',
	static function () {
		if ( class_exists( \Automattic\WooCommerce\Utilities\FeaturesUtil::class ) ) {
			\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'custom_order_tables', CSC_PLUGIN_FILE, true );
			\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'cart_checkout_blocks', CSC_PLUGIN_FILE, true );
		}
	}
);

add_action( 'plugins_loaded', array( \CustomerServiceChat\Plugin::class, 'boot' ) );
