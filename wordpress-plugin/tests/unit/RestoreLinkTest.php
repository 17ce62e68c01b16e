<?php
/**
 * Restore links: refill, skip what is gone or out of stock, coupon, and friendly refusal of bad tokens.
 *
 * @package CustomerServiceChat
 */

// phpcs:disable

namespace CustomerServiceChat\Tests;

use CustomerServiceChat\Cart\RestoreLink;

final class RestoreLinkTest extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		$this->configure();
		\CSC_Test_Store::$products[12] = new \WC_Product( 12, 'Hoodie', '45.00' );
		\CSC_Test_Store::$products[13] = new \WC_Product( 13, 'Cap', '10.00' );
		\CSC_Test_Store::$products[14] = new \WC_Product( 14, 'Scarf', '20.00' );
		\CSC_Test_Store::$products[14]->in_stock = false;
	}

	/**
	 * Signed the way cart-service signs (computed here with hash_hmac, not with the plugin's signer): typ first, under
	 * the key derived with the label. A null typ leaves it out; a null label signs with the raw secret (the old format).
	 */
	private static function token( array $payload, $secret = self::SECRET, $typ = 'restore', $label = 'csc-restore-v1' ) {
		if ( null !== $typ ) {
			$payload = array_merge( array( 'typ' => $typ ), $payload );
		}
		$key  = null === $label ? $secret : hash_hmac( 'sha256', $label, $secret, true );
		$body = rtrim( strtr( base64_encode( json_encode( $payload ) ), '+/', '-_' ), '=' );
		return $body . '.' . hash_hmac( 'sha256', $body, $key );
	}

	private function cart_lines() {
		$lines = array();
		foreach ( WC()->cart->get_cart() as $line ) {
			$lines[ $line['product_id'] ] = $line['quantity'];
		}
		return $lines;
	}

	private function notices( $type = null ) {
		$out = array();
		foreach ( \CSC_Test_Store::$notices as $n ) {
			if ( null === $type || $type === $n[0] ) {
				$out[] = $n[1];
			}
		}
		return $out;
	}

	public function test_a_good_link_refills_the_cart_and_says_what_could_not_be_added() {
		$token = self::token(
			array(
				'sessionId' => 't_abandonedsession',
				'items'     => array(
					array( 'productId' => 12, 'variationId' => 0, 'quantity' => 2 ),
					array( 'productId' => 13, 'variationId' => 0, 'quantity' => 1 ),
					array( 'productId' => 14, 'variationId' => 0, 'quantity' => 1 ),
					array( 'productId' => 999, 'variationId' => 0, 'quantity' => 1 ),
				),
				'exp'       => time() + 3600,
			)
		);
		$url = ( new RestoreLink() )->restore( $token );
		$this->assertSame( 'https://shop.example.test/cart/', $url );
		$this->assertSame( array( 12 => 2, 13 => 1 ), $this->cart_lines() );
		$this->assertSame( array( 'Welcome back! We restored your cart.' ), $this->notices( 'success' ) );
		$notices = implode( ' | ', $this->notices( 'notice' ) );
		$this->assertStringContainsString( 'out of stock or no longer for sale: Scarf.', $notices );
		$this->assertStringContainsString( '1 item from your cart is no longer available.', $notices );
		$this->assertSame( 't_abandonedsession', WC()->session->get( 'csc_sid' ), 'later events update the abandoned cart' );
	}

	public function test_a_restore_is_reported_to_cart_service_with_the_email_step() {
		$dispatcher = new \CustomerServiceChat\Cart\EventDispatcher();
		$token      = self::token( array( 'sessionId' => 't_abandonedsession', 'items' => array( array( 'productId' => 12, 'variationId' => 0, 'quantity' => 2 ) ), 'step' => 2, 'exp' => time() + 60 ) );
		( new RestoreLink( $dispatcher ) )->restore( $token );
		$events = $dispatcher->pending();
		$this->assertCount( 1, $events );
		$this->assertSame( 'cart_restored', $events[0]['type'] );
		$this->assertSame( 't_abandonedsession', $events[0]['sessionId'] );
		$this->assertSame( 2, $events[0]['step'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/', $events[0]['occurredAt'] );
	}

	public function test_an_old_link_without_a_step_is_reported_without_one() {
		$dispatcher = new \CustomerServiceChat\Cart\EventDispatcher();
		$token      = self::token( array( 'sessionId' => 's-old', 'items' => array( array( 'productId' => 13, 'variationId' => 0, 'quantity' => 1 ) ), 'exp' => time() + 60 ) );
		( new RestoreLink( $dispatcher ) )->restore( $token );
		$events = $dispatcher->pending();
		$this->assertCount( 1, $events );
		$this->assertSame( 'cart_restored', $events[0]['type'] );
		$this->assertSame( 's-old', $events[0]['sessionId'] );
		$this->assertArrayNotHasKey( 'step', $events[0] );
	}

	public function test_nothing_is_reported_when_nothing_came_back_or_the_link_is_bad() {
		$dispatcher = new \CustomerServiceChat\Cart\EventDispatcher();
		// every product gone or out of stock: nothing was restored
		( new RestoreLink( $dispatcher ) )->restore( self::token( array( 'sessionId' => 's', 'items' => array( array( 'productId' => 14, 'variationId' => 0, 'quantity' => 1 ), array( 'productId' => 999, 'variationId' => 0, 'quantity' => 1 ) ), 'step' => 1, 'exp' => time() + 60 ) ) );
		// expired, and signed with another store's secret
		( new RestoreLink( $dispatcher ) )->restore( self::token( array( 'sessionId' => 's', 'items' => array( array( 'productId' => 12, 'variationId' => 0, 'quantity' => 1 ) ), 'step' => 1, 'exp' => time() - 1 ) ) );
		( new RestoreLink( $dispatcher ) )->restore( self::token( array( 'sessionId' => 's', 'items' => array( array( 'productId' => 12, 'variationId' => 0, 'quantity' => 1 ) ), 'step' => 1, 'exp' => time() + 60 ), 'another-store-secret-000' ) );
		$this->assertSame( array(), $dispatcher->pending() );
	}

	public function test_the_plugin_reports_restores_through_its_dispatcher() {
		global $wp_filter;
		$found = null;
		foreach ( $wp_filter['wp_loaded']->callbacks as $callbacks ) {
			foreach ( $callbacks as $cb ) {
				if ( is_array( $cb['function'] ) && $cb['function'][0] instanceof RestoreLink ) {
					$found = $cb['function'][0];
				}
			}
		}
		$this->assertNotNull( $found );
		$property = new \ReflectionProperty( RestoreLink::class, 'dispatcher' );
		$property->setAccessible( true );
		$this->assertSame( \CustomerServiceChat\Plugin::instance()->dispatcher, $property->getValue( $found ) );
	}

	public function test_opening_the_link_twice_does_not_double_the_cart() {
		$token = self::token( array( 'sessionId' => 's', 'items' => array( array( 'productId' => 12, 'variationId' => 0, 'quantity' => 2 ) ), 'exp' => time() + 60 ) );
		( new RestoreLink() )->restore( $token );
		( new RestoreLink() )->restore( $token );
		$this->assertSame( array( 12 => 2 ), $this->cart_lines() );
	}

	public function test_a_coupon_in_the_link_is_applied() {
		\CSC_Test_Store::$coupons = array( 'back-7f3k' );
		$token = self::token( array( 'sessionId' => 's', 'items' => array( array( 'productId' => 12, 'variationId' => 0, 'quantity' => 1 ) ), 'coupon' => 'BACK-7F3K', 'exp' => time() + 60 ) );
		( new RestoreLink() )->restore( $token );
		$this->assertSame( array( 'back-7f3k' ), WC()->cart->get_applied_coupons() );
	}

	/**
	 * @dataProvider bad_tokens
	 */
	public function test_bad_links_get_a_friendly_notice_and_leave_the_cart_alone( $token ) {
		WC()->cart->add_to_cart( 13, 1 );
		$url = ( new RestoreLink() )->restore( $token );
		$this->assertSame( 'https://shop.example.test/cart/', $url );
		$this->assertSame( array( 13 => 1 ), $this->cart_lines() );
		$this->assertSame( array( 'Sorry, this cart link is no longer valid: it may have expired. Your cart is unchanged; you can find the products in our shop.' ), $this->notices() );
		$this->assertNull( WC()->session->get( 'csc_sid' ) );
	}

	public function bad_tokens() {
		$items = array( array( 'productId' => 12, 'variationId' => 0, 'quantity' => 5 ) );
		$good  = self::token( array( 'sessionId' => 's', 'items' => $items, 'exp' => time() + 3600 ) );
		list( $body, $sig ) = explode( '.', $good );
		$other = array( 'domain' => 'shop.example.test', 'customerId' => 7, 'email' => 'a@example.com', 'sessionId' => 's', 'items' => $items, 'exp' => time() + 3600 );
		return array(
			'expired'          => array( self::token( array( 'sessionId' => 's', 'items' => $items, 'exp' => time() - 1 ) ) ),
			'other secret'     => array( self::token( array( 'sessionId' => 's', 'items' => $items, 'exp' => time() + 3600 ), 'another-store-secret-000' ) ),
			'forged payload'   => array( rtrim( strtr( base64_encode( json_encode( array( 'sessionId' => 's', 'items' => $items, 'exp' => time() + 99999 ) ) ), '+/', '-_' ), '=' ) . '.' . $sig ),
			'no signature'     => array( $body ),
			'garbage'          => array( '%3Cscript%3E' ),
			'no exp'           => array( self::token( array( 'sessionId' => 's', 'items' => $items ) ) ),
			'items not a list' => array( self::token( array( 'sessionId' => 's', 'items' => 'all', 'exp' => time() + 60 ) ) ),
			// Tokens made for another purpose, even carrying items: a restore link must be a restore token.
			'identity token'                   => array( self::token( $other, self::SECRET, 'identity', 'csc-identity-v1' ) ),
			'unsubscribe token'                => array( self::token( $other, self::SECRET, 'unsubscribe', 'csc-unsubscribe-v1' ) ),
			'restore typ under identity key'   => array( self::token( $other, self::SECRET, 'restore', 'csc-identity-v1' ) ),
			'restore typ under unsubscribe key' => array( self::token( $other, self::SECRET, 'restore', 'csc-unsubscribe-v1' ) ),
			'identity typ under restore key'   => array( self::token( $other, self::SECRET, 'identity', 'csc-restore-v1' ) ),
			'no typ under restore key'         => array( self::token( $other, self::SECRET, null, 'csc-restore-v1' ) ),
			'old format (raw secret, no typ)'  => array( self::token( array( 'sessionId' => 's', 'items' => $items, 'exp' => time() + 3600 ), self::SECRET, null, null ) ),
			'old format with a typ'            => array( self::token( array( 'sessionId' => 's', 'items' => $items, 'exp' => time() + 3600 ), self::SECRET, 'restore', null ) ),
		);
	}

	public function test_the_plugins_own_identity_token_refills_nothing() {
		// The token a logged-in customer's page carries, with items added before signing: still not a restore link.
		$identity = \CustomerServiceChat\Signer::token(
			\CustomerServiceChat\Signer::IDENTITY,
			self::SECRET,
			array( 'domain' => 'shop.example.test', 'email' => 'a@example.com', 'items' => array( array( 'productId' => 12, 'variationId' => 0, 'quantity' => 1 ) ), 'exp' => time() + 60 )
		);
		( new RestoreLink() )->restore( $identity );
		$this->assertSame( array(), $this->cart_lines() );
		$this->assertSame( array(), $this->notices( 'success' ) );
	}

	public function test_the_link_handler_redirects_to_the_cart_without_the_token() {
		$_GET['csc_restore'] = self::token( array( 'sessionId' => 's', 'items' => array( array( 'productId' => 12, 'variationId' => 0, 'quantity' => 1 ) ), 'exp' => time() + 60 ) );
		try {
			( new RestoreLink() )->maybe_restore();
			$this->fail( 'expected a redirect' );
		} catch ( RedirectException $e ) {
			$this->assertSame( 'https://shop.example.test/cart/', $e->location );
		}
		$this->assertSame( array( 12 => 1 ), $this->cart_lines() );
	}

	public function test_the_plugin_handles_links_after_woocommerce_loaded_the_cart() {
		$this->assertSame( 30, $this->registered_priority(), 'after the cart loads (10) and ?add-to-cart (20)' );
	}

	private function registered_priority() {
		global $wp_filter;
		foreach ( $wp_filter['wp_loaded']->callbacks as $priority => $callbacks ) {
			foreach ( $callbacks as $cb ) {
				if ( is_array( $cb['function'] ) && $cb['function'][0] instanceof RestoreLink ) {
					return $priority;
				}
			}
		}
		return false;
	}
}
