<?php
/**
 * Signatures against the shared contract vectors (docs/contract/signing-vectors.json, computed with openssl; the Java
 * side reads the same file).
 *
 * @package CustomerServiceChat
 */

// phpcs:disable

namespace CustomerServiceChat\Tests;

use CustomerServiceChat\Signer;

final class SigningVectorsTest extends TestCase {

	public function test_request_signatures_match_the_vectors() {
		$vectors = self::vectors()['plugin_signatures'];
		$this->assertNotEmpty( $vectors );
		foreach ( $vectors as $v ) {
			$this->assertSame( $v['header'], Signer::request_signature( $v['secret'], $v['timestamp'], $v['body'] ), $v['name'] );
		}
	}

	public function test_event_bodies_are_encoded_byte_for_byte_as_in_the_vectors() {
		// The cart event vector holds quotes and a closing script tag: our encoder must produce exactly those bytes.
		foreach ( self::vectors()['plugin_signatures'] as $v ) {
			$this->assertSame( $v['body'], Signer::json( json_decode( $v['body'], true ) ), $v['name'] );
		}
	}

	public function test_tokens_match_the_vectors() {
		$vectors = self::vectors()['signed_tokens'];
		$this->assertNotEmpty( $vectors );
		foreach ( $vectors as $v ) {
			$this->assertSame( $v['token'], Signer::token_from_json( $v['secret'], $v['payload'] ), $v['name'] );
			$this->assertSame( $v['token'], Signer::token( $v['secret'], json_decode( $v['payload'], true ) ), $v['name'] . ' (from array)' );
		}
	}

	public function test_vector_tokens_verify_until_they_expire() {
		foreach ( self::vectors()['signed_tokens'] as $v ) {
			$payload = json_decode( $v['payload'], true );
			$this->assertSame( $payload, Signer::verify_token( $v['secret'], $v['token'], $payload['exp'] - 1 ), $v['name'] );
			$this->assertSame( $payload, Signer::verify_token( $v['secret'], $v['token'], $payload['exp'] ), $v['name'] . ' at exp' );
			$this->assertNull( Signer::verify_token( $v['secret'], $v['token'], $payload['exp'] + 1 ), $v['name'] . ' expired' );
			$this->assertNull( Signer::verify_token( $v['secret'] . 'x', $v['token'], $payload['exp'] - 1 ), $v['name'] . ' other secret' );
		}
	}

	public function test_tampered_or_malformed_tokens_are_refused() {
		$v     = self::vectors()['signed_tokens'][1];
		$now   = 1700000000;
		list( $body, $sig ) = explode( '.', $v['token'] );
		$forged = rtrim( strtr( base64_encode( str_replace( '"quantity":2', '"quantity":99', $v['payload'] ) ), '+/', '-_' ), '=' );
		$this->assertNull( Signer::verify_token( $v['secret'], $forged . '.' . $sig, $now ) );
		$this->assertNull( Signer::verify_token( $v['secret'], $body, $now ) );
		$this->assertNull( Signer::verify_token( $v['secret'], '.' . $sig, $now ) );
		$this->assertNull( Signer::verify_token( $v['secret'], 'not a token', $now ) );
		$this->assertNull( Signer::verify_token( '', $v['token'], $now ) );
		// A payload without exp is refused even when correctly signed.
		$this->assertNull( Signer::verify_token( 'k', Signer::token_from_json( 'k', '{"sessionId":"s","items":[]}' ), $now ) );
	}
}
