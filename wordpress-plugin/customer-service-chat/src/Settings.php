<?php
/**
 * The plugin's settings: the single option csc_settings.
 *
 * @package CustomerServiceChat
 */

namespace CustomerServiceChat;

defined( 'ABSPATH' ) || exit;

/**
 * Reads, defaults and sanitizes the csc_settings option.
 */
final class Settings {

	const OPTION = 'csc_settings';

	const POSITIONS = array( 'bottom-right', 'bottom-left' );

	/** The branding texts and their longest length (characters): they have to fit the widget's header and button. */
	const TEXT_LIMITS = array(
		'assistant_name'  => 60,
		'greeting'        => 300,
		'launcher_label'  => 60,
		'header_subtitle' => 100,
	);

	/**
	 * Values used when nothing is saved yet.
	 *
	 * @return array
	 */
	public static function defaults() {
		return array(
			'server_url'    => '',
			'domain'        => self::site_domain(),
			'plugin_secret' => '',
			'position'      => 'bottom-right',
			'pass_user'     => true,
			'pass_cart'     => true,
			'order_lookup'  => true,
			'debug'         => false,
			// Branding: empty means the widget's own default, in the shopper's language.
			'accent_color'    => '',
			'assistant_name'  => '',
			'avatar_url'      => '',
			'greeting'        => '',
			'launcher_label'  => '',
			'header_subtitle' => '',
		);
	}

	/**
	 * The saved settings merged over the defaults.
	 *
	 * @return array
	 */
	public static function get() {
		$saved = get_option( self::OPTION, array() );
		if ( ! is_array( $saved ) ) {
			$saved = array();
		}
		return array_merge( self::defaults(), array_intersect_key( $saved, self::defaults() ) );
	}

	/**
	 * True when the plugin can sign calls: server, domain and secret are set.
	 *
	 * @return bool
	 */
	public static function is_connected() {
		$s = self::get();
		return '' !== $s['server_url'] && '' !== $s['domain'] && '' !== $s['plugin_secret'];
	}

	/**
	 * Debug logging: the setting, or define( 'CSC_DEBUG', true ) as the spec has it.
	 *
	 * @return bool
	 */
	public static function debug() {
		return ( defined( 'CSC_DEBUG' ) && CSC_DEBUG ) || ! empty( self::get()['debug'] );
	}

	/**
	 * This store's host (and port when not the default), the usual tenant domain.
	 *
	 * @return string
	 */
	public static function site_domain() {
		$host = wp_parse_url( home_url(), PHP_URL_HOST );
		$port = wp_parse_url( home_url(), PHP_URL_PORT );
		if ( ! is_string( $host ) ) {
			return '';
		}
		return strtolower( $host ) . ( $port ? ':' . (int) $port : '' );
	}

	/**
	 * Sanitize callback of register_setting(). Runs on every update of the option, so it refuses writes from users
	 * without manage_woocommerce (the stored value stays) and is idempotent (WordPress runs it twice on the first save).
	 *
	 * @param mixed $input Submitted values.
	 * @return array
	 */
	public static function sanitize( $input ) {
		$current = self::get();
		if ( ! current_user_can( 'manage_woocommerce' ) && ! ( defined( 'WP_CLI' ) && WP_CLI ) ) {
			return $current;
		}
		if ( ! is_array( $input ) ) {
			$input = array();
		}
		$out = $current;

		$url = isset( $input['server_url'] ) ? trim( (string) $input['server_url'] ) : '';
		if ( '' === $url ) {
			$out['server_url'] = '';
		} else {
			$clean = self::clean_server_url( $url );
			if ( null === $clean ) {
				self::error( 'server_url', __( 'The chat server URL must be a full http:// or https:// address, for example https://chat.example.com. The previous value was kept.', 'customer-service-chat' ) );
			} else {
				$out['server_url'] = $clean;
				if ( 0 === strpos( $clean, 'http://' ) && ! self::is_local_host( (string) wp_parse_url( $clean, PHP_URL_HOST ) ) ) {
					self::error( 'server_url_http', __( 'The chat server URL uses plain http://. Use https:// outside development: shoppers\' messages and identity tokens travel over it.', 'customer-service-chat' ), 'warning' );
				}
			}
		}

		$domain = isset( $input['domain'] ) ? strtolower( trim( (string) $input['domain'] ) ) : '';
		$domain = preg_replace( '#^https?://#', '', $domain );
		$domain = rtrim( (string) $domain, '/' );
		if ( '' === $domain ) {
			$out['domain'] = self::site_domain();
		} elseif ( strlen( $domain ) <= 253 && preg_match( '/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?$/', $domain ) ) {
			$out['domain'] = $domain;
		} else {
			self::error( 'domain', __( 'The store domain must be a host name such as shop.example.com (as registered on the chat server). The previous value was kept.', 'customer-service-chat' ) );
		}

		// Write-only: an empty field means "keep the saved secret"; the page never prints it back.
		$secret = isset( $input['plugin_secret'] ) ? trim( (string) $input['plugin_secret'] ) : '';
		if ( '' !== $secret ) {
			if ( preg_match( '/^[\x21-\x7e]{16,256}$/', $secret ) ) {
				$out['plugin_secret'] = $secret;
			} else {
				self::error( 'plugin_secret', __( 'The plugin secret must be 16 to 256 visible characters without spaces. The previous secret was kept.', 'customer-service-chat' ) );
			}
		}

		$position        = isset( $input['position'] ) ? (string) $input['position'] : '';
		$out['position'] = in_array( $position, self::POSITIONS, true ) ? $position : 'bottom-right';

		foreach ( array( 'pass_user', 'pass_cart', 'order_lookup', 'debug' ) as $flag ) {
			$out[ $flag ] = ! empty( $input[ $flag ] );
		}

		$accent = isset( $input['accent_color'] ) ? trim( (string) $input['accent_color'] ) : '';
		if ( '' === $accent || null !== sanitize_hex_color( $accent ) && '' !== sanitize_hex_color( $accent ) ) {
			$out['accent_color'] = strtolower( $accent );
		} else {
			self::error( 'accent_color', __( 'The accent colour must be a hex colour such as #1d4ed8. The previous colour was kept.', 'customer-service-chat' ) );
		}
		$avatar = isset( $input['avatar_url'] ) ? trim( (string) $input['avatar_url'] ) : '';
		$clean  = '' === $avatar ? '' : esc_url_raw( $avatar, array( 'http', 'https' ) );
		if ( '' === $avatar || '' !== $clean ) {
			$out['avatar_url'] = $clean;
		} else {
			self::error( 'avatar_url', __( 'The avatar must be an http:// or https:// image address. The previous one was kept.', 'customer-service-chat' ) );
		}
		foreach ( self::TEXT_LIMITS as $key => $limit ) {
			$text        = isset( $input[ $key ] ) ? sanitize_text_field( (string) $input[ $key ] ) : '';
			$out[ $key ] = function_exists( 'mb_substr' ) ? mb_substr( $text, 0, $limit ) : substr( $text, 0, $limit );
		}
		return $out;
	}

