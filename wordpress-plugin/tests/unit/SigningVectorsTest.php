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

	public function test_purpose_keys_match_the_vectors() {
		foreach ( self::vectors()['signed_tokens'] as $v ) {
			$this->assertSame( $v['label'], Signer::LABELS[ $v['purpose'] ], $v['name'] );
			$this->assertSame( $v['purpose_key'], bin2hex( Signer::purpose_key( $v['purpose'], $v['secret'] ) ), $v['name'] );
		}
	}

	public function test_tokens_match_the_vectors() {
		$vectors = self::vectors()['signed_tokens'];
		$this->assertNotEmpty( $vectors );
		$purposes = array();
		foreach ( $vectors as $v ) {
			$purposes[ $v['purpose'] ] = true;
			$this->assertSame( $v['token'], Signer::token_from_json( $v['purpose'], $v['secret'], $v['payload'] ), $v['name'] );
			$payload = json_decode( $v['payload'], true );
			$this->assertSame( $v['purpose'], $payload['typ'], $v['name'] );
			unset( $payload['typ'] );
			$this->assertSame( $v['token'], Signer::token( $v['purpose'], $v['secret'], $payload ), $v['name'] . ' (from array, typ added)' );
		}
		$this->assertEqualsCanonicalizing( array_keys( Signer::LABELS ), array_keys( $purposes ), 'a vector for every purpose' );
	}

	public function test_vector_tokens_verify_until_they_expire_and_only_for_their_purpose() {
		foreach ( self::vectors()['signed_tokens'] as $v ) {
			$payload = json_decode( $v['payload'], true );
			$p       = $v['purpose'];
			$this->assertSame( $payload, Signer::verify_token( $p, $v['secret'], $v['token'], $payload['exp'] - 1 ), $v['name'] );
			$this->assertSame( $payload, Signer::verify_token( $p, $v['secret'], $v['token'], $payload['exp'] ), $v['name'] . ' at exp' );
			$this->assertNull( Signer::verify_token( $p, $v['secret'], $v['token'], $payload['exp'] + 1 ), $v['name'] . ' expired' );
			$this->assertNull( Signer::verify_token( $p, $v['secret'] . 'x', $v['token'], $payload['exp'] - 1 ), $v['name'] . ' other secret' );
			foreach ( array_keys( Signer::LABELS ) as $other ) {
				if ( $other !== $p ) {
					$this->assertNull( Signer::verify_token( $other, $v['secret'], $v['token'], $payload['exp'] - 1 ), $v['name'] . ' as ' . $other );
				}
			}
		}
	}

	public function test_old_format_tokens_fail_every_purpose() {
		$vectors = self::vectors()['legacy_unsubscribe_tokens'];
		$this->assertNotEmpty( $vectors );
		foreach ( $vectors as $v ) {
			$payload = json_decode( $v['payload'], true );
			list( $body, $sig ) = explode( '.', $v['token'] );
			$this->assertSame( hash_hmac( 'sha256', $body, $v['secret'] ), $sig, 'the vector is what the old signer made' );
			foreach ( array_keys( Signer::LABELS ) as $purpose ) {
				$this->assertNull( Signer::verify_token( $purpose, $v['secret'], $v['token'], $payload['exp'] - 1 ), $v['name'] . ' as ' . $purpose );
			}
		}
	}

	public function test_the_right_key_with_another_typ_is_refused() {
		$now = 1700000000;
		foreach ( array_keys( Signer::LABELS ) as $purpose ) {
			foreach ( array_keys( Signer::LABELS ) as $typ ) {
				$token = Signer::token_from_json( $purpose, 'k', '{"typ":"' . $typ . '","exp":1800000000}' );
				if ( $typ === $purpose ) {
					$this->assertNotNull( Signer::verify_token( $purpose, 'k', $token, $now ) );
				} else {
					$this->assertNull( Signer::verify_token( $purpose, 'k', $token, $now ), "key of $purpose, typ $typ" );
				}
			}
			$this->assertNull( Signer::verify_token( $purpose, 'k', Signer::token_from_json( $purpose, 'k', '{"exp":1800000000}' ), $now ), "$purpose without typ" );
		}
	}

	public function test_tampered_or_malformed_tokens_are_refused() {
		$v     = self::vectors()['signed_tokens'][1];
		$p     = $v['purpose'];
		$now   = 1700000000;
		list( $body, $sig ) = explode( '.', $v['token'] );
		$forged = rtrim( strtr( base64_encode( str_replace( '"quantity":2', '"quantity":99', $v['payload'] ) ), '+/', '-_' ), '=' );
		$this->assertNull( Signer::verify_token( $p, $v['secret'], $forged . '.' . $sig, $now ) );
		$this->assertNull( Signer::verify_token( $p, $v['secret'], $body, $now ) );
		$this->assertNull( Signer::verify_token( $p, $v['secret'], '.' . $sig, $now ) );
		$this->assertNull( Signer::verify_token( $p, $v['secret'], 'not a token', $now ) );
		$this->assertNull( Signer::verify_token( $p, '', $v['token'], $now ) );
		$this->assertNull( Signer::verify_token( 'nonsense', $v['secret'], $v['token'], $now ) );
		// A payload without exp is refused even when correctly signed.
		$this->assertNull( Signer::verify_token( $p, 'k', Signer::token_from_json( $p, 'k', '{"typ":"restore","sessionId":"s","items":[]}' ), $now ) );
	}
}
