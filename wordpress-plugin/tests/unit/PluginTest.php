<?php
/**
 * Plugin header, WooCommerce compatibility declarations, missing WooCommerce, i18n, uninstall.
 *
 * @package CustomerServiceChat
 */

// phpcs:disable

namespace CustomerServiceChat\Tests;

use Automattic\WooCommerce\Utilities\FeaturesUtil;
use CustomerServiceChat\Plugin;

final class PluginTest extends TestCase {

	public function test_the_header_declares_what_wordpress_and_woocommerce_read() {
		$data = get_file_data(
			CSC_PLUGIN_FILE,
			array(
				'name'      => 'Plugin Name',
				'requires'  => 'Requires Plugins',
				'wp'        => 'Requires at least',
				'php'       => 'Requires PHP',
				'wc'        => 'WC requires at least',
				'wc_tested' => 'WC tested up to',
				'domain'    => 'Text Domain',
				'path'      => 'Domain Path',
			)
		);
		$this->assertSame( 'woocommerce', $data['requires'] );
		$this->assertSame( 'customer-service-chat', $data['domain'] );
		$this->assertSame( '/languages', $data['path'] );
		$this->assertTrue( version_compare( $data['wp'], '6.5', '>=' ), 'Requires Plugins needs WordPress 6.5' );
		$this->assertNotSame( '', $data['php'] );
		$this->assertNotSame( '', $data['wc'] );
		$this->assertTrue( version_compare( $data['wc_tested'], '10.0', '>=' ) );
		$this->assertFileExists( dirname( CSC_PLUGIN_FILE ) . '/languages/customer-service-chat.pot' );
	}

	public function test_hpos_and_block_checkout_compatibility_is_declared_for_the_main_file() {
		do_action( 'before_woocommerce_init' );
		$this->assertContains( array( 'custom_order_tables', CSC_PLUGIN_FILE, true ), FeaturesUtil::$declared );
		$this->assertContains( array( 'cart_checkout_blocks', CSC_PLUGIN_FILE, true ), FeaturesUtil::$declared );
		$this->assertSame( 'customer-service-chat/customer-service-chat.php', plugin_basename( CSC_PLUGIN_FILE ) );
	}

	public function test_without_woocommerce_administrators_get_a_notice_not_a_fatal_error() {
		$out = array();
		$rc  = 0;
		exec( escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( dirname( __DIR__ ) . '/no-woocommerce.php' ) . ' 2>&1', $out, $rc );
		$html = implode( "\n", $out );
		$this->assertSame( 0, $rc, $html );
		$this->assertStringContainsString( 'LOADED', $html );
		$this->assertStringContainsString( '<div class="notice notice-error"><p>Customer Service Chat needs WooCommerce.', $html );
		$this->assertStringNotContainsString( 'Fatal', $html );
	}

	public function test_the_notice_is_for_administrators_only() {
		wp_set_current_user( $this->user( 'customer' ) );
		ob_start();
		Plugin::missing_woocommerce_notice();
		$this->assertSame( '', ob_get_clean() );
	}

	public function test_translations_are_loaded_on_init() {
		$this->assertNotFalse( has_action( 'init', array( Plugin::class, 'load_textdomain' ) ) );
	}

	public function test_uninstall_removes_only_this_plugins_data() {
		$this->configure();
		set_transient( 'csc_evt_0b7e7c3e-1111-4222-8333-444455556666', array( 'type' => 'cart_updated' ), 600 );
		set_transient( 'csc_test_result_1', array( 'ok' => true ), 600 );
		update_option( 'woocommerce_currency', 'EUR' );
		set_transient( 'wc_other_plugin', 'kept', 600 );
		\CSC_Test_Store::$actions[] = array( 'single', 'csc_send_cart_event', array( 'x', 2 ), 'customer-service-chat', time() );
		\CSC_Test_Store::$actions[] = array( 'single', 'woocommerce_cleanup_sessions', array(), '', time() );

		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', 'customer-service-chat/customer-service-chat.php' );
		}
		include dirname( CSC_PLUGIN_FILE ) . '/uninstall.php';
		wp_cache_flush();

		global $wpdb;
		$this->assertSame( '0', $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name = 'csc_settings' OR option_name LIKE '%transient%csc%'" ) );
		$this->assertFalse( get_transient( 'csc_evt_0b7e7c3e-1111-4222-8333-444455556666' ) );
		$this->assertFalse( get_transient( 'csc_test_result_1' ) );
		$this->assertSame( 'EUR', get_option( 'woocommerce_currency' ) );
		$this->assertSame( 'kept', get_transient( 'wc_other_plugin' ) );
		$this->assertSame( array( 'woocommerce_cleanup_sessions' ), array_column( \CSC_Test_Store::$actions, 1 ) );
	}
}
