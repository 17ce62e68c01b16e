<?php
/**
 * Installs WordPress into the empty test database (called once by tests/run).
 *
 * @package CustomerServiceChat
 */

// phpcs:disable PSR1.Files.SideEffects -- a script.
define( 'WP_INSTALLING', true );
require __DIR__ . '/wp-tests-config.php';
require ABSPATH . 'wp-settings.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$csc_result = wp_install( 'Test Shop', 'admin', 'admin@example.test', true, '', 'test-only-password' );
echo 'WordPress ' . $GLOBALS['wp_version'] . ' installed for the tests (user ' . (int) $csc_result['user_id'] . ")\n";
