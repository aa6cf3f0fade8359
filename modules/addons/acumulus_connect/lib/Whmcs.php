<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

use RuntimeException;

/** The few WHMCS localAPI calls the addon makes. */
final class Whmcs
{
    /** GetInvoice, or null when WHMCS does not know the invoice (deleted). */
    public static function invoice(int $invoiceId): ?array
    {
        $r = localAPI('GetInvoice', ['invoiceid' => $invoiceId]);
        if (($r['result'] ?? '') !== 'success') {
            $msg = (string) ($r['message'] ?? '');
            if (stripos($msg, 'not found') !== false) {
                return null;
            }
            throw new RuntimeException("WHMCS GetInvoice $invoiceId failed: " . ($msg !== '' ? $msg : 'no message'));
        }
        return $r;
    }

    /** GetClientsDetails 'client'. */
    public static function client(int $clientId): array
    {
        $r = localAPI('GetClientsDetails', ['clientid' => $clientId, 'stats' => false]);
        if (($r['result'] ?? '') !== 'success' || !is_array($r['client'] ?? null)) {
            throw new RuntimeException("WHMCS GetClientsDetails $clientId failed: " . (string) ($r['message'] ?? 'no client'));
        }
        return $r['client'];
    }

    public static function setGateway(int $invoiceId, string $gateway): void
    {
        $r = localAPI('UpdateInvoice', ['invoiceid' => $invoiceId, 'paymentmethod' => $gateway]);
        if (($r['result'] ?? '') !== 'success') {
            throw new RuntimeException("WHMCS UpdateInvoice $invoiceId failed: " . (string) ($r['message'] ?? ''));
        }
    }

    public static function configValue(string $setting): string
    {
        return (string) \WHMCS\Database\Capsule::table('tblconfiguration')->where('setting', $setting)->value('value');
    }
}
