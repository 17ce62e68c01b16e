<?php
/**
 * The "Test connection" check.
 *
 * @package CustomerServiceChat
 */

namespace CustomerServiceChat\Admin;

use CustomerServiceChat\ServerClient;
use CustomerServiceChat\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Calls POST {server}/api/carts/ping, signed like every plugin call, from the store's server, and says in words what is
 * wrong when it fails.
 */
final class ConnectionTest {

	const ROUTE = '/api/carts/ping';

	/**
	 * Runs the check with the saved settings.
	 *
	 * @param array|null $settings Settings (the saved ones when null).
	 * @return array{ok:bool,message:string}
	 */
	public static function run( $settings = null ) {
		$s = null === $settings ? Settings::get() : $settings;
		if ( '' === $s['server_url'] || '' === $s['domain'] || '' === $s['plugin_secret'] ) {
			return self::fail( __( 'Enter and save the chat server URL, the store domain and the plugin secret first.', 'customer-service-chat' ) );
		}
		$result = ( new ServerClient( $s ) )->post( self::ROUTE, array(), 5 );
		if ( is_wp_error( $result ) ) {
			$host = (string) wp_parse_url( $s['server_url'], PHP_URL_HOST );
			if ( Settings::is_local_host( $host ) && ! Settings::allow_local_server() ) {
				return self::fail( __( 'WordPress does not send requests to local or private addresses. For a development setup add define( \'CSC_ALLOW_LOCAL_SERVER\', true ); to wp-config.php, or use the chat server\'s public https:// address.', 'customer-service-chat' ) );
			}
			return self::fail(
				sprintf(
					/* translators: 1: server URL, 2: error from WordPress' HTTP API */
					__( 'Could not reach the chat server at %1$s: %2$s. Check the URL and that this server can open connections to it (firewall, DNS, certificate).', 'customer-service-chat' ),
					$s['server_url'],
					$result->get_error_message()
				)
			);
		}
		$status = $result['status'];
		$code   = isset( $result['json']['code'] ) && is_string( $result['json']['code'] ) ? $result['json']['code'] : '';
		if ( 200 === $status && isset( $result['json']['success'] ) && true === $result['json']['success'] ) {
			return array(
				'ok'      => true,
				'message' => sprintf(
					/* translators: %s: store domain */
					__( 'Connected. The chat server accepted this store\'s plugin secret for %s.', 'customer-service-chat' ),
					$s['domain']
				),
			);
		}
		if ( null === $result['json'] || ! isset( $result['json']['success'] ) ) {
			return self::fail(
				sprintf(
					/* translators: 1: server URL, 2: HTTP status */
					__( 'The address %1$s answered (HTTP %2$d), but not like the chat server. Check that the URL is the chat server\'s public address, without a path such as /api.', 'customer-service-chat' ),
					$s['server_url'],
					$status
				)
			);
		}
		if ( 401 === $status && 'stale_timestamp' === $code ) {
			return self::fail( __( 'The chat server refused the request because this server\'s clock is more than 5 minutes off. Fix the server time (NTP) and try again.', 'customer-service-chat' ) );
		}
		if ( 401 === $status || 403 === $status ) {
			return self::fail( __( 'The chat server knows this store but rejected the plugin secret. Paste the plugin secret shown when the store was registered on the chat server, then save.', 'customer-service-chat' ) );
		}
		if ( 404 === $status ) {
			return self::fail(
				sprintf(
					/* translators: %s: store domain */
					__( 'The chat server does not know the store domain %s. Check the domain field, or ask the chat server\'s operator to register this store.', 'customer-service-chat' ),
					$s['domain']
				)
			);
		}
		if ( 429 === $status ) {
			return self::fail( __( 'The chat server is limiting requests from this store right now. Wait a minute and try again.', 'customer-service-chat' ) );
		}
		return self::fail(
			sprintf(
				/* translators: 1: HTTP status, 2: error code */
				__( 'The chat server answered with an error (HTTP %1$d, %2$s). Try again later; if it persists, contact the chat server\'s operator.', 'customer-service-chat' ),
				$status,
				'' === $code ? 'no code' : $code
			)
		);
	}

	/**
	 * A failed result.
	 *
	 * @param string $message Message.
	 * @return array{ok:bool,message:string}
	 */
	private static function fail( $message ) {
		return array(
			'ok'      => false,
			'message' => $message,
		);
	}
}
