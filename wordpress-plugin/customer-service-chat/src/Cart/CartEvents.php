<?php
/**
 * Cart, checkout-email, consent and order events for cart-service.
 *
 * @package CustomerServiceChat
 */

namespace CustomerServiceChat\Cart;

use CustomerServiceChat\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Listens to WooCommerce's server-side hooks (they fire for the classic cart, the Store API used by the Cart/Checkout
 * blocks and mini-carts alike), collects what changed during the request and hands at most one event of each kind to
 * the dispatcher at shutdown.
 *
 * Consent rule: a guest's email address is only ever sent after the guest ticked the consent box; registered customers
 * need none (DESIGN.md "Carts and recovery").
 */
final class CartEvents {

	const EMAIL_KEY      = 'csc_email';
	const EMAIL_SENT_KEY = 'csc_email_sent';
	const CONSENT_KEY    = 'csc_consent';

	/**
	 * Sends the events.
	 *
	 * @var EventDispatcher
	 */
	private $dispatcher;

	/**
	 * The cart changed in this request.
	 *
	 * @var bool
	 */
	private $cart_dirty = false;

	/**
	 * An order was placed in this request (the cart is emptied right after: that is no abandonment).
	 *
	 * @var bool
	 */
	private $order_placed = false;

	/**
	 * Constructor.
	 *
	 * @param EventDispatcher $dispatcher Sender.
	 */
	public function __construct( EventDispatcher $dispatcher ) {
		$this->dispatcher = $dispatcher;
	}

	/**
	 * Any cart change: added, quantity, removed, restored, emptied, coupon applied or removed.
	 */
	public function cart_changed() {
		$this->cart_dirty = true;
	}

	/**
	 * Block checkout: the email typed in the contact step (Store API cart/update-customer).
	 *
	 * @param \WC_Customer $customer Customer with the new billing email.
	 */
	public function block_customer_updated( $customer ) {
		if ( is_object( $customer ) && method_exists( $customer, 'get_billing_email' ) ) {
			$this->email_captured( (string) $customer->get_billing_email() );
		}
	}

	/**
	 * Classic checkout: update_order_review carries the whole form url-encoded; our checkout script triggers it when
	 * the email or the consent box changes (WooCommerce itself does not for the email field).
	 *
	 * @param string $post_data Url-encoded checkout form.
	 */
	public function classic_order_review( $post_data ) {
		$fields = array();
		parse_str( (string) $post_data, $fields );
		if ( ! is_user_logged_in() ) {
			$this->consent_changed( ! empty( $fields[ Consent::CLASSIC_FIELD ] ) );
		}
		if ( isset( $fields['billing_email'] ) && is_string( $fields['billing_email'] ) ) {
			$this->email_captured( sanitize_email( wp_unslash( $fields['billing_email'] ) ) );
		}
	}

	/**
	 * Classic checkout order (woocommerce_checkout_order_processed).
	 *
	 * @param int       $order_id Order id.
	 * @param array     $posted   Posted checkout data.
	 * @param \WC_Order $order    Order.
	 */
	public function classic_order_processed( $order_id, $posted = array(), $order = null ) {
		if ( ! $order && function_exists( 'wc_get_order' ) ) {
			$order = wc_get_order( $order_id );
		}
		if ( $order ) {
			$this->order_placed( $order );
		}
	}

	/**
	 * An email address was captured at checkout. Sent at once for customers and for guests who consented; a guest's
	 * address waits in the session for the consent box.
	 *
	 * @param string $email Email address.
	 */
	public function email_captured( $email ) {
		$session = WC()->session;
		if ( ! $session || ! is_email( $email ) ) {
			return;
		}
		$email = strtolower( $email );
		$session->set( self::EMAIL_KEY, $email );
		if ( ! $this->may_send_email() || $email === $session->get( self::EMAIL_SENT_KEY ) || ! $this->has_items() ) {
			return;
		}
		$event = $this->base( 'checkout_email' );
		if ( null === $event ) {
			return;
		}
		$event['email'] = $email;
		$session->set( self::EMAIL_SENT_KEY, $email );
		$this->dispatcher->enqueue( $event );
	}

	/**
	 * Remembers an address without reporting it (the consent event that follows carries it).
	 *
	 * @param string $email Email address.
	 */
	public function email_captured_quietly( $email ) {
		if ( WC()->session && is_email( $email ) ) {
			WC()->session->set( self::EMAIL_KEY, strtolower( $email ) );
		}
	}

