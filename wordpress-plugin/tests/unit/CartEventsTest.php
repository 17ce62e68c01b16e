<?php
/**
 * Cart events: what is reported when, the consent rule, and signed delivery with retries.
 *
 * @package CustomerServiceChat
 */

// phpcs:disable

namespace CustomerServiceChat\Tests;

use CustomerServiceChat\Cart\CartEvents;
use CustomerServiceChat\Cart\Consent;
use CustomerServiceChat\Cart\EventDispatcher;
use CustomerServiceChat\Plugin;

final class CartEventsTest extends TestCase {

	/** @var EventDispatcher */
	private $dispatcher;

	/** @var CartEvents */
	private $events;

	/** @var Consent */
	private $consent;

	protected function setUp(): void {
		parent::setUp();
		$this->configure();
		// Fresh objects wired to the same WooCommerce hooks the plugin uses.
		$this->dispatcher = new EventDispatcher();
		$this->events     = new CartEvents( $this->dispatcher );
		$this->consent    = new Consent( $this->events );
		\CSC_Test_Store::$products[12] = new \WC_Product( 12, 'Hoodie', '45.00' );
		\CSC_Test_Store::$products[13] = new \WC_Product( 13, 'Cap', '10.00' );
		add_action( 'woocommerce_add_to_cart', array( $this->events, 'cart_changed' ) );
		add_action( 'woocommerce_cart_emptied', array( $this->events, 'cart_changed' ) );
		add_action( 'woocommerce_applied_coupon', array( $this->events, 'cart_changed' ) );
	}

	protected function tearDown(): void {
		remove_action( 'woocommerce_add_to_cart', array( $this->events, 'cart_changed' ) );
		remove_action( 'woocommerce_cart_emptied', array( $this->events, 'cart_changed' ) );
		remove_action( 'woocommerce_applied_coupon', array( $this->events, 'cart_changed' ) );
		parent::tearDown();
	}

	/** Events of the "request" so far, after the shutdown flush. */
	private function flushed() {
		$this->events->flush();
		$events = $this->dispatcher->pending();
		$this->dispatcher = new EventDispatcher();
		$this->events     = $this->rewire();
		return $events;
	}

	/** A new request: new collector, same session. */
	private function rewire() {
		remove_action( 'woocommerce_add_to_cart', array( $this->events, 'cart_changed' ) );
		remove_action( 'woocommerce_cart_emptied', array( $this->events, 'cart_changed' ) );
		remove_action( 'woocommerce_applied_coupon', array( $this->events, 'cart_changed' ) );
		$events        = new CartEvents( $this->dispatcher );
		$this->consent = new Consent( $events );
		add_action( 'woocommerce_add_to_cart', array( $events, 'cart_changed' ) );
		add_action( 'woocommerce_cart_emptied', array( $events, 'cart_changed' ) );
		add_action( 'woocommerce_applied_coupon', array( $events, 'cart_changed' ) );
		return $events;
	}

	private static function types( array $events ) {
		return array_column( $events, 'type' );
	}

	public function test_the_plugin_listens_to_the_classic_and_store_api_hooks() {
		$plugin = Plugin::instance();
		foreach ( array( 'woocommerce_add_to_cart', 'woocommerce_after_cart_item_quantity_update', 'woocommerce_cart_item_removed', 'woocommerce_cart_emptied', 'woocommerce_applied_coupon', 'woocommerce_removed_coupon' ) as $hook ) {
			$this->assertNotFalse( has_action( $hook, array( $plugin->cart_events, 'cart_changed' ) ), $hook );
		}
		$this->assertNotFalse( has_action( 'woocommerce_store_api_cart_update_customer_from_request', array( $plugin->cart_events, 'block_customer_updated' ) ) );
		$this->assertNotFalse( has_action( 'woocommerce_checkout_update_order_review', array( $plugin->cart_events, 'classic_order_review' ) ) );
		$this->assertNotFalse( has_action( 'woocommerce_checkout_order_processed', array( $plugin->cart_events, 'classic_order_processed' ) ) );
		$this->assertNotFalse( has_action( 'woocommerce_store_api_checkout_order_processed', array( $plugin->cart_events, 'order_placed' ) ) );
		$this->assertNotFalse( has_action( 'woocommerce_set_additional_field_value', array( $plugin->consent, 'block_field_saved' ) ) );
		$this->assertNotFalse( has_filter( 'woocommerce_checkout_fields', array( $plugin->consent, 'classic_field' ) ) );
		$this->assertNotFalse( has_action( 'woocommerce_init', array( $plugin->consent, 'register_block_field' ) ) );
		$this->assertSame( 10, $GLOBALS['csc_test_shutdown']['flush'], 'before WooCommerce saves the session (20)' );
		$this->assertSame( 1000, $GLOBALS['csc_test_shutdown']['dispatch'] );
	}

