<?php
/**
 * window.ChatWidgetConfig for the storefront.
 *
 * @package CustomerServiceChat
 */

namespace CustomerServiceChat\Frontend;

use CustomerServiceChat\Cart\CartSnapshot;
use CustomerServiceChat\Settings;
use CustomerServiceChat\Signer;

defined( 'ABSPATH' ) || exit;

/**
 * Builds the widget configuration as the spec's theme example does (userData, cartData, page), plus the signed
 * identity token of a logged-in customer (purpose identity, naming this store's domain).
 */
final class WidgetConfig {

	/** Identity tokens live as long as a page is likely to stay open. */
	const IDENTITY_TTL = 2 * HOUR_IN_SECONDS;

	/**
	 * The configuration for the current request.
	 *
	 * @return array
	 */
	public static function build() {
		$s      = Settings::get();
		$config = array(
			'serverUrl'  => $s['server_url'],
			'domain'     => $s['domain'],
			'appearance' => array(
				'position' => $s['position'],
				'width'    => 400,
				'height'   => 600,
			),
			'behavior'   => array(
				'autoOpen'    => false,
				'orderLookup' => (bool) $s['order_lookup'],
			),
			'debug'      => Settings::debug(),
			'page'       => self::page(),
		);

		// The widget adds to the cart through WooCommerce's Store API on this origin, as the block cart does: its root
		// and a nonce for the current visitor (a nonce is tied to the user, so it is made per request).
		if ( function_exists( 'WC' ) ) {
			$config['storeApi'] = array(
				'root'  => esc_url_raw( get_rest_url( null, 'wc/store/v1/' ) ),
				'nonce' => wp_create_nonce( 'wc_store_api' ),
			);
		}
		$config['locale'] = get_locale();
		$branding         = array_filter(
			array(
				'accentColor'   => $s['accent_color'],
				'assistantName' => $s['assistant_name'],
				'avatarUrl'     => $s['avatar_url'],
				'greeting'      => $s['greeting'],
				'launcherLabel' => $s['launcher_label'],
				'subtitle'      => $s['header_subtitle'],
			),
			'strlen'
		);
		if ( $branding ) {
			$config['branding'] = $branding;
		}

		$session_id = CartSnapshot::session_id( false );
		if ( null !== $session_id ) {
			// Ties the chat to the cart the plugin reports to cart-service.
			$config['sessionId'] = $session_id;
		}

		if ( $s['pass_user'] ) {
			$config['userData'] = self::user_data();
			if ( $config['userData']['isLoggedIn'] && '' !== $s['plugin_secret'] ) {
				$config['identityToken'] = Signer::token(
					Signer::IDENTITY,
					$s['plugin_secret'],
					array(
						'domain'     => $s['domain'],
						'customerId' => $config['userData']['customerId'],
						'email'      => $config['userData']['email'],
						'segment'    => $config['userData']['customerGroup'],
						'exp'        => time() + self::IDENTITY_TTL,
					)
				);
			}
		}
		if ( $s['pass_cart'] ) {
			$config['cartData'] = self::cart_data();
		}

		/**
		 * Filters the widget configuration before it is printed.
		 *
		 * @param array $config window.ChatWidgetConfig.
		 */
		return apply_filters( 'csc_widget_config', $config );
	}

	/**
	 * The configuration as a JavaScript statement that is safe inside a script element: <, >, &, ' and " are
	 * \u-escaped, so no product or customer name can close the script or open a comment.
	 *
	 * @param array $config Configuration.
	 * @return string
	 */
	public static function script( array $config ) {
		return 'window.ChatWidgetConfig = ' . wp_json_encode( $config, JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT ) . ';';
	}

	/**
	 * Customer segment as the spec defines it: vip when total spent > 1000, regular when more than 5 orders, else new.
	 *
	 * @param \WC_Customer $customer Customer.
	 * @return string
	 */
	public static function segment( $customer ) {
		if ( (float) $customer->get_total_spent() > 1000 ) {
			return 'vip';
		}
		return (int) $customer->get_order_count() > 5 ? 'regular' : 'new';
	}

	/**
	 * The spec's userData.
	 *
	 * @return array
	 */
	public static function user_data() {
		if ( ! is_user_logged_in() ) {
			return array(
				'isLoggedIn'    => false,
				'customerGroup' => 'guest',
			);
		}
		$user     = wp_get_current_user();
		$customer = new \WC_Customer( $user->ID );
		$email    = $customer->get_billing_email() ? $customer->get_billing_email() : $user->user_email;
		return array(
			'isLoggedIn'    => true,
			'customerId'    => (int) $user->ID,
			'email'         => (string) $email,
			'name'          => (string) $user->display_name,
			'displayName'   => (string) $user->display_name,
			'totalOrders'   => (int) $customer->get_order_count(),
			'totalSpent'    => CartSnapshot::decimal( $customer->get_total_spent() ),
			'customerGroup' => self::segment( $customer ),
		);
	}

	/**
	 * The spec's cartData (hasItems, itemCount, total; items and coupons for the assistant).
	 *
	 * @return array
	 */
	public static function cart_data() {
		$cart = function_exists( 'WC' ) && WC()->cart ? WC()->cart : null;
		if ( ! $cart || $cart->is_empty() ) {
			return array(
				'hasItems'       => false,
				'itemCount'      => 0,
				'total'          => '0',
				'cartTotal'      => '0',
				'currency'       => get_woocommerce_currency(),
				'items'          => array(),
				'appliedCoupons' => array(),
			);
		}
		$snapshot = CartSnapshot::of( $cart );
		return array(
			'hasItems'       => true,
			'itemCount'      => $snapshot['itemCount'],
			'total'          => $snapshot['cartTotal'],
			'cartTotal'      => $snapshot['cartTotal'],
			'currency'       => $snapshot['cartCurrency'],
			'items'          => $snapshot['cartItems'],
			'appliedCoupons' => $snapshot['appliedCoupons'],
		);
	}

	/**
	 * Page context: product (with its id), cart, checkout or other.
	 *
	 * @return array
	 */
	public static function page() {
		$page = array( 'type' => 'other' );
		if ( function_exists( 'is_product' ) && is_product() ) {
			$page = array(
				'type'      => 'product',
				'productId' => (int) get_queried_object_id(),
			);
		} elseif ( function_exists( 'is_cart' ) && is_cart() ) {
			$page = array( 'type' => 'cart' );
		} elseif ( function_exists( 'is_checkout' ) && is_checkout() ) {
			$page = array( 'type' => 'checkout' );
		}
		global $wp;
		$path        = isset( $wp->request ) ? (string) $wp->request : '';
		$page['url'] = esc_url_raw( home_url( '' === $path ? '/' : user_trailingslashit( $path ) ) );
		return $page;
	}
}