	/**
	 * The guest's consent box changed (classic or block checkout). Only changes are reported; consent carries the
	 * email captured so far, a withdrawal carries none.
	 *
	 * @param bool $consent Ticked.
	 */
	public function consent_changed( $consent ) {
		$session = WC()->session;
		if ( ! $session ) {
			return;
		}
		$value = $consent ? 'yes' : 'no';
		$old   = $session->get( self::CONSENT_KEY );
		if ( $value === $old || ( ! $consent && null === $old ) ) {
			$session->set( self::CONSENT_KEY, $value );
			return;
		}
		$session->set( self::CONSENT_KEY, $value );
		$event = $this->base( 'consent' );
		if ( null === $event ) {
			return;
		}
		$event['consent'] = $consent;
		$email            = $session->get( self::EMAIL_KEY );
		if ( $consent && is_string( $email ) && is_email( $email ) ) {
			$event['email'] = $email;
			$session->set( self::EMAIL_SENT_KEY, $email );
		} else {
			$session->set( self::EMAIL_SENT_KEY, null );
		}
		$this->dispatcher->enqueue( $event );
	}

	/**
	 * An order was placed (classic woocommerce_checkout_order_processed, block
	 * woocommerce_store_api_checkout_order_processed). Read through the order object only (HPOS).
	 *
	 * @param \WC_Order $order Order.
	 */
	public function order_placed( $order ) {
		$this->order_placed = true;
		$event              = $this->base( 'order_placed' );
		if ( null === $event || ! is_object( $order ) ) {
			return;
		}
		$event['orderId']      = (string) $order->get_id();
		$event['orderTotal']   = CartSnapshot::decimal( $order->get_total() );
		$event['cartCurrency'] = (string) $order->get_currency();
		$email                 = strtolower( (string) $order->get_billing_email() );
		if ( is_email( $email ) && $this->may_send_email() ) {
			$event['email'] = $email;
		}
		$this->dispatcher->enqueue( $event );

		// The order ends this cart's recovery: a later cart in the same session is a new cart for cart-service.
		$session = WC()->session;
		if ( $session ) {
			$session->set( CartSnapshot::SESSION_ID_KEY, substr( $event['sessionId'], 0, 150 ) . '-o' . $order->get_id() );
			$session->set( self::EMAIL_SENT_KEY, null );
		}
	}

	/**
	 * Shutdown (before WooCommerce saves the session at priority 20): one cart_updated for all the request's changes.
	 */
	public function flush() {
		if ( ! $this->cart_dirty || $this->order_placed ) {
			return;
		}
		$this->cart_dirty = false;
		if ( ! WC()->cart ) {
			return;
		}
		$event = $this->base( 'cart_updated' );
		if ( null === $event ) {
			return;
		}
		$event += self::without_count( CartSnapshot::of( WC()->cart ) );
		$email  = $this->known_email();
		if ( null !== $email ) {
			$event['email'] = $email;
		}
		$this->dispatcher->enqueue( $event );
	}

	/**
	 * May an email address be sent for this shopper? Customers yes; guests only after consent.
	 *
	 * @return bool
	 */
	public function may_send_email() {
		if ( is_user_logged_in() ) {
			return true;
		}
		$session = WC()->session;
		return $session && 'yes' === $session->get( self::CONSENT_KEY );
	}

	/**
	 * The shopper's email for cart events, respecting consent.
	 *
	 * @return string|null
	 */
	private function known_email() {
		if ( ! $this->may_send_email() ) {
			return null;
		}
		if ( is_user_logged_in() ) {
			$customer = WC()->customer;
			$email    = $customer && $customer->get_billing_email() ? $customer->get_billing_email() : wp_get_current_user()->user_email;
		} else {
			$email = WC()->session->get( self::EMAIL_KEY );
		}
		$email = is_string( $email ) ? strtolower( $email ) : '';
		return is_email( $email ) ? $email : null;
	}

	/**
	 * Type, session and user of an event, or null when there is nothing to report under (no connection, no session).
	 *
	 * @param string $type Event type.
	 * @return array|null
	 */
	private function base( $type ) {
		if ( ! Settings::is_connected() ) {
			return null;
		}
		$session_id = CartSnapshot::session_id( true );
		if ( null === $session_id ) {
			return null;
		}
		$event   = array(
			'type'      => $type,
			'sessionId' => $session_id,
		);
		$user_id = get_current_user_id();
		if ( $user_id > 0 ) {
			$event['userId'] = (string) $user_id;
		}
		return $event;
	}

	/**
	 * Whether the cart holds anything (an email for an empty cart recovers nothing).
	 *
	 * @return bool
	 */
	private function has_items() {
		return WC()->cart && ! WC()->cart->is_empty();
	}

	/**
	 * Drops itemCount (cart-service counts itself).
	 *
	 * @param array $snapshot Snapshot.
	 * @return array
	 */
	private static function without_count( array $snapshot ) {
		unset( $snapshot['itemCount'] );
		return $snapshot;
	}
}