	/**
	 * Normalizes the chat server URL: http(s) only, no credentials, query or fragment, no trailing slash.
	 *
	 * @param string $url Raw URL.
	 * @return string|null
	 */
	public static function clean_server_url( $url ) {
		$url   = esc_url_raw( $url, array( 'http', 'https' ) );
		$parts = wp_parse_url( $url );
		if ( '' === $url || ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] )
			|| isset( $parts['user'] ) || isset( $parts['pass'] ) || ! in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true ) ) {
			return null;
		}
		$clean = strtolower( $parts['scheme'] ) . '://' . strtolower( $parts['host'] );
		if ( isset( $parts['port'] ) ) {
			$clean .= ':' . (int) $parts['port'];
		}
		if ( isset( $parts['path'] ) ) {
			$clean .= rtrim( $parts['path'], '/' );
		}
		return $clean;
	}

	/**
	 * Development hosts: loopback, private ranges, *.test, *.local, *.localhost.
	 *
	 * @param string $host Host name or address.
	 * @return bool
	 */
	public static function is_local_host( $host ) {
		$host = strtolower( trim( $host, '[]' ) );
		if ( 'localhost' === $host || preg_match( '/\.(test|local|localhost)$/', $host ) ) {
			return true;
		}
		if ( filter_var( $host, FILTER_VALIDATE_IP ) ) {
			return false === filter_var( $host, FILTER_VALIDATE_IP, FILTER_FLAG_NO_PRIV_RANGE | FILTER_FLAG_NO_RES_RANGE );
		}
		return false;
	}

	/**
	 * WordPress' safe HTTP API refuses loopback and private addresses. define( 'CSC_ALLOW_LOCAL_SERVER', true ) lets a
	 * development store reach a chat server on such an address (only that host).
	 *
	 * @return bool
	 */
	public static function allow_local_server() {
		return defined( 'CSC_ALLOW_LOCAL_SERVER' ) && CSC_ALLOW_LOCAL_SERVER;
	}

	/**
	 * Filter http_request_host_is_external: our configured chat server counts as external.
	 *
	 * @param bool   $external Current answer.
	 * @param string $host     Requested host.
	 * @return bool
	 */
	public static function is_own_server_host( $external, $host ) {
		$own = wp_parse_url( self::get()['server_url'], PHP_URL_HOST );
		return $external || ( is_string( $own ) && strtolower( $host ) === $own );
	}

	/**
	 * Filter http_allowed_safe_ports: the configured chat server's port is allowed.
	 *
	 * @param int[]  $ports Allowed ports.
	 * @param string $host  Requested host.
	 * @return int[]
	 */
	public static function allow_own_server_port( $ports, $host ) {
		$url = self::get()['server_url'];
		if ( strtolower( $host ) === wp_parse_url( $url, PHP_URL_HOST ) && wp_parse_url( $url, PHP_URL_PORT ) ) {
			$ports[] = (int) wp_parse_url( $url, PHP_URL_PORT );
		}
		return $ports;
	}

	/**
	 * Records a settings error shown on the settings page.
	 *
	 * @param string $code    Error code.
	 * @param string $message Message.
	 * @param string $type    error|warning.
	 */
	private static function error( $code, $message, $type = 'error' ) {
		if ( function_exists( 'add_settings_error' ) ) {
			add_settings_error( self::OPTION, 'csc_' . $code, $message, $type );
		}
	}
}
