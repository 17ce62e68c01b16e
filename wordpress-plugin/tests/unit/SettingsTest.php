<?php
/**
 * Settings: sanitizing, capability checks, write-only secret, nonce on Test connection, its messages.
 *
 * @package CustomerServiceChat
 */

// phpcs:disable

namespace CustomerServiceChat\Tests;

use CustomerServiceChat\Admin\ConnectionTest;
use CustomerServiceChat\Admin\SettingsPage;
use CustomerServiceChat\Settings;

final class SettingsTest extends TestCase {

	public function test_a_shop_manager_saves_clean_values() {
		wp_set_current_user( $this->user( 'shop_manager' ) );
		update_option(
			Settings::OPTION,
			array(
				'server_url'    => ' https://Chat.Example.com/ ',
				'domain'        => 'https://Shop.Example.com/',
				'plugin_secret' => '  ' . self::SECRET . ' ',
				'position'      => 'bottom-left',
				'pass_user'     => '1',
				'debug'         => 'on',
				'unknown'       => 'dropped',
			)
		);
		$saved = get_option( Settings::OPTION );
		$this->assertSame( 'https://chat.example.com', $saved['server_url'] );
		$this->assertSame( 'shop.example.com', $saved['domain'] );
		$this->assertSame( self::SECRET, $saved['plugin_secret'] );
		$this->assertSame( 'bottom-left', $saved['position'] );
		$this->assertTrue( $saved['pass_user'] );
		$this->assertFalse( $saved['pass_cart'], 'an unticked checkbox is not submitted: false' );
		$this->assertFalse( $saved['order_lookup'] );
		$this->assertTrue( $saved['debug'] );
		$this->assertArrayNotHasKey( 'unknown', $saved );
	}

	public function test_branding_is_saved_clean_and_bad_values_keep_the_old_ones() {
		$this->configure();
		wp_set_current_user( $this->user( 'shop_manager' ) );
		$brand = array(
			'accent_color'    => ' #FFCC00 ',
			'assistant_name'  => '<b>Mia</b> from Harbor',
			'avatar_url'      => 'https://cdn.example.com/mia.png',
			'greeting'        => "Hi!\nAsk me anything.",
			'launcher_label'  => str_repeat( 'x', 80 ),
			'header_subtitle' => 'Mon–Fri 9–17',
		);
		update_option( Settings::OPTION, array_merge( Settings::get(), $brand ) );
		$saved = Settings::get();
		$this->assertSame( '#ffcc00', $saved['accent_color'] );
		$this->assertSame( 'Mia from Harbor', $saved['assistant_name'] );
		$this->assertSame( 'https://cdn.example.com/mia.png', $saved['avatar_url'] );
		$this->assertSame( 'Hi! Ask me anything.', $saved['greeting'] );
		$this->assertSame( str_repeat( 'x', 60 ), $saved['launcher_label'] );
		$this->assertSame( 'Mon–Fri 9–17', $saved['header_subtitle'] );

		update_option( Settings::OPTION, array_merge( Settings::get(), array( 'accent_color' => 'red;}', 'avatar_url' => 'javascript:alert(1)' ) ) );
		$saved = Settings::get();
		$this->assertSame( '#ffcc00', $saved['accent_color'] );
		$this->assertSame( 'https://cdn.example.com/mia.png', $saved['avatar_url'] );
		$codes = wp_list_pluck( get_settings_errors( Settings::OPTION ), 'code' );
		$this->assertContains( 'csc_accent_color', $codes );
		$this->assertContains( 'csc_avatar_url', $codes );

		// Emptied fields fall back to the widget's defaults: nothing is passed for them.
		update_option( Settings::OPTION, array_merge( Settings::get(), array( 'accent_color' => '', 'greeting' => '' ) ) );
		$config = \CustomerServiceChat\Frontend\WidgetConfig::build();
		$this->assertSame(
			array(
				'assistantName' => 'Mia from Harbor',
				'avatarUrl'     => 'https://cdn.example.com/mia.png',
				'launcherLabel' => str_repeat( 'x', 60 ),
				'subtitle'      => 'Mon–Fri 9–17',
			),
			$config['branding']
		);
	}

