<?php

declare(strict_types=1);

namespace AcuSim;

/**
 * A throw-away CA and server certificates, made with the openssl CLI in a
 * directory (tls/ of the state directory):
 *
 *   ca.pem          the CA clients trust (give it to curl --cacert / acumulus.cafile)
 *   server.pem      127.0.0.1 and localhost, signed by the CA (the normal one)
 *   untrusted.pem   signed by another CA nobody trusts      (fault tls_untrusted)
 *   wronghost.pem   signed by the CA, for wrong.host.invalid (fault tls_hostname)
 *   expired.pem     signed by the CA, expired               (fault tls_expired)
 */
final class Certs
{
    public const FILES = ['ca.pem', 'server.pem', 'untrusted.pem', 'wronghost.pem', 'expired.pem'];

    public static function ensure(string $dir): void
    {
        $complete = true;
        foreach (self::FILES as $f) {
            $complete = $complete && is_file("$dir/$f");
        }
        if ($complete) {
            return;
        }
        if (!is_dir($dir) && !mkdir($dir, 0700, true) && !is_dir($dir)) {
            throw new \RuntimeException("cannot create $dir");
        }
        $work = "$dir/work";
        @mkdir($work, 0700);
        self::ca("$work/ca", 'Acumulus simulator throw-away CA');
        self::ca("$work/rogue", 'Untrusted throw-away CA');
        self::leaf($work, 'server', "$work/ca", 'IP:127.0.0.1,DNS:localhost', 30);
        self::leaf($work, 'untrusted', "$work/rogue", 'IP:127.0.0.1,DNS:localhost', 30);
        self::leaf($work, 'wronghost', "$work/ca", 'DNS:wrong.host.invalid', 30);
        self::leaf($work, 'expired', "$work/ca", 'IP:127.0.0.1,DNS:localhost', -1);
        copy("$work/ca.crt", "$dir/ca.pem");
        foreach (['server', 'untrusted', 'wronghost', 'expired'] as $n) {
            file_put_contents("$dir/$n.pem", file_get_contents("$work/$n.crt") . file_get_contents("$work/$n.key"));
            chmod("$dir/$n.pem", 0600);
        }
        foreach (glob("$work/*") ?: [] as $f) {
            unlink($f);
        }
        rmdir($work);
    }

    private static function ca(string $base, string $cn): void
    {
        self::openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
            '-keyout', "$base.key", '-out', "$base.crt", '-days', '30', '-subj', "/CN=$cn",
            '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    }

    private static function leaf(string $work, string $name, string $ca, string $san, int $days): void
    {
        self::openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
            '-keyout', "$work/$name.key", '-out', "$work/$name.csr", '-subj', '/CN=' . self::firstName($san)]);
        file_put_contents("$work/$name.ext", "subjectAltName=$san\nbasicConstraints=CA:FALSE\n"
            . "keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n");
        self::openssl(['x509', '-req', '-in', "$work/$name.csr", '-CA', "$ca.crt", '-CAkey', "$ca.key",
            '-CAcreateserial', '-out', "$work/$name.crt", '-days', (string) $days, '-extfile', "$work/$name.ext"]);
    }

    /** "IP:127.0.0.1,DNS:localhost" -> "127.0.0.1" */
    private static function firstName(string $san): string
    {
        return explode(',', substr($san, strpos($san, ':') + 1))[0];
    }

    private static function openssl(array $args): void
    {
        $io = [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']];
        $p = proc_open(array_merge(['openssl'], $args), $io, $pipes);
        if (!is_resource($p)) {
            throw new \RuntimeException('cannot run openssl');
        }
        stream_get_contents($pipes[1]);
        $err = stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        if (proc_close($p) !== 0) {
            throw new \RuntimeException('openssl ' . $args[0] . ' failed: ' . trim((string) $err));
        }
    }
}
