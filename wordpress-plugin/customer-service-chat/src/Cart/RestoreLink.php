<?php
/**
 * One-click cart restore from a recovery email: {store}/?csc_restore=<token>.
 *
 * @package CustomerServiceChat
 */

namespace CustomerServiceChat\Cart;

use CustomerServiceChat\Log;
use CustomerServiceChat\Settings;
use CustomerServiceChat\Signer;

defined( 'ABSPATH' ) || exit;

/**
 * Checks the token cart-service signed with the restore key derived from the plugin secret (payload {typ: "restore",
 * sessionId, items: [{productId, variationId, quantity}], exp}, optionally coupon; identity and unsubscribe tokens,
 * and tokens in the old format without a purpose, are refused like forged ones), refills the cart, skipping what no longer exists or is out of stock and saying
 * so, and sends the shopper to the cart. A bad or expired link gets a friendly notice, never an error page.
 *
 * When something was put back in the cart, a signed cart_restored event {sessionId, step} goes to cart-service (the
 * token's abandoned session and the recovery email the link came in; tokens made before the step existed carry none),
 * so that the recovery funnel counts real restores.
 */
final class RestoreLink {

	const PARAM     = 'csc_restore';
	const MAX_ITEMS = 100;
	const MAX_STEP  = 100;

	/**
	 * Where the cart_restored event goes (null: not reported).
	 *
	 * @var EventDispatcher|null
	 */
	private $dispatcher;

	/**
	 * Constructor.
	 *
	 * @param EventDispatcher|null $dispatcher The plugin's event queue.
	 */
	public function __construct( $dispatcher = null ) {
		$this->dispatcher = $dispatcher;
	}

	/**
	 * Hook wp_loaded (priority 30: after the cart is loaded at 10 and WooCommerce's ?add-to-cart at 20).
	 */
	public function maybe_restore() {
		if ( ! isset( $_GET[ self::PARAM ] ) || is_admin() || wp_doing_ajax() || wp_doing_cron() || ( defined( 'REST_REQUEST' ) && REST_REQUEST ) ) { // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- the signed token is the proof, a nonce cannot travel in an email.
			return;
		}
		$token = sanitize_text_field( wp_unslash( $_GET[ self::PARAM ] ) ); // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- as above.
		nocache_headers();
		wp_safe_redirect( $this->restore( $token ) );
		exit;
	}

	/**
	 * Restores the cart of a token.
	 *
	 * @param string $token Token from the link.
	 * @return string Where to send the shopper.
	 */
	public function restore( $token ) {
		$cart_url = function_exists( 'wc_get_cart_url' ) ? wc_get_cart_url() : home_url( '/' );
		$secret   = Settings::get()['plugin_secret'];
		$payload  = Signer::verify_token( Signer::RESTORE, (string) $secret, (string) $token, time() );
		if ( null === $payload || ! isset( $payload['items'] ) || ! is_array( $payload['items'] ) || ! WC()->cart ) {
			Log::debug( 'restore link refused (bad signature, another purpose, expired or malformed)' );
			wc_add_notice( __( 'Sorry, this cart link is no longer valid: it may have expired. Your cart is unchanged; you can find the products in our shop.', 'customer-service-chat' ), 'notice' );
			return $cart_url;
		}

		$cart        = WC()->cart;
		$added       = 0;
		$unavailable = array();
		$gone        = 0;
		foreach ( array_slice( $payload['items'], 0, self::MAX_ITEMS ) as $item ) {
			$product_id   = isset( $item['productId'] ) ? (int) $item['productId'] : 0;
			$variation_id = isset( $item['variationId'] ) ? max( 0, (int) $item['variationId'] ) : 0;
			$quantity     = isset( $item['quantity'] ) ? min( 10000, max( 1, (int) $item['quantity'] ) ) : 1;
			$product      = $product_id > 0 ? wc_get_product( $variation_id ? $variation_id : $product_id ) : null;
			if ( ! $product || ! $product->exists() || 'trash' === $product->get_status() ) {
				++$gone;
				continue;
			}
			if ( ! $product->is_purchasable() || ! $product->is_in_stock() ) {
				$unavailable[] = $product->get_name();
				continue;
			}
			$attributes = $variation_id && function_exists( 'wc_get_product_variation_attributes' ) ? wc_get_product_variation_attributes( $variation_id ) : array();
			if ( $cart->find_product_in_cart( $cart->generate_cart_id( $product_id, $variation_id, $attributes ) ) ) {
				++$added; // Already there (the link was opened twice): keep the shopper's quantity.
				continue;
			}
			if ( false === $cart->add_to_cart( $product_id, $quantity, $variation_id, $attributes ) ) {
				$unavailable[] = $product->get_name();
				continue;
			}
			++$added;
		}

		if ( isset( $payload['coupon'] ) && is_string( $payload['coupon'] ) && '' !== $payload['coupon'] && $added > 0 ) {
			$code = wc_format_coupon_code( $payload['coupon'] );
			if ( ! $cart->has_discount( $code ) ) {
				$cart->apply_coupon( $code ); // WooCommerce adds its own notice (applied, or why not).
			}
		}
		$session_id = isset( $payload['sessionId'] ) && is_string( $payload['sessionId'] ) ? substr( sanitize_text_field( $payload['sessionId'] ), 0, 200 ) : '';
		if ( '' !== $session_id && WC()->session ) {
			// Later events update the abandoned cart itself, so cart-service sees it come back and credits the email.
			WC()->session->set( CartSnapshot::SESSION_ID_KEY, $session_id );
		}
		if ( '' !== $session_id && $added > 0 && $this->dispatcher ) {
			$event = array(
				'type'      => 'cart_restored',
				'sessionId' => $session_id,
			);
			if ( isset( $payload['step'] ) && is_int( $payload['step'] ) && $payload['step'] >= 1 && $payload['step'] <= self::MAX_STEP ) {
				$event['step'] = $payload['step'];
			}
			$this->dispatcher->enqueue( $event );
		}

		if ( $added > 0 ) {
			wc_add_notice( __( 'Welcome back! We restored your cart.', 'customer-service-chat' ), 'success' );
		}
		if ( $unavailable ) {
			wc_add_notice(
				sprintf(
					/* translators: %s: comma-separated product names */
					__( 'These items could not be added because they are out of stock or no longer for sale: %s.', 'customer-service-chat' ),
					implode( ', ', array_map( 'wp_strip_all_tags', $unavailable ) )
				),
				'notice'
			);
		}
		if ( $gone > 0 ) {
			wc_add_notice(
				sprintf(
					/* translators: %d: number of products */
					_n( '%d item from your cart is no longer available.', '%d items from your cart are no longer available.', $gone, 'customer-service-chat' ),
					$gone
				),
				'notice'
			);
		}
		Log::debug( sprintf( 'restore link: %d restored, %d unavailable, %d gone', $added, count( $unavailable ), $gone ) );
		return $cart_url;
	}
}