	public function test_bad_values_are_refused_with_a_message_and_the_old_value_kept() {
		$this->configure();
		wp_set_current_user( $this->user( 'administrator' ) );
		update_option(
			Settings::OPTION,
			array(
				'server_url'    => 'javascript:alert(1)',
				'domain'        => 'shop example.com/<script>',
				'plugin_secret' => 'short',
				'position'      => 'top-center"><script>',
			)
		);
		$saved = Settings::get();
		$this->assertSame( 'https://chat.example.com', $saved['server_url'] );
		$this->assertSame( 'shop.example.test', $saved['domain'] );
		$this->assertSame( self::SECRET, $saved['plugin_secret'] );
		$this->assertSame( 'bottom-right', $saved['position'] );
		$codes = wp_list_pluck( get_settings_errors( Settings::OPTION ), 'code' );
		$this->assertContains( 'csc_server_url', $codes );
		$this->assertContains( 'csc_domain', $codes );
		$this->assertContains( 'csc_plugin_secret', $codes );
	}

	public function test_the_secret_is_write_only_an_empty_field_keeps_it() {
		$this->configure();
		wp_set_current_user( $this->user( 'shop_manager' ) );
		update_option( Settings::OPTION, array( 'server_url' => 'https://chat.example.com', 'domain' => 'shop.example.test', 'plugin_secret' => '' ) );
		$this->assertSame( self::SECRET, Settings::get()['plugin_secret'] );

		ob_start();
		( new SettingsPage() )->render();
		SettingsPage::register_fields();
		ob_start();
		global $wp_settings_fields;
		do_settings_sections( SettingsPage::SLUG );
		$html = ob_get_clean() . ob_get_clean();
		$this->assertStringNotContainsString( self::SECRET, $html );
		$this->assertMatchesRegularExpression( '/<input type="password"[^>]*name="csc_settings\[plugin_secret\]"[^>]*value=""/', $html );
		$this->assertStringContainsString( 'Saved (hidden)', $html );
	}

	public function test_plain_http_is_accepted_with_a_warning_outside_development_hosts() {
		wp_set_current_user( $this->user( 'shop_manager' ) );
		update_option( Settings::OPTION, array( 'server_url' => 'http://chat.example.com' ) );
		$this->assertSame( 'http://chat.example.com', Settings::get()['server_url'] );
		$this->assertContains( 'csc_server_url_http', wp_list_pluck( get_settings_errors( Settings::OPTION ), 'code' ) );

		$GLOBALS['wp_settings_errors'] = array();
		update_option( Settings::OPTION, array( 'server_url' => 'http://localhost:8080/' ) );
		$this->assertSame( 'http://localhost:8080', Settings::get()['server_url'] );
		$this->assertSame( array(), get_settings_errors( Settings::OPTION ) );
	}

	public function test_users_without_manage_woocommerce_cannot_change_settings() {
		$this->configure();
		wp_set_current_user( $this->user( 'customer' ) );
		update_option( Settings::OPTION, array( 'server_url' => 'https://evil.example.com', 'plugin_secret' => 'attacker-secret-0123456789' ) );
		$this->assertSame( 'https://chat.example.com', Settings::get()['server_url'] );
		$this->assertSame( self::SECRET, Settings::get()['plugin_secret'] );
	}

	public function test_options_php_requires_manage_woocommerce_and_the_page_is_for_shop_managers_only() {
		$this->assertSame( 'manage_woocommerce', apply_filters( 'option_page_capability_' . SettingsPage::GROUP, 'manage_options' ) );

		wp_set_current_user( $this->user( 'customer' ) );
		ob_start();
		( new SettingsPage() )->render();
		$this->assertSame( '', ob_get_clean() );

		wp_set_current_user( $this->user( 'shop_manager' ) );
		SettingsPage::register_fields();
		ob_start();
		( new SettingsPage() )->render();
		$html = ob_get_clean();
		$this->assertStringContainsString( "name='option_page' value='csc_settings_group'", $html );
		$this->assertStringContainsString( 'name="action" value="csc_test_connection"', $html );
		$this->assertMatchesRegularExpression( '/name="_wpnonce" value="[0-9a-f]{10}"/', $html );
	}

