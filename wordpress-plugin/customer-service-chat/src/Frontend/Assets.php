<?php
/**
 * Storefront scripts.
 *
 * @package CustomerServiceChat
 */

namespace CustomerServiceChat\Frontend;

use CustomerServiceChat\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Enqueues {server}/embed.js (async, footer) with its configuration, and the small scripts that keep the widget's
 * cart context current and push the classic checkout's email and consent to the server.
 */
final class Assets {

	const EMBED = 'csc-embed';
	const CART  = 'csc-cart-context';
	const CHECK = 'csc-classic-checkout';

	/**
	 * Hook wp_enqueue_scripts. Nothing on admin pages, nothing until a server URL is saved.
	 */
	public function enqueue() {
		$s = Settings::get();
		if ( is_admin() || '' === $s['server_url'] ) {
			return;
		}
		wp_enqueue_script(
			self::EMBED,
			$s['server_url'] . '/embed.js',
			array(),
			null, // phpcs:ignore WordPress.WP.EnqueuedResourceParameters.MissingVersion -- the chat server versions its own script.
			array(
				'in_footer' => true,
				'strategy'  => 'async',
			)
		);
		wp_add_inline_script( self::EMBED, WidgetConfig::script( WidgetConfig::build() ), 'before' );

		$base = plugin_dir_url( CSC_PLUGIN_FILE ) . 'assets/js/';
		if ( $s['pass_cart'] ) {
			wp_enqueue_script( self::CART, $base . 'cart-context.js', array(), CSC_VERSION, true );
			wp_add_inline_script(
				self::CART,
				'window.cscCartContext = ' . wp_json_encode(
					array(
						'cartUrl' => esc_url_raw( rest_url( 'wc/store/v1/cart' ) ),
						'debug'   => Settings::debug(),
					),
					JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT
				) . ';',
				'before'
			);
		}
		if ( function_exists( 'is_checkout' ) && is_checkout() && ! is_user_logged_in() ) {
			wp_enqueue_script( self::CHECK, $base . 'classic-checkout.js', array( 'jquery' ), CSC_VERSION, true );
		}
	}

	/**
	 * Adds async to the embed script on WordPress versions without script loading strategies (before 6.3).
	 *
	 * @param string $tag    Script tag.
	 * @param string $handle Handle.
	 * @return string
	 */
	public function async_tag( $tag, $handle ) {
		if ( self::EMBED !== $handle || false !== strpos( $tag, ' async' ) ) {
			return $tag;
		}
		return preg_replace( '/<script(?=[^>]*\ssrc=)/', '<script async', $tag, 1 );
	}
}
