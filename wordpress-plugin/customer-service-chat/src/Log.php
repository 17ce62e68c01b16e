<?php
/**
 * Debug logging.
 *
 * @package CustomerServiceChat
 */

namespace CustomerServiceChat;

defined( 'ABSPATH' ) || exit;

/**
 * Writes to WooCommerce's log (source customer-service-chat) only when debug is on. Callers never pass a secret, an
 * email, a token or a coupon code.
 */
final class Log {

	/**
	 * Logs a debug line.
	 *
	 * @param string $message Message without personal data.
	 */
	public static function debug( $message ) {
		if ( ! Settings::debug() ) {
			return;
		}
		if ( function_exists( 'wc_get_logger' ) ) {
			wc_get_logger()->debug( $message, array( 'source' => 'customer-service-chat' ) );
			return;
		}
		error_log( '[customer-service-chat] ' . $message ); // phpcs:ignore Squiz.PHP.DiscouragedFunctions.Discouraged, WordPress.PHP.DevelopmentFunctions.error_log_error_log -- debug mode only.
	}
}
