<?php

declare(strict_types=1);

namespace WhmcsSandbox;

use InvalidArgumentException;

/**
 * encrypt()/decrypt() and EncryptPassword/DecryptPassword: libsodium secretbox
 * under a fixed sandbox key (a real WHMCS keys it with cc_encryption_hash from
 * configuration.php and uses its own format). What matters to an addon holds:
 * the same text encrypts differently each time and decrypts back.
 */
final class Crypto
{
    private static function key(): string
    {
        return sodium_crypto_generichash('whmcs-sandbox cc_encryption_hash', '', SODIUM_CRYPTO_SECRETBOX_KEYBYTES);
    }

    public static function encrypt(string $plain): string
    {
        $nonce = random_bytes(SODIUM_CRYPTO_SECRETBOX_NONCEBYTES);
        return base64_encode($nonce . sodium_crypto_secretbox($plain, $nonce, self::key()));
    }

    public static function decrypt(string $encoded): string
    {
        $raw = base64_decode($encoded, true);
        if ($raw === false || strlen($raw) <= SODIUM_CRYPTO_SECRETBOX_NONCEBYTES) {
            return '';
        }
        $plain = sodium_crypto_secretbox_open(
            substr($raw, SODIUM_CRYPTO_SECRETBOX_NONCEBYTES),
            substr($raw, 0, SODIUM_CRYPTO_SECRETBOX_NONCEBYTES),
            self::key()
        );
        if ($plain === false) {
            throw new InvalidArgumentException('cannot decrypt: not made by this sandbox');
        }
        return $plain;
    }
}
