<?php
/**
 * Signed calls to the chat server.
 *
 * @package CustomerServiceChat
 */

namespace CustomerServiceChat;

defined( 'ABSPATH' ) || exit;

/**
 * Posts JSON to {server_url}{path} with X-CSC-Domain, X-CSC-Timestamp and X-CSC-Signature. The timestamp is taken at
 * send time, so a retry an hour later is still inside the server's 5-minute window.
 */
final class ServerClient {

	/**
	 * Settings (server_url, domain, plugin_secret).
	 *
	 * @var array
	 */
	private $settings;

	/**
	 * Constructor.
	 *
	 * @param array|null $settings Settings; the saved ones when null.
	 */
	public function __construct( $settings = null ) {
		$this->settings = null === $settings ? Settings::get() : $settings;
	}

	/**
	 * Sends a signed POST.
	 *
	 * @param string $path    Route, e.g. /api/carts/events.
	 * @param array  $payload JSON body.
	 * @param int    $timeout Seconds.
	 * @return array{status:int,json:array|null,body:string}|\WP_Error
	 */
	public function post( $path, array $payload, $timeout = 3 ) {
		$body      = Signer::json( $payload );
		$timestamp = (string) time();
		$response  = wp_safe_remote_post(
			rtrim( $this->settings['server_url'], '/' ) . $path,
			array(
				'timeout'     => $timeout,
				'redirection' => 0,
				'user-agent'  => 'customer-service-chat/' . CSC_VERSION . '; ' . home_url( '/' ),
				'headers'     => array(
					'Content-Type'    => 'application/json',
					'Accept'          => 'application/json',
					'X-CSC-Domain'    => $this->settings['domain'],
					'X-CSC-Timestamp' => $timestamp,
					'X-CSC-Signature' => Signer::request_signature( $this->settings['plugin_secret'], $timestamp, $body ),
				),
				'body'        => $body,
				'data_format' => 'body',
			)
		);
		if ( is_wp_error( $response ) ) {
			return $response;
		}
		$raw  = (string) wp_remote_retrieve_body( $response );
		$json = json_decode( $raw, true );
		return array(
			'status' => (int) wp_remote_retrieve_response_code( $response ),
			'json'   => is_array( $json ) ? $json : null,
			'body'   => $raw,
		);
	}
}
