/*
 * Customer Service Chat: keeps the chat widget's cart context current.
 * Classic cart, mini-cart and product pages fire jQuery events (added_to_cart, removed_from_cart,
 * updated_cart_totals, ...): the cart is then read from the Store API. The Cart/Checkout blocks and the
 * mini-cart block keep the cart in the wc/store/cart data store: its changes are watched directly.
 */
( function () {
	'use strict';
	var cfg = window.cscCartContext || {};
	var timer = null;

	function log() {
		if ( cfg.debug && window.console ) {
			window.console.log.apply( window.console, [ '[csc-cart]' ].concat( [].slice.call( arguments ) ) );
		}
	}

	function decimal( minorUnits, minor ) {
		var digits = typeof minor === 'number' ? minor : 2;
		return ( ( parseInt( minorUnits, 10 ) || 0 ) / Math.pow( 10, digits ) ).toFixed( digits );
	}

	// Store API cart (REST snake_case, or the data store's camelCase top level) -> the widget's cartData.
	function toCartData( cart ) {
		var totals = cart.totals || {};
		var minor = totals.currency_minor_unit;
		var items = ( cart.items || [] ).map( function ( item ) {
			var prices = item.prices || {};
			var isVariation = item.type === 'variation';
			return {
				productId: isVariation && item.parent ? item.parent : item.id,
				variationId: isVariation ? item.id : 0,
				name: item.name,
				quantity: item.quantity,
				price: decimal( prices.price, prices.currency_minor_unit )
			};
		} );
		var count = cart.itemsCount !== undefined ? cart.itemsCount : cart.items_count;
		count = parseInt( count, 10 ) || 0;
		var total = decimal( totals.total_price, minor );
		return {
			hasItems: count > 0,
			itemCount: count,
			total: total,
			cartTotal: total,
			currency: totals.currency_code || '',
			items: items,
			appliedCoupons: ( cart.coupons || [] ).map( function ( c ) { return c.code; } )
		};
	}

	function push( cartData ) {
		window.ChatWidgetConfig = window.ChatWidgetConfig || {};
		window.ChatWidgetConfig.cartData = cartData;
		log( 'cart', cartData );
		if ( window.ChatWidget && typeof window.ChatWidget.updateContext === 'function' ) {
			window.ChatWidget.updateContext( { cartData: cartData } );
		}
	}

	function refreshFromStoreApi() {
		if ( ! cfg.cartUrl || ! window.fetch ) {
			return;
		}
		window.clearTimeout( timer );
		// Several events fire for one change (added_to_cart, then wc_fragments_refreshed): one read is enough.
		timer = window.setTimeout( function () {
			window.fetch( cfg.cartUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } } )
				.then( function ( r ) { return r.ok ? r.json() : Promise.reject( r.status ); } )
				.then( function ( cart ) { push( toCartData( cart ) ); } )
				.catch( function ( e ) { log( 'cart refresh failed', e ); } );
		}, 150 );
	}

	function watchBlocks() {
		var data = window.wp && window.wp.data;
		var store;
		if ( ! data || typeof data.select !== 'function' || typeof data.subscribe !== 'function' ) {
			return false;
		}
		try {
			store = data.select( 'wc/store/cart' );
		} catch ( e ) {
			return false;
		}
		if ( ! store || typeof store.getCartData !== 'function' ) {
			return false;
		}
		var last = null;
		data.subscribe( function () {
			var cart = store.getCartData() || {};
			var totals = typeof store.getCartTotals === 'function' ? store.getCartTotals() : cart.totals;
			var key = JSON.stringify( [
				cart.itemsCount,
				totals && totals.total_price,
				( cart.items || [] ).map( function ( i ) { return i.key + ':' + i.quantity; } ),
				( cart.coupons || [] ).map( function ( c ) { return c.code; } )
			] );
			if ( key === last ) {
				return;
			}
			var first = last === null;
			last = key;
			if ( ! first ) {
				push( toCartData( { items: cart.items, itemsCount: cart.itemsCount, totals: totals, coupons: cart.coupons } ) );
			}
		} );
		log( 'watching the blocks cart store' );
		return true;
	}

	if ( window.jQuery ) {
		window.jQuery( document.body ).on(
			'added_to_cart removed_from_cart updated_cart_totals updated_wc_div wc_cart_emptied',
			refreshFromStoreApi
		);
	}
	// Block scripts may register their store after this script ran.
	if ( ! watchBlocks() ) {
		window.addEventListener( 'load', watchBlocks );
	}
}() );
