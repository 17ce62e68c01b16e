<?php
/**
 * The installable zip (wordpress-plugin/build): it is what these tests run, it holds the plugin and nothing of its
 * development, and its readme.txt agrees with the plugin header.
 *
 * @package CustomerServiceChat
 */

// phpcs:disable

namespace CustomerServiceChat\Tests;

final class PackageTest extends TestCase {

	/** Every file of the zip, relative to the plugin folder. */
	private function zip_entries() {
		$zip = getenv( 'CSC_PLUGIN_ZIP' );
		$this->assertNotEmpty( $zip, 'tests/run sets CSC_PLUGIN_ZIP' );
		$names = array();
		$rc    = 0;
		exec( 'python3 -c ' . escapeshellarg( 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' ) . ' ' . escapeshellarg( $zip ), $names, $rc );
		$this->assertSame( 0, $rc );
		$files = array();
		foreach ( $names as $name ) {
			$this->assertStringStartsWith( 'customer-service-chat/', $name, 'one top folder, named as the plugin' );
			if ( '/' !== substr( $name, -1 ) ) {
				$files[] = substr( $name, strlen( 'customer-service-chat/' ) );
			}
		}
		sort( $files );
		return $files;
	}

	public function test_the_plugin_under_test_is_the_one_unpacked_from_the_zip() {
		$dir = dirname( CSC_PLUGIN_FILE );
		$this->assertSame( WP_PLUGIN_DIR . '/customer-service-chat', $dir );
		$this->assertFalse( is_link( $dir ), 'not a link to the source folder' );
		$installed = array();
		$iterator  = new \RecursiveIteratorIterator( new \RecursiveDirectoryIterator( $dir, \FilesystemIterator::SKIP_DOTS ) );
		foreach ( $iterator as $file ) {
			$installed[] = substr( $file->getPathname(), strlen( $dir ) + 1 );
		}
		sort( $installed );
		$this->assertSame( $this->zip_entries(), $installed );
	}

	public function test_the_zip_holds_the_plugin_and_no_development_files() {
		$files = $this->zip_entries();
		foreach ( array( 'customer-service-chat.php', 'uninstall.php', 'readme.txt', 'languages/customer-service-chat.pot', 'assets/js/cart-context.js', 'src/Plugin.php' ) as $needed ) {
			$this->assertContains( $needed, $files );
		}
		foreach ( $files as $file ) {
			$this->assertDoesNotMatchRegularExpression( '#(^|/)(tests?|node_modules|\.[^/]+)(/|$)|\.(md|xml|log|zip|orig)$|composer\.|package\.json#', $file );
		}
		// Every PHP and script file of the source folder ships (nothing needed is left out).
		$source = getenv( 'CSC_PLUGIN_SOURCE' );
		$iterator = new \RecursiveIteratorIterator( new \RecursiveDirectoryIterator( $source, \FilesystemIterator::SKIP_DOTS ) );
		foreach ( $iterator as $file ) {
			if ( preg_match( '/\.(php|js|pot)$/', $file->getFilename() ) ) {
				$this->assertContains( substr( $file->getPathname(), strlen( $source ) + 1 ), $files );
			}
		}
	}

	public function test_readme_txt_agrees_with_the_plugin_header() {
		$readme = dirname( CSC_PLUGIN_FILE ) . '/readme.txt';
		$plugin = get_file_data( CSC_PLUGIN_FILE, array( 'version' => 'Version', 'wp' => 'Requires at least', 'php' => 'Requires PHP', 'license' => 'License' ) );
		$txt    = get_file_data( $readme, array( 'stable' => 'Stable tag', 'wp' => 'Requires at least', 'php' => 'Requires PHP', 'tested' => 'Tested up to', 'license' => 'License' ) );
		$this->assertSame( $plugin['version'], $txt['stable'] );
		$this->assertSame( CSC_VERSION, $txt['stable'] );
		$this->assertSame( $plugin['wp'], $txt['wp'] );
		$this->assertSame( $plugin['php'], $txt['php'] );
		$this->assertSame( $plugin['license'], $txt['license'] );
		$this->assertTrue( version_compare( $txt['tested'], $txt['wp'], '>=' ) );
		$text = file_get_contents( $readme );
		$this->assertMatchesRegularExpression( '/^=== Customer Service Chat for WooCommerce ===$/m', $text );
		foreach ( array( 'Description', 'Installation', 'Frequently Asked Questions', 'Privacy', 'Changelog' ) as $section ) {
			$this->assertMatchesRegularExpression( '/^== ' . $section . ' ==$/m', $text );
		}
		$this->assertMatchesRegularExpression( '/^= ' . preg_quote( CSC_VERSION, '/' ) . ' =$/m', $text, 'a changelog entry for this version' );
	}
}