	public function test_several_changes_in_one_request_make_one_cart_updated() {
		WC()->cart->add_to_cart( 12, 2 );
		WC()->cart->add_to_cart( 13, 1 );
		$events = $this->flushed();
		$this->assertSame( array( 'cart_updated' ), self::types( $events ) );
		$e = $events[0];
		$this->assertSame( 't_0123456789abcdef0123456789abcd', $e['sessionId'] );
		$this->assertArrayNotHasKey( 'userId', $e );
		$this->assertSame( '100.00', $e['cartTotal'] );
		$this->assertSame( 'EUR', $e['cartCurrency'] );
		$this->assertSame( array( 'productId' => 13, 'variationId' => 0, 'name' => 'Cap', 'quantity' => 1, 'price' => '10.00' ), $e['cartItems'][1] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/', $e['occurredAt'] );
		$this->assertArrayNotHasKey( 'email', $e );
	}

	public function test_nothing_is_reported_without_a_session_cookie_or_without_settings() {
		WC()->session->has = false;
		WC()->cart->add_to_cart( 12, 1 );
		$this->assertSame( array(), $this->flushed(), 'a guest id before the first cart write is throwaway' );

		WC()->session->has = true;
		$this->configure( array( 'plugin_secret' => '' ) );
		delete_option( 'csc_settings' );
		WC()->cart->add_to_cart( 13, 1 );
		$this->assertSame( array(), $this->flushed() );
	}

	public function test_a_guest_without_consent_never_sends_an_email_address() {
		WC()->cart->add_to_cart( 12, 1 );
		$this->flushed();
		// Block checkout: the email typed in the contact step.
		$customer = new class() {
			public function get_billing_email() {
				return 'Guest@Example.com';
			}
		};
		$this->events->block_customer_updated( $customer );
		// Classic checkout: the order review with the email, consent box unticked.
		$this->events->classic_order_review( 'billing_first_name=G&billing_email=guest%40example.com' );
		WC()->cart->add_to_cart( 13, 1 );
		$events = $this->flushed();
		$this->assertSame( array( 'cart_updated' ), self::types( $events ) );
		$this->assertStringNotContainsString( 'example.com', wp_json_encode( $events ) );

		// An order by a guest without consent: reported, but without the address.
		$this->events->order_placed( new \WC_Order( 77, '55.00', 'guest@example.com' ) );
		$events = $this->flushed();
		$this->assertSame( array( 'order_placed' ), self::types( $events ) );
		$this->assertStringNotContainsString( 'example.com', wp_json_encode( $events ) );
	}

	public function test_consent_sends_the_email_captured_before_and_withdrawal_stops_it() {
		WC()->cart->add_to_cart( 12, 1 );
		$this->events->classic_order_review( 'billing_email=guest%40example.com' );
		$this->assertSame( array( 'cart_updated' ), self::types( $this->flushed() ) );

		$this->events->classic_order_review( 'billing_email=guest%40example.com&csc_consent=1' );
		$events = $this->flushed();
		$this->assertSame( array( 'consent' ), self::types( $events ) );
		$this->assertTrue( $events[0]['consent'] );
		$this->assertSame( 'guest@example.com', $events[0]['email'] );

		// Same state again: nothing new.
		$this->events->classic_order_review( 'billing_email=guest%40example.com&csc_consent=1' );
		$this->assertSame( array(), $this->flushed() );

		// A new address after consent is a checkout_email; cart updates now carry it.
		$this->events->classic_order_review( 'billing_email=other%40example.com&csc_consent=1' );
		WC()->cart->add_to_cart( 13, 1 );
		$events = $this->flushed();
		$this->assertSame( array( 'checkout_email', 'cart_updated' ), self::types( $events ) );
		$this->assertSame( 'other@example.com', $events[0]['email'] );
		$this->assertSame( 'other@example.com', $events[1]['email'] );

		// Unticked: a withdrawal without address, and no address afterwards.
		$this->events->classic_order_review( 'billing_email=other%40example.com' );
		WC()->cart->add_to_cart( 12, 3 );
		$events = $this->flushed();
		$this->assertSame( array( 'consent', 'cart_updated' ), self::types( $events ) );
		$this->assertFalse( $events[0]['consent'] );
		$this->assertStringNotContainsString( 'example.com', wp_json_encode( $events ) );
	}

	public function test_block_checkout_consent_field_carries_the_order_email() {
		WC()->cart->add_to_cart( 12, 1 );
		$this->flushed();
		$draft = new \WC_Order( 90, '45.00', 'block@example.com' );
		// Unticked on the draft order (PUT /checkout): nothing to report.
		$this->consent->block_field_saved( Consent::BLOCK_FIELD, false, 'other', $draft );
		$this->assertSame( array(), $this->flushed() );
		// Another plugin's field is none of our business.
		$this->consent->block_field_saved( 'other/field', true, 'other', $draft );
		$this->assertSame( array(), $this->flushed() );

		$this->consent->block_field_saved( Consent::BLOCK_FIELD, true, 'other', $draft );
		$events = $this->flushed();
		$this->assertSame( array( 'consent' ), self::types( $events ) );
		$this->assertTrue( $events[0]['consent'] );
		$this->assertSame( 'block@example.com', $events[0]['email'] );
	}

	public function test_the_consent_boxes_are_unticked_optional_and_for_guests_on_the_classic_checkout() {
		$fields = $this->consent->classic_field( array( 'billing' => array( 'billing_email' => array() ) ) );
		$field  = $fields['billing'][ Consent::CLASSIC_FIELD ];
		$this->assertSame( 'checkbox', $field['type'] );
		$this->assertFalse( $field['required'] );
		$this->assertSame( 0, $field['default'] );
		$html = woocommerce_form_field_html( Consent::CLASSIC_FIELD, $field );
		$this->assertStringNotContainsString( 'checked', $html );

		wp_set_current_user( $this->user( 'customer' ) );
		$this->assertArrayNotHasKey( Consent::CLASSIC_FIELD, $this->consent->classic_field( array( 'billing' => array() ) )['billing'] );

		$this->consent->register_block_field();
		$this->assertSame( Consent::BLOCK_FIELD, \CSC_Test_Store::$fields[0]['id'] );
		$this->assertSame( 'checkbox', \CSC_Test_Store::$fields[0]['type'] );
		$this->assertSame( 'contact', \CSC_Test_Store::$fields[0]['location'] );
		$this->assertFalse( \CSC_Test_Store::$fields[0]['required'] );
	}

	public function test_a_logged_in_customer_needs_no_consent() {
		$id = $this->user( 'customer', 'bob@example.com' );
		wp_set_current_user( $id );
		WC()->session->customer_id = (string) $id;
		WC()->cart->add_to_cart( 12, 1 );
		$events = $this->flushed();
		$this->assertSame( (string) $id, $events[0]['userId'] );
		$this->assertSame( 'bob@example.com', $events[0]['email'] );

		$customer = new class() {
			public function get_billing_email() {
				return 'bob.billing@example.com';
			}
		};
		$this->events->block_customer_updated( $customer );
		$events = $this->flushed();
		$this->assertSame( array( 'checkout_email' ), self::types( $events ) );
		$this->assertSame( 'bob.billing@example.com', $events[0]['email'] );
	}

	public function test_order_placed_reports_the_order_and_not_the_emptied_cart() {
		$id = $this->user( 'customer', 'carol@example.com' );
		wp_set_current_user( $id );
		WC()->cart->add_to_cart( 12, 2 );
		$this->flushed();
		\CSC_Test_Store::$orders[501] = new \WC_Order( 501, '90.00', 'carol@example.com' );
		$this->events->classic_order_processed( 501, array(), null );
		WC()->cart->empty_cart();
		$events = $this->flushed();
		$this->assertSame( array( 'order_placed' ), self::types( $events ) );
		$this->assertSame( '501', $events[0]['orderId'] );
		$this->assertSame( '90.00', $events[0]['orderTotal'] );
		$this->assertSame( 'carol@example.com', $events[0]['email'] );
		$this->assertSame( 't_0123456789abcdef0123456789abcd', $events[0]['sessionId'] );

		// The next cart in this session is a new cart for cart-service.
		WC()->cart->add_to_cart( 13, 1 );
		$this->assertSame( 't_0123456789abcdef0123456789abcd-o501', $this->flushed()[0]['sessionId'] );
	}

	public function test_without_fastcgi_events_wait_on_action_scheduler_without_personal_data() {
		$id = $this->user( 'customer', 'dave@example.com' );
		wp_set_current_user( $id );
		WC()->cart->add_to_cart( 12, 1 );
		$this->events->flush();
		$this->dispatcher->dispatch();
		$this->assertSame( array(), $this->requests, 'the shopper\'s request sends nothing' );
		$this->assertCount( 1, \CSC_Test_Store::$actions );
		list( $kind, $hook, $args, $group ) = \CSC_Test_Store::$actions[0];
		$this->assertSame( array( 'async', EventDispatcher::HOOK, 'customer-service-chat' ), array( $kind, $hook, $group ) );
		$this->assertStringNotContainsString( 'dave@example.com', wp_json_encode( $args ), 'Action Scheduler keeps its args for weeks' );

		// The queue runner.
		do_action( EventDispatcher::HOOK, $args[0], $args[1] );
		$this->assertCount( 1, $this->requests );
		$r = $this->requests[0];
		$this->assertSame( 'https://chat.example.com/api/carts/events', $r['url'] );
		$this->assertSame( 3, $r['args']['timeout'] );
		$h = $r['args']['headers'];
		$this->assertSame( 'shop.example.test', $h['X-CSC-Domain'] );
		$this->assertSame( 'sha256=' . hash_hmac( 'sha256', $h['X-CSC-Timestamp'] . '.' . $r['args']['body'], self::SECRET ), $h['X-CSC-Signature'] );
		$body = json_decode( $r['args']['body'], true );
		$this->assertSame( 'cart_updated', $body['type'] );
		$this->assertSame( 'dave@example.com', $body['email'] );

		// Delivered once: running the action again sends nothing.
		do_action( EventDispatcher::HOOK, $args[0], $args[1] );
		$this->assertCount( 1, $this->requests );
	}

	public function test_after_the_response_events_go_out_at_once_and_failures_are_retried_a_few_times() {
		add_filter( 'csc_send_after_response', '__return_true' );
		WC()->cart->add_to_cart( 12, 1 );
		$this->events->flush();
		$this->responses[] = self::json_response( 503, array( 'success' => false, 'error' => 'x', 'code' => 'unavailable' ) );
		$this->dispatcher->dispatch();
		remove_filter( 'csc_send_after_response', '__return_true' );
		$this->assertCount( 1, $this->requests );
		$this->assertCount( 1, \CSC_Test_Store::$actions );
		$this->assertSame( 'single', \CSC_Test_Store::$actions[0][0] );
		$this->assertSame( 2, \CSC_Test_Store::$actions[0][2][1] );
		$this->assertEqualsWithDelta( time() + 30, \CSC_Test_Store::$actions[0][4], 2 );

		// Attempts 2 and 3 fail too (network, 429); attempt 4 is the last.
		$this->responses[] = new \WP_Error( 'http_request_failed', 'timeout' );
		$this->responses[] = self::json_response( 429, array( 'success' => false, 'error' => 'x', 'code' => 'rate_limited' ) );
		$this->responses[] = self::json_response( 500, '' );
		for ( $i = 0; $i < 3; $i++ ) {
			$action = end( \CSC_Test_Store::$actions );
			do_action( EventDispatcher::HOOK, $action[2][0], $action[2][1] );
		}
		$this->assertCount( 4, $this->requests );
		$this->assertCount( 3, \CSC_Test_Store::$actions, 'no fifth attempt' );
		$this->assertSame( $this->requests[0]['args']['body'], $this->requests[3]['args']['body'], 'the same event (same occurredAt) each time' );
	}

	public function test_refused_events_are_not_retried() {
		add_filter( 'csc_send_after_response', '__return_true' );
		WC()->cart->add_to_cart( 12, 1 );
		$this->events->flush();
		$this->responses[] = self::json_response( 400, array( 'success' => false, 'error' => 'x', 'code' => 'invalid_request' ) );
		$this->dispatcher->dispatch();
		remove_filter( 'csc_send_after_response', '__return_true' );
		$this->assertCount( 1, $this->requests );
		$this->assertSame( array(), \CSC_Test_Store::$actions );
	}
}

/** Renders a classic checkout field the way WooCommerce's woocommerce_form_field() does for a checkbox. */
function woocommerce_form_field_html( $key, array $args ) {
	$checked = ! empty( $args['default'] ) ? ' checked="checked"' : '';
	return '<input type="checkbox" class="input-checkbox" name="' . esc_attr( $key ) . '" id="' . esc_attr( $key ) . '" value="1"' . $checked . ' />';
}
