<?php
/**
 * Delivery of cart events without slowing the shopper.
 *
 * @package CustomerServiceChat
 */

namespace CustomerServiceChat\Cart;

use CustomerServiceChat\Log;
use CustomerServiceChat\ServerClient;
use CustomerServiceChat\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Sends events to {server}/api/carts/events.
 *
 * Under PHP-FPM the response is finished first (fastcgi_finish_request) and the events go out right after; elsewhere
 * (mod_php, the built-in server) they are queued on Action Scheduler, which runs them from WP-Cron or the next admin
 * page load. Short timeout; network errors, 408, 429 and 5xx are retried a few times with growing pauses. The event
 * itself waits in a transient, so Action Scheduler's table (kept 30 days) never holds an email address. Each event
 * carries occurredAt, so a late or repeated delivery changes nothing on the server.
 */
final class EventDispatcher {

	const HOOK         = 'csc_send_cart_event';
	const GROUP        = 'customer-service-chat';
	const MAX_ATTEMPTS = 4;
	const TIMEOUT      = 3;
	const ROUTE        = '/api/carts/events';

	/**
	 * Events of this request.
	 *
	 * @var array[]
	 */
	private $queue = array();

	/**
	 * Queues an event; stamps occurredAt now (microseconds: several events can share a second).
	 *
	 * @param array $event Event without occurredAt.
	 */
	public function enqueue( array $event ) {
		if ( ! isset( $event['occurredAt'] ) ) {
			$now                 = microtime( true );
			$event['occurredAt'] = gmdate( 'Y-m-d\TH:i:s', (int) $now ) . sprintf( '.%06dZ', (int) round( ( $now - floor( $now ) ) * 1000000 ) % 1000000 );
		}
		$this->queue[] = $event;
	}

	/**
	 * The events queued so far (tests and the debug log).
	 *
	 * @return array[]
	 */
	public function pending() {
		return $this->queue;
	}

	/**
	 * Shutdown, last: deliver or schedule what the request produced.
	 */
	public function dispatch() {
		if ( empty( $this->queue ) ) {
			return;
		}
		$events      = $this->queue;
		$this->queue = array();
		if ( apply_filters( 'csc_send_after_response', function_exists( 'fastcgi_finish_request' ) ) ) {
			if ( function_exists( 'fastcgi_finish_request' ) ) {
				fastcgi_finish_request();
			}
			foreach ( $events as $event ) {
				$this->deliver( $event, 1 );
			}
			return;
		}
		foreach ( $events as $event ) {
			$this->schedule( $event, 1, 0 );
		}
	}

	/**
	 * Action Scheduler / WP-Cron callback.
	 *
	 * @param string $id      Transient id holding the event.
	 * @param int    $attempt Attempt number (1-based).
	 */
	public function run_scheduled( $id, $attempt = 1 ) {
		$key   = self::transient_key( (string) $id );
		$event = get_transient( $key );
		delete_transient( $key );
		if ( is_array( $event ) ) {
			$this->deliver( $event, max( 1, (int) $attempt ) );
		}
	}

	/**
	 * Sends one event; schedules a retry when it may succeed later.
	 *
	 * @param array $event   Event.
	 * @param int   $attempt Attempt number.
	 * @return bool Delivered (or refused for good).
	 */
	public function deliver( array $event, $attempt ) {
		if ( ! Settings::is_connected() ) {
			return false;
		}
		$result = ( new ServerClient() )->post( self::ROUTE, $event, self::TIMEOUT );
		$status = is_wp_error( $result ) ? 0 : $result['status'];
		if ( $status >= 200 && $status < 300 ) {
			Log::debug( sprintf( 'cart event %s delivered (attempt %d)', $event['type'], $attempt ) );
			return true;
		}
		$why       = is_wp_error( $result ) ? $result->get_error_code() : 'HTTP ' . $status . ( isset( $result['json']['code'] ) ? ' ' . sanitize_key( $result['json']['code'] ) : '' );
		$retryable = 0 === $status || 408 === $status || 429 === $status || $status >= 500;
		if ( $retryable && $attempt < self::MAX_ATTEMPTS ) {
			Log::debug( sprintf( 'cart event %s failed (%s), retry %d scheduled', $event['type'], $why, $attempt + 1 ) );
			$this->schedule( $event, $attempt + 1, 30 * ( 2 ** ( $attempt - 1 ) ) );
			return false;
		}
		Log::debug( sprintf( 'cart event %s given up after attempt %d (%s)', $event['type'], $attempt, $why ) );
		return ! $retryable;
	}

	/**
	 * Queues a delivery on Action Scheduler (WP-Cron when it is missing).
	 *
	 * @param array $event   Event.
	 * @param int   $attempt Attempt number.
	 * @param int   $delay   Seconds from now.
	 */
	private function schedule( array $event, $attempt, $delay ) {
		$id = wp_generate_uuid4();
		set_transient( self::transient_key( $id ), $event, DAY_IN_SECONDS );
		$args = array( $id, $attempt );
		if ( 0 === $delay && function_exists( 'as_enqueue_async_action' ) ) {
			as_enqueue_async_action( self::HOOK, $args, self::GROUP );
		} elseif ( function_exists( 'as_schedule_single_action' ) ) {
			as_schedule_single_action( time() + $delay, self::HOOK, $args, self::GROUP );
		} else {
			wp_schedule_single_event( time() + $delay, self::HOOK, $args );
		}
	}

	/**
	 * Transient name of a queued event.
	 *
	 * @param string $id Event id.
	 * @return string
	 */
	private static function transient_key( $id ) {
		return 'csc_evt_' . preg_replace( '/[^a-f0-9-]/', '', strtolower( $id ) );
	}
}
