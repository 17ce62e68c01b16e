<?php
/**
 * HMAC signatures shared with the chat server (docs/contract/signing-vectors.json).
 *
 * @package CustomerServiceChat
 */

namespace CustomerServiceChat;

defined( 'ABSPATH' ) || exit;

/**
 * Request signatures and signed tokens.
 *
 * Request: X-CSC-Signature = "sha256=" + hex(HMAC-SHA256(secret, timestamp + "." + raw body)).
 * Token:   base64url(JSON payload, no padding) + "." + hex(HMAC-SHA256(secret, that base64url text)); payload has exp.
 */
final class Signer {

	/**
	 * The JSON we sign and send: compact, slashes and non-ASCII as they are (the server parses, it does not re-encode).
	 * Every payload is a JSON object, so an empty one is {} (not PHP's []).
	 *
	 * @param array $data Payload.
	 * @return string
	 */
	public static function json( array $data ) {
		if ( array() === $data ) {
			return '{}';
		}
		return (string) wp_json_encode( $data, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
	}

	/**
	 * The X-CSC-Signature header value.
	 *
	 * @param string     $secret    Plugin secret.
	 * @param string|int $timestamp Unix seconds, as sent in X-CSC-Timestamp.
	 * @param string     $body      Raw request body.
	 * @return string
	 */
	public static function request_signature( $secret, $timestamp, $body ) {
		return 'sha256=' . hash_hmac( 'sha256', $timestamp . '.' . $body, $secret );
	}

	/**
	 * Signs a payload (adds nothing: the caller puts exp in).
	 *
	 * @param string $secret  Plugin secret.
	 * @param array  $payload Token payload, with exp.
	 * @return string
	 */
	public static function token( $secret, array $payload ) {
		return self::token_from_json( $secret, self::json( $payload ) );
	}

	/**
	 * Signs an already-encoded JSON payload.
	 *
	 * @param string $secret Plugin secret.
	 * @param string $json   Payload JSON.
	 * @return string
	 */
	public static function token_from_json( $secret, $json ) {
		$body = rtrim( strtr( base64_encode( $json ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- token encoding, not obfuscation.
		return $body . '.' . hash_hmac( 'sha256', $body, $secret );
	}

	/**
	 * Checks a token's signature and expiry.
	 *
	 * @param string $secret Plugin secret.
	 * @param string $token  Token.
	 * @param int    $now    Unix seconds.
	 * @return array|null The payload, or null when malformed, forged or expired (one answer for all three).
	 */
	public static function verify_token( $secret, $token, $now ) {
		if ( '' === $secret || ! is_string( $token ) || strlen( $token ) > 8192 ) {
			return null;
		}
		$dot = strrpos( $token, '.' );
		if ( false === $dot || 0 === $dot ) {
			return null;
		}
		$body = substr( $token, 0, $dot );
		if ( ! hash_equals( hash_hmac( 'sha256', $body, $secret ), strtolower( substr( $token, $dot + 1 ) ) ) ) {
			return null;
		}
		$json    = base64_decode( strtr( $body, '-_', '+/' ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- token decoding.
		$payload = false === $json ? null : json_decode( $json, true );
		if ( ! is_array( $payload ) || ! isset( $payload['exp'] ) || ! is_numeric( $payload['exp'] ) || (int) $payload['exp'] < $now ) {
			return null;
		}
		return $payload;
	}
}
