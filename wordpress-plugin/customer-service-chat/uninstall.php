<?php
/**
 * Removes this plugin's own data: the csc_settings option, its transients (queued events, test results) and its
 * scheduled deliveries. WooCommerce's orders keep the consent value the shopper gave at checkout (order meta
 * _wc_other/customer-service-chat/consent): it is part of the order record, not this plugin's data.
 *
 * @package CustomerServiceChat
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

/**
 * Cleans one site.
 */
function csc_uninstall_site() {
	global $wpdb;
	delete_option( 'csc_settings' );
	// Transients have no API for "all with this prefix".
	$wpdb->query( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- one-off cleanup of our own transients.
		$wpdb->prepare(
			"DELETE FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s",
			$wpdb->esc_like( '_transient_csc_' ) . '%',
			$wpdb->esc_like( '_transient_timeout_csc_' ) . '%'
		)
	);
	if ( function_exists( 'as_unschedule_all_actions' ) ) {
		as_unschedule_all_actions( 'csc_send_cart_event' );
	}
	wp_unschedule_hook( 'csc_send_cart_event' );
}

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $csc_site_id ) {
		switch_to_blog( $csc_site_id );
		csc_uninstall_site();
		restore_current_blog();
	}
} else {
	csc_uninstall_site();
}
