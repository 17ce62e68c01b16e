<?php
/**
 * Stand-ins for what WooCommerce provides, only as far as the plugin uses it. WordPress itself is real.
 * Tests set their state through CSC_Test_Store.
 *
 * @package CustomerServiceChat
 */

// phpcs:disable

namespace Automattic\WooCommerce\Utilities {
	class FeaturesUtil {
		public static $declared = array();
		public static function declare_compatibility( $feature, $plugin_file, $positive = true ) {
			self::$declared[] = array( $feature, $plugin_file, $positive );
			return true;
		}
	}
}

namespace {

	final class CSC_Test_Store {
		public static $products  = array();
		public static $customers = array();
		public static $orders    = array();
		public static $coupons   = array();
		public static $notices   = array();
		public static $page      = 'other';
		public static $fields    = array();
		public static $actions   = array();

		public static function reset() {
			self::$products  = array();
			self::$customers = array();
			self::$orders    = array();
			self::$coupons   = array();
			self::$notices   = array();
			self::$page      = 'other';
			self::$fields    = array();
			self::$actions   = array();
			WooCommerce::$instance = null;
		}
	}

	class WooCommerce {
		public static $instance = null;
		public $cart;
		public $session;
		public $customer;
		public function __construct() {
			$this->cart     = new WC_Cart();
			$this->session  = new CSC_Test_Session();
			$this->customer = new WC_Customer( get_current_user_id() );
		}
	}

	function WC() {
		if ( null === WooCommerce::$instance ) {
			WooCommerce::$instance = new WooCommerce();
		}
		return WooCommerce::$instance;
	}

	class CSC_Test_Session {
		public $data        = array();
		public $customer_id = 't_0123456789abcdef0123456789abcd';
		public $has         = true;
		public function get( $key, $default = null ) {
			return array_key_exists( $key, $this->data ) ? $this->data[ $key ] : $default;
		}
		public function set( $key, $value ) {
			$this->data[ $key ] = $value;
		}
		public function get_customer_id() {
			return $this->customer_id;
		}
		public function has_session() {
			return $this->has;
		}
	}

	class WC_Product {
		public $id;
		public $name;
		public $price;
		public $in_stock    = true;
		public $purchasable = true;
		public $status      = 'publish';
		public function __construct( $id, $name, $price ) {
			$this->id    = $id;
			$this->name  = $name;
			$this->price = $price;
		}
		public function get_id() { return $this->id; }
		public function get_name() { return $this->name; }
		public function get_price() { return $this->price; }
		public function get_status() { return $this->status; }
		public function exists() { return true; }
		public function is_in_stock() { return $this->in_stock; }
		public function is_purchasable() { return $this->purchasable; }
	}

	function wc_get_product( $id ) {
		return isset( CSC_Test_Store::$products[ $id ] ) ? CSC_Test_Store::$products[ $id ] : false;
	}

