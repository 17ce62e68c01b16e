<?php
/**
 * Base test case: each test runs in a rolled-back transaction, with a fake HTTP layer (pre_http_request) and wp_die /
 * redirects turned into exceptions.
 *
 * @package CustomerServiceChat
 */

// phpcs:disable

namespace CustomerServiceChat\Tests;

use CustomerServiceChat\Settings;

class WPDieException extends \RuntimeException {
}

class RedirectException extends \RuntimeException {
	public $location;
	public function __construct( $location ) {
		parent::__construct( 'redirect to ' . $location );
		$this->location = $location;
	}
}

abstract class TestCase extends \PHPUnit\Framework\TestCase {

	const SECRET = 'ps_3f9a1c0e7b2d4a6e8f10c2b4d6e8fa1c';

	/** @var array[] Requests seen by the fake HTTP layer: url, args. */
	protected $requests = array();

	/** @var array Responses to give, in order (array or WP_Error); default 200 {"success":true}. */
	protected $responses = array();

	protected function setUp(): void {
		global $wpdb, $wp_settings_errors;
		$wpdb->query( 'SET autocommit = 0' );
		$wpdb->query( 'START TRANSACTION' );
		wp_cache_flush();
		\CSC_Test_Store::reset();
		\Automattic\WooCommerce\Utilities\FeaturesUtil::$declared = array();
		wp_set_current_user( 0 );
		$wp_settings_errors = array();
		$_GET = $_POST = $_REQUEST = array();
		$this->requests  = array();
		$this->responses = array();
		add_filter( 'pre_http_request', array( $this, 'fake_http' ), 10, 3 );
		add_filter( 'wp_die_handler', array( $this, 'die_handler' ) );
		add_filter( 'wp_redirect', array( $this, 'redirect' ), 1000 );
		unset( $GLOBALS['current_screen'] );
	}

	protected function tearDown(): void {
		global $wpdb;
		remove_filter( 'pre_http_request', array( $this, 'fake_http' ), 10 );
		remove_filter( 'wp_die_handler', array( $this, 'die_handler' ) );
		remove_filter( 'wp_redirect', array( $this, 'redirect' ), 1000 );
		$wpdb->query( 'ROLLBACK' );
		wp_cache_flush();
		unset( $GLOBALS['current_screen'] );
		wp_set_current_user( 0 );
	}

	public function fake_http( $pre, $args, $url ) {
		$this->requests[] = array( 'url' => $url, 'args' => $args );
		$next = $this->responses ? array_shift( $this->responses ) : self::json_response( 200, array( 'success' => true ) );
		return $next;
	}

	public static function json_response( $status, $body ) {
		return array(
			'headers'  => array( 'content-type' => 'application/json' ),
			'body'     => is_string( $body ) ? $body : wp_json_encode( $body ),
			'response' => array( 'code' => $status, 'message' => '' ),
			'cookies'  => array(),
			'filename' => null,
		);
	}

	public function die_handler() {
		return function ( $message, $title = '', $args = array() ) {
			$code = is_array( $args ) && isset( $args['response'] ) ? $args['response'] : ( is_int( $args ) ? $args : 500 );
			throw new WPDieException( is_string( $message ) ? $message : 'wp_die', $code );
		};
	}

	public function redirect( $location ) {
		throw new RedirectException( $location );
	}

	/** Saves settings as a shop manager would (through the real sanitizer), then logs out. */
	protected function configure( array $values = array() ) {
		$user = get_current_user_id();
		wp_set_current_user( $this->user( 'shop_manager' ) );
		update_option(
			Settings::OPTION,
			array_merge(
				array(
					'server_url'    => 'https://chat.example.com',
					'domain'        => 'shop.example.test',
					'plugin_secret' => self::SECRET,
					'position'      => 'bottom-right',
					'pass_user'     => '1',
					'pass_cart'     => '1',
					'order_lookup'  => '1',
				),
				$values
			)
		);
		wp_set_current_user( $user );
	}

	protected function user( $role, $email = null ) {
		static $n = 0;
		$n++;
		return wp_insert_user(
			array(
				'user_login'   => $role . $n . wp_rand(),
				'user_email'   => $email ? $email : $role . $n . wp_rand() . '@example.test',
				'user_pass'    => 'test-only',
				'role'         => $role,
				'display_name' => ucfirst( $role ) . ' ' . $n,
			)
		);
	}

	/** The contract vectors at the repository root (docs/contract/signing-vectors.json). */
	protected static function vectors() {
		$file = dirname( __DIR__, 3 ) . '/docs/contract/signing-vectors.json';
		$json = json_decode( (string) file_get_contents( $file ), true );
		if ( ! is_array( $json ) ) {
			throw new \RuntimeException( 'Cannot read ' . $file );
		}
		return $json;
	}
}
