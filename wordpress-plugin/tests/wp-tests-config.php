<?php
/**
 * WordPress configuration for the tests: Debian's WordPress (/usr/share/wordpress) on a private MariaDB started by
 * tests/run, a throw-away content directory with this plugin in it, and no way out to the network.
 *
 * @package CustomerServiceChat
 */

// phpcs:disable PSR1.Files.SideEffects -- a configuration file.
$csc_socket  = getenv( 'CSC_WP_DB_SOCKET' );
$csc_content = getenv( 'CSC_WP_CONTENT' );
if ( ! $csc_socket || ! $csc_content ) {
	fwrite( STDERR, "Run the tests through wordpress-plugin/tests/run (it starts the database).\n" );
	exit( 2 );
}
define( 'DB_NAME', 'wp_test' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:' . $csc_socket );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
$table_prefix = 'wptests_'; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- WordPress reads it.

define( 'ABSPATH', getenv( 'CSC_WP_CORE' ) ? rtrim( getenv( 'CSC_WP_CORE' ), '/' ) . '/' : '/usr/share/wordpress/' );
define( 'WP_CONTENT_DIR', $csc_content );
define( 'WP_PLUGIN_DIR', $csc_content . '/plugins' );
define( 'WPMU_PLUGIN_DIR', $csc_content . '/mu-plugins' );
define( 'WP_HOME', 'https://shop.example.test' );
define( 'WP_SITEURL', 'https://shop.example.test' );
// Errors go to stderr (CLI log), never into the tested output. The installer runs without WP_DEBUG: WordPress 6.1's
// bundled Requests library raises PHP 8.2 deprecations there that are none of our business.
define( 'WP_DEBUG', '0' !== getenv( 'CSC_WP_DEBUG' ) );
define( 'WP_DEBUG_DISPLAY', false );
define( 'DISABLE_WP_CRON', true );
define( 'WP_DISABLE_FATAL_ERROR_HANDLER', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'WP_DEFAULT_THEME', 'default' );
foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as $csc_key ) {
	define( $csc_key, 'test-only-' . strtolower( $csc_key ) );
}

$_SERVER['HTTP_HOST']       = 'shop.example.test';
$_SERVER['SERVER_NAME']     = 'shop.example.test';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
$_SERVER['HTTPS']           = 'on';

// No mail from the installer (the tests never need it).
$GLOBALS['wp_filter']['pre_wp_mail'][10][] = array(
	'function'      => '__return_false',
	'accepted_args' => 1,
);