	class WC_Cart {
		public $cart_contents = array();
		public $coupons       = array();
		public function get_cart() { return $this->cart_contents; }
		public function is_empty() { return 0 === count( $this->cart_contents ); }
		public function get_cart_contents_count() {
			return array_sum( array_column( $this->cart_contents, 'quantity' ) );
		}
		public function get_total( $context = 'view' ) {
			$total = 0.0;
			foreach ( $this->cart_contents as $line ) {
				$total += (float) $line['data']->get_price() * $line['quantity'];
			}
			return $total;
		}
		public function get_applied_coupons() { return $this->coupons; }
		public function has_discount( $code ) { return in_array( $code, $this->coupons, true ); }
		public function apply_coupon( $code ) {
			if ( ! in_array( $code, CSC_Test_Store::$coupons, true ) ) {
				wc_add_notice( 'Coupon "' . $code . '" does not exist!', 'error' );
				return false;
			}
			$this->coupons[] = $code;
			do_action( 'woocommerce_applied_coupon', $code );
			return true;
		}
		public function generate_cart_id( $product_id, $variation_id = 0, $variation = array() ) {
			return md5( $product_id . '_' . $variation_id . '_' . wp_json_encode( $variation ) );
		}
		public function find_product_in_cart( $key ) {
			return isset( $this->cart_contents[ $key ] ) ? $key : '';
		}
		public function add_to_cart( $product_id, $quantity = 1, $variation_id = 0, $variation = array() ) {
			$product = wc_get_product( $variation_id ? $variation_id : $product_id );
			if ( ! $product || ! $product->is_in_stock() ) {
				return false;
			}
			$key                         = $this->generate_cart_id( $product_id, $variation_id, $variation );
			$this->cart_contents[ $key ] = array(
				'key'          => $key,
				'product_id'   => $product_id,
				'variation_id' => $variation_id,
				'quantity'     => $quantity,
				'data'         => $product,
			);
			do_action( 'woocommerce_add_to_cart', $key, $product_id, $quantity, $variation_id, $variation, array() );
			return $key;
		}
		public function empty_cart() {
			$this->cart_contents = array();
			$this->coupons       = array();
			do_action( 'woocommerce_cart_emptied', true );
		}
	}

	class WC_Customer {
		private $id;
		public function __construct( $id = 0 ) { $this->id = (int) $id; }
		private function prop( $key, $default ) {
			return isset( CSC_Test_Store::$customers[ $this->id ][ $key ] ) ? CSC_Test_Store::$customers[ $this->id ][ $key ] : $default;
		}
		public function get_total_spent() { return $this->prop( 'spent', '0.00' ); }
		public function get_order_count() { return $this->prop( 'orders', 0 ); }
		public function get_billing_email() { return $this->prop( 'email', '' ); }
	}

	class WC_Order {
		public $id;
		public $total;
		public $currency = 'EUR';
		public $billing_email;
		public function __construct( $id, $total, $email ) {
			$this->id            = $id;
			$this->total         = $total;
			$this->billing_email = $email;
		}
		public function get_id() { return $this->id; }
		public function get_total() { return $this->total; }
		public function get_currency() { return $this->currency; }
		public function get_billing_email() { return $this->billing_email; }
	}

	function wc_get_order( $id ) {
		return isset( CSC_Test_Store::$orders[ $id ] ) ? CSC_Test_Store::$orders[ $id ] : false;
	}
	function wc_add_notice( $message, $type = 'success' ) {
		CSC_Test_Store::$notices[] = array( $type, $message );
	}
	function wc_get_cart_url() { return home_url( '/cart/' ); }
	function get_woocommerce_currency() { return 'EUR'; }
	function wc_get_price_decimals() { return 2; }
	function wc_format_coupon_code( $code ) { return strtolower( trim( $code ) ); }
	function wc_get_product_variation_attributes( $id ) { return array(); }
	function is_product() { return 'product' === CSC_Test_Store::$page; }
	function is_cart() { return 'cart' === CSC_Test_Store::$page; }
	function is_checkout() { return 'checkout' === CSC_Test_Store::$page; }
	function woocommerce_register_additional_checkout_field( $options ) {
		CSC_Test_Store::$fields[] = $options;
	}
	function as_enqueue_async_action( $hook, $args = array(), $group = '' ) {
		CSC_Test_Store::$actions[] = array( 'async', $hook, $args, $group, 0 );
		return count( CSC_Test_Store::$actions );
	}
	function as_schedule_single_action( $timestamp, $hook, $args = array(), $group = '' ) {
		CSC_Test_Store::$actions[] = array( 'single', $hook, $args, $group, $timestamp );
		return count( CSC_Test_Store::$actions );
	}
	function as_unschedule_all_actions( $hook, $args = array(), $group = '' ) {
		CSC_Test_Store::$actions = array_values( array_filter( CSC_Test_Store::$actions, function ( $a ) use ( $hook ) { return $a[1] !== $hook; } ) );
	}
}
