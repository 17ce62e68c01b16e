<?php
/**
 * The one place that wires the plugin's hooks.
 *
 * @package CustomerServiceChat
 */

namespace CustomerServiceChat;

use CustomerServiceChat\Admin\SettingsPage;
use CustomerServiceChat\Cart\CartEvents;
use CustomerServiceChat\Cart\Consent;
use CustomerServiceChat\Cart\EventDispatcher;
use CustomerServiceChat\Cart\RestoreLink;
use CustomerServiceChat\Frontend\Assets;
use CustomerServiceChat\Privacy\PersonalData;

defined( 'ABSPATH' ) || exit;

/**
 * Boots the plugin on plugins_loaded and registers every hook it uses.
 */
final class Plugin {

	/**
	 * The running instance (one per request).
	 *
	 * @var Plugin|null
	 */
	private static $instance = null;

	/**
	 * Sends signed calls to the chat server.
	 *
	 * @var EventDispatcher
	 */
	public $dispatcher;

	/**
	 * Collects cart changes during the request.
	 *
	 * @var CartEvents
	 */
	public $cart_events;

	/**
	 * The consent checkboxes.
	 *
	 * @var Consent
	 */
	public $consent;

	/**
	 * Entry point (plugins_loaded).
	 */
	public static function boot() {
		add_action( 'init', array( self::class, 'load_textdomain' ) );
		if ( ! class_exists( 'WooCommerce' ) ) {
			add_action( 'admin_notices', array( self::class, 'missing_woocommerce_notice' ) );
			return;
		}
		self::instance()->register();
	}

	/**
	 * The instance, created on first use.
	 *
	 * @return Plugin
	 */
	public static function instance() {
		if ( null === self::$instance ) {
			self::$instance = new self();
		}
		return self::$instance;
	}

	/**
	 * Loads translations.
	 */
	public static function load_textdomain() {
		load_plugin_textdomain( 'customer-service-chat', false, dirname( plugin_basename( CSC_PLUGIN_FILE ) ) . '/languages' );
	}

	/**
	 * Shown instead of a fatal error when WooCommerce is not active.
	 */
	public static function missing_woocommerce_notice() {
		if ( ! current_user_can( 'activate_plugins' ) ) {
			return;
		}
		printf(
			'<div class="notice notice-error"><p>%s</p></div>',
			esc_html__( 'Customer Service Chat needs WooCommerce. Install and activate WooCommerce to use the chat widget.', 'customer-service-chat' )
		);
	}

	/**
	 * Registers every hook.
	 */
	private function register() {
		$this->dispatcher  = new EventDispatcher();
		$this->cart_events = new CartEvents( $this->dispatcher );
		$this->consent     = new Consent( $this->cart_events );
		$restore           = new RestoreLink( $this->dispatcher );
		$privacy           = new PersonalData();
		$assets            = new Assets();

		if ( is_admin() ) {
			( new SettingsPage() )->register();
		}
		add_filter( 'option_page_capability_' . SettingsPage::GROUP, array( SettingsPage::class, 'capability' ) );
		add_action( 'init', array( SettingsPage::class, 'register_setting' ) );
		add_action( 'admin_init', array( SettingsPage::class, 'register_fields' ) );

		// Storefront.
		add_action( 'wp_enqueue_scripts', array( $assets, 'enqueue' ) );
		add_filter( 'script_loader_tag', array( $assets, 'async_tag' ), 10, 2 );

		// Cart changes, from the classic cart, the Store API (blocks) and mini-carts alike.
		foreach ( array( 'woocommerce_add_to_cart', 'woocommerce_after_cart_item_quantity_update', 'woocommerce_cart_item_removed', 'woocommerce_cart_item_restored', 'woocommerce_cart_emptied', 'woocommerce_applied_coupon', 'woocommerce_removed_coupon' ) as $hook ) {
			add_action( $hook, array( $this->cart_events, 'cart_changed' ) );
		}
		add_action( 'woocommerce_store_api_cart_update_customer_from_request', array( $this->cart_events, 'block_customer_updated' ), 10, 1 );
		add_action( 'woocommerce_checkout_update_order_review', array( $this->cart_events, 'classic_order_review' ), 10, 1 );
		add_action( 'woocommerce_checkout_order_processed', array( $this->cart_events, 'classic_order_processed' ), 10, 3 );
		add_action( 'woocommerce_store_api_checkout_order_processed', array( $this->cart_events, 'order_placed' ), 10, 1 );
		add_action( 'shutdown', array( $this->cart_events, 'flush' ), 10 );
		add_action( 'shutdown', array( $this->dispatcher, 'dispatch' ), 1000 );
		add_action( EventDispatcher::HOOK, array( $this->dispatcher, 'run_scheduled' ), 10, 2 );

		// Consent checkbox, classic and block checkout.
		add_filter( 'woocommerce_checkout_fields', array( $this->consent, 'classic_field' ) );
		add_action( 'woocommerce_init', array( $this->consent, 'register_block_field' ) );
		add_action( 'woocommerce_set_additional_field_value', array( $this->consent, 'block_field_saved' ), 10, 4 );

		// Restore links from recovery emails: after WooCommerce has loaded the cart (wp_loaded:10) and its own ?add-to-cart (:20).
		add_action( 'wp_loaded', array( $restore, 'maybe_restore' ), 30 );

		add_filter( 'wp_privacy_personal_data_exporters', array( $privacy, 'register_exporter' ) );
		add_filter( 'wp_privacy_personal_data_erasers', array( $privacy, 'register_eraser' ) );

		if ( Settings::allow_local_server() ) {
			add_filter( 'http_request_host_is_external', array( Settings::class, 'is_own_server_host' ), 10, 2 );
			add_filter( 'http_allowed_safe_ports', array( Settings::class, 'allow_own_server_port' ), 10, 3 );
		}
	}
}
