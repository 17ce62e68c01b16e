<?php
/**
 * The guest's consent to cart reminders, on the classic and the block checkout.
 *
 * @package CustomerServiceChat
 */

namespace CustomerServiceChat\Cart;

defined( 'ABSPATH' ) || exit;

/**
 * Adds an unticked checkbox to both checkouts and reports its changes. Without it a guest's email never leaves the
 * store for recovery.
 */
final class Consent {

	/** Block checkout additional field id (stored by WooCommerce as order meta _wc_other/customer-service-chat/consent). */
	const BLOCK_FIELD = 'customer-service-chat/consent';

	/** Classic checkout field name. */
	const CLASSIC_FIELD = 'csc_consent';

	/**
	 * Reports consent changes.
	 *
	 * @var CartEvents
	 */
	private $events;

	/**
	 * Constructor.
	 *
	 * @param CartEvents $events Cart events.
	 */
	public function __construct( CartEvents $events ) {
		$this->events = $events;
	}

	/**
	 * The checkbox label.
	 *
	 * @return string
	 */
	public static function label() {
		return __( 'Email me a reminder about my cart if I do not finish my order (you can unsubscribe at any time).', 'customer-service-chat' );
	}

	/**
	 * Filter woocommerce_checkout_fields: an unticked, optional checkbox after the billing email, for guests only.
	 *
	 * @param array $fields Checkout fields.
	 * @return array
	 */
	public function classic_field( $fields ) {
		if ( is_user_logged_in() || ! is_array( $fields ) ) {
			return $fields;
		}
		$fields['billing'][ self::CLASSIC_FIELD ] = array(
			'type'     => 'checkbox',
			'label'    => self::label(),
			'required' => false,
			'default'  => 0,
			'class'    => array( 'form-row-wide', 'csc-consent' ),
			'priority' => 115,
		);
		return $fields;
	}

	/**
	 * Hook woocommerce_init: the block checkout's field, in the contact step beside the email.
	 */
	public function register_block_field() {
		if ( ! function_exists( 'woocommerce_register_additional_checkout_field' ) ) {
			return;
		}
		woocommerce_register_additional_checkout_field(
			array(
				'id'       => self::BLOCK_FIELD,
				'label'    => self::label(),
				'location' => 'contact',
				'type'     => 'checkbox',
				'required' => false,
			)
		);
	}

	/**
	 * Hook woocommerce_set_additional_field_value: the block checkout saved our checkbox (PUT or POST /checkout).
	 *
	 * @param string $key       Field id.
	 * @param mixed  $value     Value (bool for checkboxes).
	 * @param string $group     Group.
	 * @param object $wc_object Order or customer.
	 */
	public function block_field_saved( $key, $value, $group = '', $wc_object = null ) {
		if ( self::BLOCK_FIELD !== $key || is_user_logged_in() ) {
			return;
		}
		if ( is_object( $wc_object ) && method_exists( $wc_object, 'get_billing_email' ) && is_email( $wc_object->get_billing_email() ) ) {
			$this->events->email_captured_quietly( (string) $wc_object->get_billing_email() );
		}
		$this->events->consent_changed( true === $value || filter_var( $value, FILTER_VALIDATE_BOOLEAN ) );
	}
}
