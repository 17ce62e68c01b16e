<?php
/**
 * WordPress personal-data exporter and eraser (Tools -> Export / Erase Personal Data).
 *
 * @package CustomerServiceChat
 */

namespace CustomerServiceChat\Privacy;

use CustomerServiceChat\Log;
use CustomerServiceChat\ServerClient;
use CustomerServiceChat\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Asks the chat server (POST /api/privacy/export and /api/privacy/delete, signed by this store's plugin) for what the
 * chat, cart and verification services keep about an email in this store, and shows or erases it.
 */
final class PersonalData {

	const ID      = 'customer-service-chat';
	const TIMEOUT = 20;

	/**
	 * Filter wp_privacy_personal_data_exporters.
	 *
	 * @param array $exporters Exporters.
	 * @return array
	 */
	public function register_exporter( $exporters ) {
		$exporters[ self::ID ] = array(
			'exporter_friendly_name' => __( 'Customer service chat', 'customer-service-chat' ),
			'callback'               => array( $this, 'export' ),
		);
		return $exporters;
	}

	/**
	 * Filter wp_privacy_personal_data_erasers.
	 *
	 * @param array $erasers Erasers.
	 * @return array
	 */
	public function register_eraser( $erasers ) {
		$erasers[ self::ID ] = array(
			'eraser_friendly_name' => __( 'Customer service chat', 'customer-service-chat' ),
			'callback'             => array( $this, 'erase' ),
		);
		return $erasers;
	}

	/**
	 * Exporter callback. A failure is an error (not an empty export): the administrator must know it is incomplete.
	 *
	 * @param string $email Email address.
	 * @param int    $page  Page (the server answers everything at once).
	 * @return array|\WP_Error
	 */
	public function export( $email, $page = 1 ) {
		if ( ! Settings::is_connected() ) {
			return array(
				'data' => array(),
				'done' => true,
			);
		}
		$result = $this->call( '/api/privacy/export', $email );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		return array(
			'data' => self::export_items( $result ),
			'done' => true,
		);
	}

	/**
	 * Eraser callback.
	 *
	 * @param string $email Email address.
	 * @param int    $page  Page.
	 * @return array
	 */
	public function erase( $email, $page = 1 ) {
		$answer = array(
			'items_removed'  => false,
			'items_retained' => false,
			'messages'       => array(),
			'done'           => true,
		);
		if ( ! Settings::is_connected() ) {
			return $answer;
		}
		$result = $this->call( '/api/privacy/delete', $email );
		if ( is_wp_error( $result ) ) {
			$answer['items_retained'] = true;
			$answer['messages'][]     = $result->get_error_message();
			return $answer;
		}
		foreach ( self::deletion_counts( $result ) as $count ) {
			if ( $count[2] > 0 ) {
				$answer['items_removed'] = true;
				$answer['messages'][]    = sprintf(
					/* translators: 1: service (chat, cart, ...), 2: how many, 3: what (conversations, messages, ...) */
					__( 'Chat server: %1$s: %2$d %3$s deleted.', 'customer-service-chat' ),
					$count[0],
					$count[2],
					$count[1]
				);
			}
		}
		return $answer;
	}

	/**
	 * Turns the server's answer into WordPress export items, whatever its exact shape: per service (a "services"
	 * list, or top-level keys), one item per record of each named collection, else one item per service.
	 *
	 * @param array $json Decoded answer.
	 * @return array
	 */
	public static function export_items( array $json ) {
		$services = array();
		if ( isset( $json['services'] ) && is_array( $json['services'] ) ) {
			foreach ( $json['services'] as $key => $entry ) {
				$name              = is_array( $entry ) && isset( $entry['service'] ) && is_string( $entry['service'] ) ? $entry['service'] : (string) $key;
				$services[ $name ] = is_array( $entry ) && array_key_exists( 'data', $entry ) ? $entry['data'] : $entry;
			}
		} else {
			foreach ( $json as $key => $value ) {
				if ( ! in_array( $key, array( 'success', 'email', 'domain', 'error', 'code' ), true ) ) {
					$services[ (string) $key ] = $value;
				}
			}
		}

		$items = array();
		foreach ( $services as $service => $data ) {
			$group = array(
				'group_id'    => 'csc-' . sanitize_key( $service ),
				/* translators: %s: service name, e.g. chat */
				'group_label' => sprintf( __( 'Customer service chat: %s', 'customer-service-chat' ), $service ),
			);
			if ( is_array( $data ) && self::is_collections( $data ) ) {
				foreach ( $data as $collection => $records ) {
					foreach ( array_values( $records ) as $i => $record ) {
						$rows = array(
							array(
								'name'  => __( 'Kind', 'customer-service-chat' ),
								'value' => (string) $collection,
							),
						);
						self::flatten( $record, '', $rows );
						$items[] = $group + array(
							'item_id' => sanitize_key( $service . '-' . $collection . '-' . $i ),
							'data'    => $rows,
						);
					}
				}
				continue;
			}
			$rows = array();
			self::flatten( $data, '', $rows );
			if ( $rows ) {
				$items[] = $group + array(
					'item_id' => sanitize_key( $service ),
					'data'    => $rows,
				);
			}
		}
		return $items;
	}

	/**
	 * What the server says it deleted, as [service, kind, count]: from a "services" list of {service, deleted: {kind:
	 * n}}, else from any numbers in the answer (service.kind: n).
	 *
	 * @param array $json Decoded answer.
	 * @return array[]
	 */
	public static function deletion_counts( array $json ) {
		$counts = array();
		if ( isset( $json['services'] ) && is_array( $json['services'] ) ) {
			foreach ( $json['services'] as $key => $entry ) {
				if ( ! is_array( $entry ) ) {
					continue;
				}
				$service = isset( $entry['service'] ) && is_string( $entry['service'] ) ? $entry['service'] : (string) $key;
				$deleted = isset( $entry['deleted'] ) && is_array( $entry['deleted'] ) ? $entry['deleted'] : array_diff_key( $entry, array( 'service' => 1 ) );
				foreach ( $deleted as $kind => $n ) {
					if ( is_numeric( $n ) ) {
						$counts[] = array( $service, (string) $kind, (int) $n );
					}
				}
			}
			return $counts;
		}
		$rows = array();
		self::flatten( $json, '', $rows );
		foreach ( $rows as $row ) {
			if ( is_numeric( $row['value'] ) ) {
				$parts    = explode( '.', $row['name'], 2 );
				$counts[] = 2 === count( $parts ) ? array( $parts[0], $parts[1], (int) $row['value'] ) : array( 'chat', $parts[0], (int) $row['value'] );
			}
		}
		return $counts;
	}

	/**
	 * Signed POST {email, domain}.
	 *
	 * @param string $path  Route.
	 * @param string $email Email address.
	 * @return array|\WP_Error Decoded answer.
	 */
	private function call( $path, $email ) {
		$settings = Settings::get();
		$result   = ( new ServerClient( $settings ) )->post(
			$path,
			array(
				'email'  => (string) $email,
				'domain' => $settings['domain'],
			),
			self::TIMEOUT
		);
		if ( is_wp_error( $result ) ) {
			Log::debug( 'privacy request failed: ' . $result->get_error_code() );
			return new \WP_Error( 'csc_privacy_unreachable', __( 'The chat server could not be reached for the customer service chat data. Try again later.', 'customer-service-chat' ) );
		}
		if ( $result['status'] < 200 || $result['status'] >= 300 || null === $result['json'] ) {
			$code = isset( $result['json']['code'] ) ? sanitize_key( $result['json']['code'] ) : 'http_' . $result['status'];
			Log::debug( 'privacy request refused: ' . $code );
			return new \WP_Error(
				'csc_privacy_refused',
				/* translators: 1: HTTP status, 2: error code */
				sprintf( __( 'The chat server refused the request for the customer service chat data (HTTP %1$d, %2$s). Check the settings under WooCommerce > Chat Widget.', 'customer-service-chat' ), $result['status'], $code )
			);
		}
		return $result['json'];
	}

	/**
	 * True for {name: [record, ...], ...}.
	 *
	 * @param array $data Data.
	 * @return bool
	 */
	private static function is_collections( array $data ) {
		if ( empty( $data ) || array_values( $data ) === $data ) {
			return false;
		}
		foreach ( $data as $records ) {
			if ( ! is_array( $records ) || array_values( $records ) !== $records ) {
				return false;
			}
			foreach ( $records as $record ) {
				if ( ! is_array( $record ) ) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * Flattens nested data into name/value rows (a.b.c => value); lists of scalars are joined.
	 *
	 * @param mixed  $value  Value.
	 * @param string $prefix Name so far.
	 * @param array  $rows   Rows (out).
	 */
	private static function flatten( $value, $prefix, array &$rows ) {
		if ( count( $rows ) >= 500 ) {
			return;
		}
		if ( is_array( $value ) ) {
			$scalars = array_filter( $value, 'is_scalar' );
			if ( array_values( $value ) === $value && count( $scalars ) === count( $value ) ) {
				$rows[] = array(
					'name'  => '' === $prefix ? 'value' : $prefix,
					'value' => implode( ', ', array_map( 'strval', $value ) ),
				);
				return;
			}
			foreach ( $value as $key => $child ) {
				self::flatten( $child, '' === $prefix ? (string) $key : $prefix . '.' . $key, $rows );
			}
			return;
		}
		if ( null === $value ) {
			return;
		}
		$rows[] = array(
			'name'  => '' === $prefix ? 'value' : $prefix,
			'value' => is_bool( $value ) ? ( $value ? 'true' : 'false' ) : (string) $value,
		);
	}
}
