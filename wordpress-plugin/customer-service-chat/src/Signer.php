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
 * Token:   base64url(JSON payload, no padding) + "." + hex(HMAC-SHA256(purpose key, that base64url text)), where the
 *          purpose key = HMAC-SHA256(secret, "csc-<purpose>-v1") (raw bytes) and the payload starts with
 *          typ = <purpose> and carries exp. A token made for one purpose fails every other, on the key and on typ.
 */
final class Signer {

	const IDENTITY    = 'identity';
	const RESTORE     = 'restore';
	const UNSUBSCRIBE = 'unsubscribe';

	/** The label each purpose's key is derived with (docs/contract). */
	const LABELS = array(
		self::IDENTITY    => 'csc-identity-v1',
		self::RESTORE     => 'csc-restore-v1',
		self::UNSUBSCRIBE => 'csc-unsubscribe-v1',
	);

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
	 * The key of one purpose: HMAC-SHA256(key = plugin secret, message = the purpose's label), 32 raw bytes.
	 *
	 * @param string $purpose One of the purpose constants.
	 * @param string $secret  Plugin secret.
	 * @return string
	 * @throws \InvalidArgumentException For an unknown purpose (a programming error).
	 */
	public static function purpose_key( $purpose, $secret ) {
		if ( ! is_string( $purpose ) || ! isset( self::LABELS[ $purpose ] ) ) {
			throw new \InvalidArgumentException( 'unknown token purpose' );
		}
		return hash_hmac( 'sha256', self::LABELS[ $purpose ], (string) $secret, true );
	}

	/**
	 * Signs a payload for one purpose: typ is put first (and set to the purpose); the caller puts exp in.
	 *
	 * @param string $purpose One of the purpose constants.
	 * @param string $secret  Plugin secret.
	 * @param array  $payload Token payload, with exp.
	 * @return string
	 */
	public static function token( $purpose, $secret, array $payload ) {
		$payload        = array_merge( array( 'typ' => $purpose ), $payload );
		$payload['typ'] = $purpose;
		return self::token_from_json( $purpose, $secret, self::json( $payload ) );
	}

	/**
	 * Signs an already-encoded JSON payload (which must carry the purpose's typ to verify anywhere).
	 *
	 * @param string $purpose One of the purpose constants.
	 * @param string $secret  Plugin secret.
	 * @param string $json    Payload JSON.
	 * @return string
	 */
	public static function token_from_json( $purpose, $secret, $json ) {
		$body = rtrim( strtr( base64_encode( $json ), '+/', '-_' ), '=' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- token encoding, not obfuscation.
		return $body . '.' . hash_hmac( 'sha256', $body, self::purpose_key( $purpose, $secret ) );
	}

	/**
	 * Checks a token's signature under the purpose's key, its typ and its expiry.
	 *
	 * @param string $purpose One of the purpose constants.
	 * @param string $secret  Plugin secret.
	 * @param string $token   Token.
	 * @param int    $now     Unix seconds.
	 * @return array|null The payload, or null when malformed, forged, made for another purpose (or in the old format
	 *                    without one) or expired: one answer for all.
	 */
	public static function verify_token( $purpose, $secret, $token, $now ) {
		if ( ! is_string( $purpose ) || ! isset( self::LABELS[ $purpose ] ) || ! is_string( $secret ) || '' === $secret || ! is_string( $token ) || strlen( $token ) > 8192 ) {
			return null;
		}
		$dot = strrpos( $token, '.' );
		if ( false === $dot || 0 === $dot ) {
			return null;
		}
		$body = substr( $token, 0, $dot );
		if ( ! hash_equals( hash_hmac( 'sha256', $body, self::purpose_key( $purpose, $secret ) ), strtolower( substr( $token, $dot + 1 ) ) ) ) {
			return null;
		}
		$json    = base64_decode( strtr( $body, '-_', '+/' ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- token decoding.
		$payload = false === $json ? null : json_decode( $json, true );
		if ( ! is_array( $payload ) || ! isset( $payload['typ'] ) || $purpose !== $payload['typ'] ) {
			return null;
		}
		if ( ! isset( $payload['exp'] ) || ! is_numeric( $payload['exp'] ) || (int) $payload['exp'] < $now ) {
			return null;
		}
		return $payload;
	}
}
