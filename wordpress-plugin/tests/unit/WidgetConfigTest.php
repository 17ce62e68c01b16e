<?php
/**
 * window.ChatWidgetConfig: segments, cart states, page context, identity token, escaping, enqueueing.
 *
 * @package CustomerServiceChat
 */

// phpcs:disable

namespace CustomerServiceChat\Tests;

use CustomerServiceChat\Frontend\WidgetConfig;
use CustomerServiceChat\Signer;

final class WidgetConfigTest extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		$this->configure();
		wp_scripts()->remove( array( 'csc-embed', 'csc-cart-context', 'csc-classic-checkout' ) );
		$GLOBALS['wp_scripts'] = null;
	}

	private function customer( array $props ) {
		$id                                = $this->user( 'customer', 'alice.johnson@example.com' );
		\CSC_Test_Store::$customers[ $id ] = $props;
		wp_set_current_user( $id );
		return $id;
	}

	public function test_a_guest_is_a_guest_without_personal_data_or_identity() {
		$config = WidgetConfig::build();
		$this->assertSame( array( 'isLoggedIn' => false, 'customerGroup' => 'guest' ), $config['userData'] );
		$this->assertArrayNotHasKey( 'identityToken', $config );
		$this->assertSame( 'https://chat.example.com', $config['serverUrl'] );
		$this->assertSame( 'shop.example.test', $config['domain'] );
		$this->assertSame( array( 'position' => 'bottom-right', 'width' => 400, 'height' => 600 ), $config['appearance'] );
		$this->assertFalse( $config['behavior']['autoOpen'] );
		$this->assertTrue( $config['behavior']['orderLookup'] );
		$this->assertFalse( $config['debug'] );
	}

	public function test_the_store_api_root_and_a_nonce_woocommerce_accepts_and_the_site_locale() {
		$this->customer( array( 'spent' => '0.00', 'orders' => 0 ) );
		$config = WidgetConfig::build();
		$this->assertSame( rest_url( 'wc/store/v1/' ), $config['storeApi']['root'] );
		$this->assertStringContainsString( 'wc/store/v1/', $config['storeApi']['root'] );
		// WooCommerce's Store API checks the Nonce header with wp_verify_nonce( $nonce, 'wc_store_api' ).
		$this->assertSame( 1, wp_verify_nonce( $config['storeApi']['nonce'], 'wc_store_api' ) );
		$this->assertFalse( wp_verify_nonce( $config['storeApi']['nonce'], 'wp_rest' ) );
		// A nonce is tied to the user: another visitor's is not accepted for this one.
		wp_set_current_user( 0 );
		$this->assertFalse( wp_verify_nonce( $config['storeApi']['nonce'], 'wc_store_api' ) );
		$this->assertSame( 'en_US', $config['locale'] );
		$german = function () { return 'de_DE'; };
		add_filter( 'locale', $german );
		$this->assertSame( 'de_DE', WidgetConfig::build()['locale'] );
		remove_filter( 'locale', $german );
	}

	/**
	 * @dataProvider segments
	 */
	public function test_customer_segments_follow_the_spec( $spent, $orders, $segment ) {
		$id     = $this->customer( array( 'spent' => $spent, 'orders' => $orders ) );
		$config = WidgetConfig::build();
		$this->assertSame( $segment, $config['userData']['customerGroup'] );
		$this->assertTrue( $config['userData']['isLoggedIn'] );
		$this->assertSame( $id, $config['userData']['customerId'] );
		$this->assertSame( 'alice.johnson@example.com', $config['userData']['email'] );
		$this->assertSame( $orders, $config['userData']['totalOrders'] );
	}

	public function segments() {
		return array(
			'new customer'               => array( '0.00', 0, 'new' ),
			'5 orders is still new'      => array( '400.00', 5, 'new' ),
			'6 orders is regular'        => array( '600.00', 6, 'regular' ),
			'1000 spent is not yet vip'  => array( '1000.00', 2, 'new' ),
			'more than 1000 is vip'      => array( '1000.01', 1, 'vip' ),
			'vip wins over regular'      => array( '5000.00', 40, 'vip' ),
		);
	}

	public function test_a_logged_in_customer_gets_a_signed_identity_token() {
		$id     = $this->customer( array( 'spent' => '1500.00', 'orders' => 7, 'email' => 'billing@example.com' ) );
		$config = WidgetConfig::build();
		// The signature is checked independently of the plugin's code: under the identity key derived from the secret.
		list( $body, $sig ) = explode( '.', $config['identityToken'] );
		$this->assertSame( hash_hmac( 'sha256', $body, hash_hmac( 'sha256', 'csc-identity-v1', self::SECRET, true ) ), $sig );
		$this->assertNotSame( hash_hmac( 'sha256', $body, self::SECRET ), $sig, 'never under the raw secret' );
		$payload = json_decode( base64_decode( strtr( $body, '-_', '+/' ) ), true );
		$this->assertSame( array( 'typ', 'domain', 'customerId', 'email', 'segment', 'exp' ), array_keys( $payload ) );
		$this->assertSame( 'identity', $payload['typ'] );
		$this->assertSame( $config['domain'], $payload['domain'], 'the store the widget talks for' );
		$this->assertSame( $id, $payload['customerId'] );
		$this->assertSame( 'billing@example.com', $payload['email'] );
		$this->assertSame( 'vip', $payload['segment'] );
		$this->assertGreaterThan( time() + 3000, $payload['exp'] );
		$this->assertLessThanOrEqual( time() + 2 * HOUR_IN_SECONDS, $payload['exp'] );
	}

	public function test_pass_user_off_sends_no_user_data_and_no_identity() {
		$this->configure( array( 'pass_user' => '' ) );
		$this->customer( array( 'spent' => '1500.00' ) );
		$config = WidgetConfig::build();
		$this->assertArrayNotHasKey( 'userData', $config );
		$this->assertArrayNotHasKey( 'identityToken', $config );
	}

	public function test_cart_states() {
		$config = WidgetConfig::build();
		$this->assertSame( false, $config['cartData']['hasItems'] );
		$this->assertSame( 0, $config['cartData']['itemCount'] );

		\CSC_Test_Store::$products[12] = new \WC_Product( 12, 'Hoodie', '45.00' );
		\CSC_Test_Store::$products[13] = new \WC_Product( 13, 'Cap', '9.5' );
		WC()->cart->add_to_cart( 12, 2 );
		WC()->cart->add_to_cart( 13, 1 );
		$cart = WidgetConfig::build()['cartData'];
		$this->assertTrue( $cart['hasItems'] );
		$this->assertSame( 3, $cart['itemCount'] );
		$this->assertSame( '99.50', $cart['total'] );
		$this->assertSame( 'EUR', $cart['currency'] );
		$this->assertSame( array( 'productId' => 12, 'variationId' => 0, 'name' => 'Hoodie', 'quantity' => 2, 'price' => '45.00' ), $cart['items'][0] );

		$this->configure( array( 'pass_cart' => '' ) );
		$this->assertArrayNotHasKey( 'cartData', WidgetConfig::build() );
	}

	public function test_page_context() {
		\CSC_Test_Store::$page = 'cart';
		$this->assertSame( 'cart', WidgetConfig::build()['page']['type'] );
		\CSC_Test_Store::$page = 'checkout';
		$this->assertSame( 'checkout', WidgetConfig::build()['page']['type'] );
		\CSC_Test_Store::$page = 'other';
		$page = WidgetConfig::build()['page'];
		$this->assertSame( 'other', $page['type'] );
		$this->assertStringStartsWith( 'https://shop.example.test/', $page['url'] );
	}

	public function test_a_script_tag_in_a_name_cannot_break_out() {
		$evil                          = 'Hoodie </script><script>alert("x")</script><!-- \' &';
		\CSC_Test_Store::$products[12] = new \WC_Product( 12, $evil, '45.00' );
		WC()->cart->add_to_cart( 12, 1 );
		$id = $this->customer( array() );
		// WordPress filters display names on save; a name from elsewhere (another plugin, an import) may still hold markup.
		wp_get_current_user()->display_name = '</SCRIPT><img src=x onerror=alert(1)>';

		$script = WidgetConfig::script( WidgetConfig::build() );
		$this->assertStringNotContainsString( '<', $script );
		$this->assertStringNotContainsString( '>', $script );
		$this->assertStringNotContainsString( "'", $script );
		// And the widget still reads the exact names.
		$config = json_decode( substr( $script, strlen( 'window.ChatWidgetConfig = ' ), -1 ), true );
		$this->assertSame( $evil, $config['cartData']['items'][0]['name'] );
		$this->assertSame( '</SCRIPT><img src=x onerror=alert(1)>', $config['userData']['displayName'] );
	}

	public function test_the_storefront_gets_embed_js_async_in_the_footer_with_its_config_before_it() {
		\CSC_Test_Store::$products[12] = new \WC_Product( 12, 'Hoodie </script><b>', '45.00' );
		WC()->cart->add_to_cart( 12, 1 );
		do_action( 'wp_enqueue_scripts' );
		$this->assertTrue( wp_script_is( 'csc-embed', 'enqueued' ) );
		ob_start();
		wp_scripts()->do_items( array( 'csc-embed' ), 1 );
		$html = ob_get_clean();
		$this->assertMatchesRegularExpression( "#<script async[^>]* src='https://chat\.example\.com/embed\.js'#", $html );
		$this->assertSame( 2, substr_count( strtolower( $html ), '</script>' ), 'only the two real closing tags' );
		$this->assertLessThan( strpos( $html, 'embed.js' ), strpos( $html, 'window.ChatWidgetConfig' ), 'config before the script' );
		$this->assertTrue( wp_script_is( 'csc-cart-context', 'enqueued' ) );
	}

	public function test_nothing_is_enqueued_on_admin_pages_or_without_a_server() {
		set_current_screen( 'dashboard' );
		do_action( 'wp_enqueue_scripts' );
		$this->assertFalse( wp_script_is( 'csc-embed', 'enqueued' ) );
		unset( $GLOBALS['current_screen'] );

		$this->configure( array( 'server_url' => '' ) );
		do_action( 'wp_enqueue_scripts' );
		$this->assertFalse( wp_script_is( 'csc-embed', 'enqueued' ) );
	}

	public function test_the_identity_token_verifies_with_the_plugin_signer_and_fails_with_another_secret() {
		$this->customer( array( 'spent' => '10.00' ) );
		$token = WidgetConfig::build()['identityToken'];
		$this->assertSame( 'new', Signer::verify_token( Signer::IDENTITY, self::SECRET, $token, time() )['segment'] );
		$this->assertNull( Signer::verify_token( Signer::IDENTITY, 'another-secret-0123456789', $token, time() ) );
		$this->assertNull( Signer::verify_token( Signer::RESTORE, self::SECRET, $token, time() ) );
		$this->assertNull( Signer::verify_token( Signer::UNSUBSCRIBE, self::SECRET, $token, time() ) );
	}
}
