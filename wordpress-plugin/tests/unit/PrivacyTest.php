<?php
/**
 * Personal-data exporter and eraser: signed calls to the chat server's privacy routes.
 *
 * @package CustomerServiceChat
 */

// phpcs:disable

namespace CustomerServiceChat\Tests;

final class PrivacyTest extends TestCase {

	private function registered( $filter, $key ) {
		$list = apply_filters( $filter, array() );
		$this->assertArrayHasKey( 'customer-service-chat', $list );
		return $list['customer-service-chat'][ $key ];
	}

	private function assert_signed_call( $path ) {
		$this->assertCount( 1, $this->requests );
		$r = $this->requests[0];
		$this->assertSame( 'https://chat.example.com' . $path, $r['url'] );
		$this->assertSame( array( 'email' => 'erin@example.com', 'domain' => 'shop.example.test' ), json_decode( $r['args']['body'], true ) );
		$h = $r['args']['headers'];
		$this->assertSame( 'shop.example.test', $h['X-CSC-Domain'] );
		$this->assertSame( 'sha256=' . hash_hmac( 'sha256', $h['X-CSC-Timestamp'] . '.' . $r['args']['body'], self::SECRET ), $h['X-CSC-Signature'] );
	}

	public function test_export_calls_the_signed_route_and_shows_each_record() {
		$this->configure();
		$this->responses[] = self::json_response(
			200,
			array(
				'success'  => true,
				'email'    => 'erin@example.com',
				'services' => array(
					array( 'service' => 'chat', 'data' => array( 'conversations' => array( array( 'id' => 'c1', 'startedAt' => '2026-11-01T10:00:00Z', 'messages' => array( array( 'role' => 'user', 'content' => 'Where is my order?' ) ) ) ) ) ),
					array( 'service' => 'cart', 'data' => array( 'carts' => array( array( 'sessionId' => 't_1', 'total' => '90.00' ), array( 'sessionId' => 't_2', 'total' => '10.00' ) ) ) ),
				),
			)
		);
		$result = call_user_func( $this->registered( 'wp_privacy_personal_data_exporters', 'callback' ), 'erin@example.com', 1 );
		$this->assert_signed_call( '/api/privacy/export' );
		$this->assertTrue( $result['done'] );
		$this->assertCount( 3, $result['data'] );
		$chat = $result['data'][0];
		$this->assertSame( 'csc-chat', $chat['group_id'] );
		$this->assertSame( 'Customer service chat: chat', $chat['group_label'] );
		$rows = array_column( $chat['data'], 'value', 'name' );
		$this->assertSame( 'conversations', $rows['Kind'] );
		$this->assertSame( 'Where is my order?', $rows['messages.0.content'] );
		$this->assertSame( '10.00', array_column( $result['data'][2]['data'], 'value', 'name' )['total'] );
	}

	public function test_export_of_an_unexpected_shape_still_lists_the_data() {
		$this->configure();
		$this->responses[] = self::json_response( 200, array( 'success' => true, 'verification' => array( 'grants' => 2, 'emails' => array( 'erin@example.com' ) ) ) );
		$result = call_user_func( $this->registered( 'wp_privacy_personal_data_exporters', 'callback' ), 'erin@example.com', 1 );
		$this->assertSame( 'csc-verification', $result['data'][0]['group_id'] );
		$this->assertSame( array( array( 'name' => 'grants', 'value' => '2' ), array( 'name' => 'emails', 'value' => 'erin@example.com' ) ), $result['data'][0]['data'] );
	}

	public function test_a_failed_export_is_an_error_not_an_empty_export() {
		$this->configure();
		$this->responses[] = self::json_response( 401, array( 'success' => false, 'error' => 'x', 'code' => 'invalid_signature' ) );
		$result = call_user_func( $this->registered( 'wp_privacy_personal_data_exporters', 'callback' ), 'erin@example.com', 1 );
		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertStringContainsString( 'HTTP 401, invalid_signature', $result->get_error_message() );
	}

	public function test_erase_calls_the_signed_route_and_reports_what_was_removed() {
		$this->configure();
		$this->responses[] = self::json_response(
			200,
			array(
				'success'  => true,
				'services' => array(
					array( 'service' => 'chat', 'deleted' => array( 'conversations' => 2, 'messages' => 14 ) ),
					array( 'service' => 'cart', 'deleted' => array( 'carts' => 0 ) ),
				),
			)
		);
		$result = call_user_func( $this->registered( 'wp_privacy_personal_data_erasers', 'callback' ), 'erin@example.com', 1 );
		$this->assert_signed_call( '/api/privacy/delete' );
		$this->assertTrue( $result['items_removed'] );
		$this->assertFalse( $result['items_retained'] );
		$this->assertTrue( $result['done'] );
		$this->assertSame( array( 'Chat server: chat: 2 conversations deleted.', 'Chat server: chat: 14 messages deleted.' ), $result['messages'] );
	}

	public function test_an_unreachable_server_retains_the_data_and_says_so() {
		$this->configure();
		$this->responses[] = new \WP_Error( 'http_request_failed', 'timeout' );
		$result = call_user_func( $this->registered( 'wp_privacy_personal_data_erasers', 'callback' ), 'erin@example.com', 1 );
		$this->assertFalse( $result['items_removed'] );
		$this->assertTrue( $result['items_retained'] );
		$this->assertStringContainsString( 'could not be reached', $result['messages'][0] );
	}

	public function test_without_a_connection_nothing_is_sent() {
		$export = call_user_func( $this->registered( 'wp_privacy_personal_data_exporters', 'callback' ), 'erin@example.com', 1 );
		$erase  = call_user_func( $this->registered( 'wp_privacy_personal_data_erasers', 'callback' ), 'erin@example.com', 1 );
		$this->assertSame( array( 'data' => array(), 'done' => true ), $export );
		$this->assertFalse( $erase['items_removed'] );
		$this->assertSame( array(), $this->requests );
	}
}
