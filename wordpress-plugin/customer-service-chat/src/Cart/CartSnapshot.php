<?php
/**
 * Cart state in the shape cart-service and the widget read.
 *
 * @package CustomerServiceChat
 */

namespace CustomerServiceChat\Cart;

defined( 'ABSPATH' ) || exit;

/**
 * Reads WC()->cart and the WooCommerce session. Prices are decimal strings (cart-service accepts up to 4 decimals).
 */
final class CartSnapshot {

	/** Session key holding the id we report carts under (kept across login and restore links). */
	const SESSION_ID_KEY = 'csc_sid';

	/**
	 * Items, total, currency, coupons and count of a cart.
	 *
	 * @param \WC_Cart $cart Cart.
	 * @return array{cartItems:array,cartTotal:string,cartCurrency:string,appliedCoupons:string[],itemCount:int}
	 */
	public static function of( $cart ) {
		$items = array();
		foreach ( $cart->get_cart() as $line ) {
			if ( count( $items ) >= 200 ) {
				break;
			}
			$product = isset( $line['data'] ) ? $line['data'] : null;
			$name    = $product ? (string) $product->get_name() : '';
			$items[] = array(
				'productId'   => (int) $line['product_id'],
				'variationId' => isset( $line['variation_id'] ) ? (int) $line['variation_id'] : 0,
				'name'        => function_exists( 'mb_substr' ) ? mb_substr( $name, 0, 300 ) : substr( $name, 0, 300 ),
				'quantity'    => (int) $line['quantity'],
				'price'       => self::decimal( $product ? $product->get_price() : 0 ),
			);
		}
		$coupons = array();
		foreach ( array_slice( (array) $cart->get_applied_coupons(), 0, 50 ) as $code ) {
			$coupons[] = substr( (string) $code, 0, 64 );
		}
		return array(
			'cartItems'      => $items,
			'cartTotal'      => self::decimal( $cart->get_total( 'edit' ) ),
			'cartCurrency'   => (string) get_woocommerce_currency(),
			'appliedCoupons' => $coupons,
			'itemCount'      => (int) $cart->get_cart_contents_count(),
		);
	}

	/**
	 * A non-negative decimal string with the store's decimals (2 to 4), as cart-service validates them.
	 *
	 * @param mixed $value Amount.
	 * @return string
	 */
	public static function decimal( $value ) {
		$decimals = function_exists( 'wc_get_price_decimals' ) ? (int) wc_get_price_decimals() : 2;
		$decimals = max( 2, min( 4, $decimals ) );
		$number   = is_numeric( $value ) ? max( 0.0, (float) $value ) : 0.0;
		return number_format( $number, $decimals, '.', '' );
	}

	/**
	 * The id this shopper's cart is reported under: the one a restore link or an earlier report fixed, else
	 * WooCommerce's session customer id ("t_..." for guests, the user id once logged in).
	 *
	 * @param bool $fix Remember the id in the session so that later reports (after login too) use the same one.
	 * @return string|null Null without a WooCommerce session.
	 */
	public static function session_id( $fix = true ) {
		$session = function_exists( 'WC' ) ? WC()->session : null;
		if ( ! $session ) {
			return null;
		}
		$fixed = $session->get( self::SESSION_ID_KEY );
		if ( is_string( $fixed ) && '' !== $fixed ) {
			return $fixed;
		}
		// The Store API's session handler has no has_session(); a classic one without a cookie has a throwaway id.
		if ( method_exists( $session, 'has_session' ) && ! $session->has_session() ) {
			return null;
		}
		$id = substr( (string) $session->get_customer_id(), 0, 180 );
		if ( '' === $id ) {
			return null;
		}
		if ( $fix ) {
			$session->set( self::SESSION_ID_KEY, $id );
		}
		return $id;
	}
}
