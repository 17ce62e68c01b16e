/*
 * Customer Service Chat: on the classic (shortcode) checkout, WooCommerce only refreshes the order review for
 * address fields. A change of the email or of the cart-reminder consent box triggers it too, so the store's server
 * learns them (woocommerce_checkout_update_order_review) before the order is placed.
 */
jQuery( function ( $ ) {
	'use strict';
	var form = $( 'form.checkout' );
	var last = null;
	if ( ! form.length ) {
		return;
	}
	form.on( 'change', '#billing_email, #csc_consent', function () {
		var state = String( $( '#billing_email' ).val() ) + '|' + $( '#csc_consent' ).is( ':checked' );
		if ( state !== last ) {
			last = state;
			$( document.body ).trigger( 'update_checkout' );
		}
	} );
} );