	public function test_test_connection_refuses_a_missing_nonce() {
		$this->configure();
		wp_set_current_user( $this->user( 'shop_manager' ) );
		try {
			( new SettingsPage() )->handle_test_connection();
			$this->fail( 'no nonce must stop the request' );
		} catch ( WPDieException $e ) {
			$this->assertSame( 403, $e->getCode() );
		}
		$this->assertSame( array(), $this->requests, 'nothing is sent without a valid nonce' );
	}

	public function test_test_connection_refuses_users_without_the_capability() {
		$this->configure();
		wp_set_current_user( $this->user( 'customer' ) );
		$_REQUEST['_wpnonce'] = wp_create_nonce( SettingsPage::TEST );
		try {
			( new SettingsPage() )->handle_test_connection();
			$this->fail( 'a customer must be refused' );
		} catch ( WPDieException $e ) {
			$this->assertSame( 403, $e->getCode() );
		}
		$this->assertSame( array(), $this->requests );
	}

	public function test_test_connection_pings_signed_and_shows_the_result() {
		$this->configure();
		$manager = $this->user( 'shop_manager' );
		wp_set_current_user( $manager );
		$_REQUEST['_wpnonce'] = wp_create_nonce( SettingsPage::TEST );
		$this->responses[]    = self::json_response( 200, array( 'success' => true, 'domain' => 'shop.example.test' ) );
		try {
			( new SettingsPage() )->handle_test_connection();
			$this->fail( 'expected a redirect back to the settings page' );
		} catch ( RedirectException $e ) {
			$this->assertStringContainsString( 'admin.php?page=csc-chat-widget', $e->location );
		}
		$this->assertCount( 1, $this->requests );
		$request = $this->requests[0];
		$this->assertSame( 'https://chat.example.com/api/carts/ping', $request['url'] );
		$this->assertSame( 'POST', $request['args']['method'] );
		$this->assertSame( '{}', $request['args']['body'] );
		$this->assertTrue( $request['args']['reject_unsafe_urls'], 'wp_safe_remote_post' );
		$headers = $request['args']['headers'];
		$this->assertSame( 'shop.example.test', $headers['X-CSC-Domain'] );
		$this->assertEqualsWithDelta( time(), (int) $headers['X-CSC-Timestamp'], 5 );
		$this->assertSame( 'sha256=' . hash_hmac( 'sha256', $headers['X-CSC-Timestamp'] . '.' . $request['args']['body'], self::SECRET ), $headers['X-CSC-Signature'] );

		ob_start();
		( new SettingsPage() )->render();
		$html = ob_get_clean();
		$this->assertStringContainsString( 'notice-success', $html );
		$this->assertStringContainsString( 'Connected.', $html );
	}

	/**
	 * @dataProvider failures
	 */
	public function test_connection_failures_are_explained( $response, $expected ) {
		$this->configure();
		$this->responses[] = $response;
		$result            = ConnectionTest::run();
		$this->assertFalse( $result['ok'] );
		$this->assertStringContainsString( $expected, $result['message'] );
	}

	public function failures() {
		return array(
			'wrong secret'   => array( self::json_response( 401, array( 'success' => false, 'error' => 'Invalid plugin signature', 'code' => 'invalid_signature' ) ), 'rejected the plugin secret' ),
			'clock'          => array( self::json_response( 401, array( 'success' => false, 'error' => 'x', 'code' => 'stale_timestamp' ) ), 'clock is more than 5 minutes off' ),
			'unknown store'  => array( self::json_response( 404, array( 'success' => false, 'error' => 'x', 'code' => 'tenant_not_found' ) ), 'does not know the store domain shop.example.test' ),
			'not our server' => array( self::json_response( 404, '<html>Not Found</html>' ), 'but not like the chat server' ),
			'unreachable'    => array( new \WP_Error( 'http_request_failed', 'cURL error 6: Could not resolve host' ), 'Could not reach the chat server at https://chat.example.com: cURL error 6' ),
			'server error'   => array( self::json_response( 503, array( 'success' => false, 'error' => 'x', 'code' => 'unavailable' ) ), 'HTTP 503, unavailable' ),
		);
	}

	public function test_connection_test_without_settings_says_what_to_fill_in() {
		$result = ConnectionTest::run();
		$this->assertFalse( $result['ok'] );
		$this->assertStringContainsString( 'Enter and save', $result['message'] );
		$this->assertSame( array(), $this->requests );
	}
}
