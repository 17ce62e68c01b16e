<?php
/**
 * The README's method 2 (theme) and method 3 (page builder) snippets, run as they are printed.
 *
 * @package CustomerServiceChat
 */

// phpcs:disable

namespace CustomerServiceChat\Tests;

final class ReadmeSnippetsTest extends TestCase {

	private static function block( $heading, $lang ) {
		$readme = (string) file_get_contents( dirname( __DIR__, 2 ) . '/README.md' );
		$start  = strpos( $readme, $heading );
		if ( false === $start || ! preg_match( '/```' . $lang . '\n(.*?)\n```/s', $readme, $m, 0, $start ) ) {
			throw new \RuntimeException( "No $lang block after $heading" );
		}
		return $m[1];
	}

	/** Includes the method 2 snippet and returns the footer callback it added. */
	private function install_theme_snippet() {
		global $wp_filter;
		$before = isset( $wp_filter['wp_footer'] ) ? $this->callback_ids( $wp_filter['wp_footer'] ) : array();
		$file   = tempnam( sys_get_temp_dir(), 'csc-snippet' );
		file_put_contents( $file, self::block( '## Method 2', 'php' ) );
		include $file;
		unlink( $file );
		$added = array_diff_key( $this->callback_ids( $wp_filter['wp_footer'] ), $before );
		$this->assertCount( 1, $added );
		return reset( $added );
	}

	private function callback_ids( $hook ) {
		$ids = array();
		foreach ( $hook->callbacks as $priority => $callbacks ) {
			foreach ( $callbacks as $id => $cb ) {
				$ids[ $priority . ':' . $id ] = $cb['function'];
			}
		}
		return $ids;
	}

	private static function config_of( $html ) {
		if ( ! preg_match( '#<script>window\.ChatWidgetConfig = (.*?);</script>#s', $html, $m ) ) {
			throw new \RuntimeException( 'no config in ' . $html );
		}
		return json_decode( $m[1], true );
	}

	public function test_method_2_gives_the_widget_the_shopper_context_safely() {
		$footer = $this->install_theme_snippet();
		try {
			ob_start();
			$footer();
			$html   = ob_get_clean();
			$config = self::config_of( $html );
			$this->assertSame( 'https://chat.example.com', $config['serverUrl'] );
			$this->assertSame( array( 'isLoggedIn' => false, 'customerGroup' => 'guest' ), $config['userData'] );
			$this->assertFalse( $config['cartData']['hasItems'] );
			$this->assertStringContainsString( '<script async src="https://chat.example.com/embed.js"></script>', $html );
			$this->assertStringContainsString( 'wc\/store\/v1\/cart", { credentials', $html, 'the Store API cart URL, JSON-encoded' );

			$id                                = $this->user( 'customer', 'vip@example.com' );
			\CSC_Test_Store::$customers[ $id ] = array( 'spent' => '2500.00', 'orders' => 3 );
			wp_set_current_user( $id );
			wp_get_current_user()->display_name = 'Eve </script><script>alert(1)</script>';
			\CSC_Test_Store::$products[12]      = new \WC_Product( 12, 'Hoodie', '45.00' );
			WC()->cart->add_to_cart( 12, 2 );
			ob_start();
			$footer();
			$html   = ob_get_clean();
			$config = self::config_of( $html );
			$this->assertSame( 'vip', $config['userData']['customerGroup'] );
			$this->assertSame( 'Eve </script><script>alert(1)</script>', $config['userData']['displayName'] );
			$this->assertSame( array( 'hasItems' => true, 'itemCount' => 2, 'cartTotal' => '90' ), $config['cartData'] );
			$this->assertSame( 3, substr_count( $html, '</script>' ), 'the name did not close the script' );
		} finally {
			remove_action( 'wp_footer', $footer );
		}
	}

	public function test_method_2_prints_nothing_on_admin_pages() {
		$footer = $this->install_theme_snippet();
		set_current_screen( 'dashboard' );
		ob_start();
		$footer();
		$this->assertSame( '', ob_get_clean() );
		remove_action( 'wp_footer', $footer );
	}

	public function test_method_3_is_a_valid_configuration_and_loads_the_widget() {
		$html = self::block( '## Method 3', 'html' );
		$this->assertSame( 1, preg_match( '#window\.ChatWidgetConfig = (\{.*?\});#s', $html, $m ) );
		$config = json_decode( $m[1], true );
		$this->assertIsArray( $config, 'the object literal is plain JSON' );
		$this->assertSame( 'https://chat.example.com', $config['serverUrl'] );
		$this->assertSame( array( 'position' => 'bottom-right', 'width' => 400, 'height' => 600 ), $config['appearance'] );
		$this->assertSame( array( 'autoOpen' => false ), $config['behavior'] );
		$this->assertStringContainsString( '<script async src="https://chat.example.com/embed.js"></script>', $html );
	}
}
