<?php
/**
 * WooCommerce -> Chat Widget.
 *
 * @package CustomerServiceChat
 */

namespace CustomerServiceChat\Admin;

use CustomerServiceChat\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * The settings page (Settings API: options.php checks the nonce and our capability filter, Settings::sanitize cleans
 * every value) and the Test connection action (admin-post.php, own nonce and capability check).
 */
final class SettingsPage {

	const SLUG       = 'csc-chat-widget';
	const GROUP      = 'csc_settings_group';
	const CAPABILITY = 'manage_woocommerce';
	const TEST       = 'csc_test_connection';

	/**
	 * Registers the admin hooks.
	 */
	public function register() {
		add_action( 'admin_menu', array( $this, 'menu' ), 60 );
		add_action( 'admin_post_' . self::TEST, array( $this, 'handle_test_connection' ) );
		add_filter( 'plugin_action_links_' . plugin_basename( CSC_PLUGIN_FILE ), array( $this, 'action_links' ) );
	}

	/**
	 * Filter option_page_capability_{group}: options.php accepts shop managers, not only manage_options.
	 *
	 * @return string
	 */
	public static function capability() {
		return self::CAPABILITY;
	}

	/**
	 * Hook init: the option and its sanitizer, so every write (options.php, code, WP-CLI) goes through it.
	 */
	public static function register_setting() {
		register_setting(
			self::GROUP,
			Settings::OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => array( Settings::class, 'sanitize' ),
				'default'           => Settings::defaults(),
				'show_in_rest'      => false,
			)
		);
	}

	/**
	 * Hook admin_init: sections and fields of the page.
	 */
	public static function register_fields() {
		add_settings_section( 'csc_main', __( 'Connection', 'customer-service-chat' ), '__return_false', self::SLUG );
		add_settings_section( 'csc_widget', __( 'Widget', 'customer-service-chat' ), '__return_false', self::SLUG );
		add_settings_section( 'csc_branding', __( 'Branding', 'customer-service-chat' ), '__return_false', self::SLUG );
		$fields = array(
			'server_url'    => array( 'csc_main', __( 'Chat server URL', 'customer-service-chat' ) ),
			'domain'        => array( 'csc_main', __( 'Store domain', 'customer-service-chat' ) ),
			'plugin_secret' => array( 'csc_main', __( 'Plugin secret', 'customer-service-chat' ) ),
			'position'      => array( 'csc_widget', __( 'Position', 'customer-service-chat' ) ),
			'pass_user'     => array( 'csc_widget', __( 'Pass user information to chat', 'customer-service-chat' ) ),
			'pass_cart'     => array( 'csc_widget', __( 'Pass cart data to chat', 'customer-service-chat' ) ),
			'order_lookup'  => array( 'csc_widget', __( 'Enable order lookup in chat', 'customer-service-chat' ) ),
			'debug'         => array( 'csc_widget', __( 'Debug mode', 'customer-service-chat' ) ),
			'accent_color'    => array( 'csc_branding', __( 'Accent colour', 'customer-service-chat' ) ),
			'assistant_name'  => array( 'csc_branding', __( 'Assistant name', 'customer-service-chat' ) ),
			'avatar_url'      => array( 'csc_branding', __( 'Avatar image URL', 'customer-service-chat' ) ),
			'greeting'        => array( 'csc_branding', __( 'Greeting', 'customer-service-chat' ) ),
			'launcher_label'  => array( 'csc_branding', __( 'Launcher label', 'customer-service-chat' ) ),
			'header_subtitle' => array( 'csc_branding', __( 'Header subtitle', 'customer-service-chat' ) ),
		);
		foreach ( $fields as $key => $field ) {
			add_settings_field(
				'csc_' . $key,
				$field[1],
				array( self::class, 'field' ),
				self::SLUG,
				$field[0],
				array(
					'key'       => $key,
					'label_for' => 'csc_' . $key,
				)
			);
		}
	}

	/**
	 * Hook admin_menu.
	 */
	public function menu() {
		add_submenu_page(
			'woocommerce',
			__( 'Chat Widget', 'customer-service-chat' ),
			__( 'Chat Widget', 'customer-service-chat' ),
			self::CAPABILITY,
			self::SLUG,
			array( $this, 'render' )
		);
	}

	/**
	 * Settings link on the Plugins screen.
	 *
	 * @param array $links Links.
	 * @return array
	 */
	public function action_links( $links ) {
		array_unshift( $links, '<a href="' . esc_url( admin_url( 'admin.php?page=' . self::SLUG ) ) . '">' . esc_html__( 'Settings', 'customer-service-chat' ) . '</a>' );
		return $links;
	}

	/**
	 * One field. The secret is write-only: the input is always empty and only says whether one is saved.
	 *
	 * @param array $args Field args.
	 */
	public static function field( $args ) {
		$s    = Settings::get();
		$key  = $args['key'];
		$name = Settings::OPTION . '[' . $key . ']';
		$id   = 'csc_' . $key;
		switch ( $key ) {
			case 'server_url':
				printf( '<input type="url" class="regular-text code" id="%s" name="%s" value="%s" placeholder="https://chat.example.com" />', esc_attr( $id ), esc_attr( $name ), esc_attr( $s['server_url'] ) );
				echo '<p class="description">' . esc_html__( 'The chat deployment\'s public address. The widget, cart events and privacy requests all go there.', 'customer-service-chat' ) . '</p>';
				break;
			case 'domain':
				printf( '<input type="text" class="regular-text code" id="%s" name="%s" value="%s" />', esc_attr( $id ), esc_attr( $name ), esc_attr( $s['domain'] ) );
				echo '<p class="description">' . esc_html__( 'The domain this store was registered under on the chat server (usually this site\'s host name).', 'customer-service-chat' ) . '</p>';
				break;
			case 'plugin_secret':
				printf(
					'<input type="password" class="regular-text code" id="%s" name="%s" value="" autocomplete="new-password" placeholder="%s" />',
					esc_attr( $id ),
					esc_attr( $name ),
					esc_attr( '' === $s['plugin_secret'] ? __( 'Not set', 'customer-service-chat' ) : __( 'Saved (hidden). Type a new one to replace it.', 'customer-service-chat' ) )
				);
				echo '<p class="description">' . esc_html__( 'Shown once when the store was registered on the chat server. It signs this store\'s calls and the shopper identity; it is never shown here again.', 'customer-service-chat' ) . '</p>';
				break;
			case 'position':
				printf( '<select id="%s" name="%s">', esc_attr( $id ), esc_attr( $name ) );
				foreach ( array(
					'bottom-right' => __( 'Bottom right', 'customer-service-chat' ),
					'bottom-left'  => __( 'Bottom left', 'customer-service-chat' ),
				) as $value => $label ) {
					printf( '<option value="%s"%s>%s</option>', esc_attr( $value ), selected( $s['position'], $value, false ), esc_html( $label ) );
				}
				echo '</select>';
				break;
			case 'accent_color':
			case 'assistant_name':
			case 'avatar_url':
			case 'greeting':
			case 'launcher_label':
			case 'header_subtitle':
				$brand_help = array(
					'accent_color'    => __( 'Launcher, header, buttons and your shopper\'s messages, e.g. #1d4ed8. Text on it is black or white, whichever reads better.', 'customer-service-chat' ),
					'assistant_name'  => __( 'Shown as the chat\'s title and read out before each answer.', 'customer-service-chat' ),
					'avatar_url'      => __( 'A square image (https://), shown in the header.', 'customer-service-chat' ),
					'greeting'        => __( 'The first message a guest sees. Logged-in customers and abandoned carts get their own greetings.', 'customer-service-chat' ),
					'launcher_label'  => __( 'What screen readers announce for the chat button.', 'customer-service-chat' ),
					'header_subtitle' => __( 'Under the title, e.g. your opening hours. After a handoff the widget says a person will reply.', 'customer-service-chat' ),
				);
				printf(
					'<input type="%s" class="regular-text" id="%s" name="%s" value="%s" placeholder="%s" />',
					'avatar_url' === $key ? 'url' : 'text',
					esc_attr( $id ),
					esc_attr( $name ),
					esc_attr( $s[ $key ] ),
					esc_attr( 'accent_color' === $key ? '#1d4ed8' : __( 'Widget default (in the shopper\'s language)', 'customer-service-chat' ) )
				);
				echo '<p class="description">' . esc_html( $brand_help[ $key ] ) . '</p>';
				break;
			default:
				$help = array(
					'pass_user'    => __( 'Name, email and customer segment of logged-in customers, with a signed identity so they need not verify again.', 'customer-service-chat' ),
					'pass_cart'    => __( 'Cart contents and total, kept current as the cart changes.', 'customer-service-chat' ),
					'order_lookup' => __( 'Let the chat look up orders for verified customers.', 'customer-service-chat' ),
					'debug'        => __( 'Console logs in the widget and delivery logs under WooCommerce > Status > Logs (source customer-service-chat). No personal data is logged.', 'customer-service-chat' ),
				);
				printf(
					'<label><input type="checkbox" id="%s" name="%s" value="1"%s /> %s</label>',
					esc_attr( $id ),
					esc_attr( $name ),
					checked( ! empty( $s[ $key ] ), true, false ),
					esc_html( isset( $help[ $key ] ) ? $help[ $key ] : '' )
				);
		}
	}

	/**
	 * The page.
	 */
	public function render() {
		if ( ! current_user_can( self::CAPABILITY ) ) {
			return;
		}
		$result = get_transient( self::result_key() );
		if ( is_array( $result ) ) {
			delete_transient( self::result_key() );
		}
		echo '<div class="wrap"><h1>' . esc_html__( 'Chat Widget', 'customer-service-chat' ) . '</h1>';
		settings_errors();
		if ( is_array( $result ) && isset( $result['message'] ) ) {
			printf( '<div class="notice %s"><p>%s</p></div>', $result['ok'] ? 'notice-success' : 'notice-error', esc_html( $result['message'] ) );
		}
		echo '<form method="post" action="' . esc_url( admin_url( 'options.php' ) ) . '">';
		settings_fields( self::GROUP );
		do_settings_sections( self::SLUG );
		submit_button();
		echo '</form>';

		echo '<h2>' . esc_html__( 'Test connection', 'customer-service-chat' ) . '</h2>';
		echo '<p>' . esc_html__( 'Checks from this server that the chat server answers and accepts the saved plugin secret. Save your changes first.', 'customer-service-chat' ) . '</p>';
		echo '<form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '">';
		echo '<input type="hidden" name="action" value="' . esc_attr( self::TEST ) . '" />';
		wp_nonce_field( self::TEST );
		submit_button( __( 'Test connection', 'customer-service-chat' ), 'secondary', 'csc-test', false );
		echo '</form></div>';
	}

	/**
	 * Hook admin_post_csc_test_connection.
	 */
	public function handle_test_connection() {
		if ( ! current_user_can( self::CAPABILITY ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to manage the chat widget.', 'customer-service-chat' ), 403 );
		}
		check_admin_referer( self::TEST );
		set_transient( self::result_key(), ConnectionTest::run(), 5 * MINUTE_IN_SECONDS );
		wp_safe_redirect( admin_url( 'admin.php?page=' . self::SLUG ) );
		exit;
	}

	/**
	 * Per-user transient holding the last test result.
	 *
	 * @return string
	 */
	private static function result_key() {
		return 'csc_test_result_' . get_current_user_id();
	}
}
