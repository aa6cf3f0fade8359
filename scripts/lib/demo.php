<?php

/**
 * The README's main job (run by scripts/demo): a WHMCS (the sandbox, SQLite)
 * with sample clients and invoices, the addon active and the acumulus
 * extension loaded, booking into the Acumulus simulator: the hooks fired for
 * create, pay, cancel, refund and a gateway change, then a batch of historic
 * invoices with a progress bar, and a summary of what was booked.
 *
 * With ACUMULUS_CONTRACT, ACUMULUS_USERNAME and ACUMULUS_PASSWORD in the
 * environment it talks to the real Acumulus in test mode instead: every
 * invoice is checked by Acumulus and nothing is stored (scripts/demo).
 */

declare(strict_types=1);

$root = dirname(__DIR__, 2);
require $root . '/tests/whmcs/bootstrap.php';
require $root . '/modules/addons/acumulus_connect/lib/bootstrap.php';

use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Actions;
use WHMCS\Module\Addon\AcumulusConnect\Hooks;
use WHMCS\Module\Addon\AcumulusConnect\Worker;
use WhmcsSandbox\Sandbox;

if (!extension_loaded('acumulus')) {
    fwrite(STDERR, "the acumulus extension is not loaded\n");
    exit(1);
}
$real = getenv('ACUMULUS_CONTRACT') !== false && getenv('ACUMULUS_CONTRACT') !== '';
$batchSize = (int) (getenv('DEMO_BATCH') ?: 200);
$db = getenv('DEMO_DB') ?: 'sqlite:' . $root . '/out/demo/whmcs.sqlite';
if (str_starts_with($db, 'sqlite:')) {
    @mkdir(dirname(substr($db, 7)), 0777, true);
    @unlink(substr($db, 7));
}

$out = static function (string $s = ''): void {
    fwrite(STDOUT, $s . "\n");
};
$section = static function (string $title) use ($out): void {
    $out();
    $out($title);
    $out(str_repeat('-', strlen($title)));
};

$sb = Sandbox::boot(['db' => $db, 'now' => date('Y-m-d') . ' 09:00:00']);
$settings = [
    'acumulus_code' => $real ? (string) getenv('ACUMULUS_CONTRACT') : '123456',
    'acumulus_username' => $real ? (string) getenv('ACUMULUS_USERNAME') : 'apiuser',
    'acumulus_password' => $real ? (string) getenv('ACUMULUS_PASSWORD') : 'sim-Secret-5',
    'acumulus_AccountNumber_banktransfer' => '70582 NL91ABNA0417164300 (Giro)',
    'acumulus_AccountNumber_mollieideal' => '70583 (Kas)',
    'acumulus_AccountNumber_paypalcheckout' => '147659 123456789 (PayPal)',
    'acumulus_invoice_correction' => 'on',
];
$sb->addons()->activate('acumulus_connect', $settings);
$s = $sb->scenarios();

if ($real) {
    $section('Acumulus test mode (real Acumulus, nothing is stored)');
    $client = new Acumulus\Client($settings['acumulus_code'], $settings['acumulus_username'], $settings['acumulus_password'],
        'WHMCS demo', ['testMode' => true]);
    $ctx = new WHMCS\Module\Addon\AcumulusConnect\Context();
    foreach (['nl_consumer', 'eu_business', 'eu_consumer', 'non_eu'] as $profile) {
        $inv = $s->invoice($s->client($profile), [['Webhosting Pro', '9.95', true], ['Domain .nl', '7.50', true]]);
        $i = localAPI('GetInvoice', ['invoiceid' => $inv]);
        $c = localAPI('GetClientsDetails', ['clientid' => $i['userid']])['client'];
        $map = Acumulus\InvoiceMapper::map($i, $c, $sb->addons()->settings('acumulus_connect'), $ctx->forMapper($inv, true));
        try {
            $r = $client->invoiceAdd($map['document']);
            $out(sprintf('%-12s invoice %d: VAT type %s, Acumulus says status %d%s', $profile, $inv, $map['vat']['type'],
                $r->status, $r->warnings ? ' (' . implode('; ', array_column($r->warnings, 'message')) . ')' : ''));
        } catch (Acumulus\CallException $e) {
            $out(sprintf('%-12s invoice %d: %s', $profile, $inv, $e->getMessage()));
        }
    }
    exit(0);
}

// ---- the hooks, as WHMCS fires them ------------------------------------------------------
$section('WHMCS events (hooks fire; the addon books after each "request")');
$flows = [];
$event = static function (string $what, callable $do) use (&$flows, $out): void {
    $t0 = hrtime(true);
    $ids = (array) $do();
    Hooks::flush(); // the end of the request: what the shutdown function does under PHP-FPM
    $out(sprintf('  %-58s %6.1f ms', $what, (hrtime(true) - $t0) / 1e6));
    foreach ($ids as $id) {
        $flows[$id] = true;
    }
};
$nl = $s->client('nl_consumer');
$nlb = $s->client('nl_business');
$eub = $s->client('eu_business');
$euc = $s->client('eu_consumer');
$us = $s->client('non_eu');
$a = $b = $c = $d = $e = 0;
$event('created: hosting for a Dutch consumer', function () use ($s, $nl, &$a) {
    return $a = $s->invoice($nl, [['Webhosting Pro (1 jaar)', '119.40', true], ['Domein voorbeeld.nl', '8.95', true]]);
});
$event('created: a Dutch business', function () use ($s, $nlb, &$b) {
    return $b = $s->invoice($nlb, [['VPS Large', '49.00', true], ['Backup', '5.00', true]]);
});
$event('created: an EU business with a VAT number (reverse charge)', function () use ($s, $eub, &$c) {
    return $c = $s->invoice($eub, [['Dedicated server', '199.00', true]]);
});
$event('created: an EU consumer (OSS: their country\'s rate)', function () use ($s, $euc, &$d) {
    return $d = $s->invoice($euc, [['Webhosting Basic', '4.95', true]]);
});
$event('created: a client outside the EU (export of a service)', function () use ($s, $us, &$e) {
    return $e = $s->invoice($us, [['Managed hosting', '79.00', true]]);
});
$event("paid: invoice $a by iDEAL", fn () => [$a, $s->pay($a, null, 'mollieideal', 'DEMO-1')][0]);
$event("paid: invoice $b by bank transfer", fn () => [$b, $s->pay($b, null, 'banktransfer', 'DEMO-2')][0]);
$event("refunded in part: 20.00 of invoice $a", fn () => [$a, $s->refund($a, '20.00')][0]);
$event("gateway changed: invoice $c to PayPal", fn () => [$c, $s->changeGateway($c, 'paypalcheckout')][0]);
$event("cancelled: invoice $d", fn () => [$d, $s->cancel($d)][0]);

// ---- a batch of historic invoices --------------------------------------------------------
$section("Batch: $batchSize historic invoices (made before the addon, no hooks)");
$before = (int) Capsule::table('tblinvoices')->max('id');
$sb->generator(20261204)->invoices($batchSize);
$ids = Capsule::table('tblinvoices')->where('id', '>', $before)->where('status', '!=', 'Draft')->orderBy('id')->pluck('id')
    ->map(static fn ($i) => (int) $i)->all();
$actions = new Actions();
foreach ($ids as $id) {
    $actions->send($id, false); // recorded: nothing is lost even if this run stops here
}
$worker = new Worker();
$done = 0;
$total = count($ids);
$t0 = microtime(true);
$bar = static function (int $done, int $total, float $t0): string {
    $w = 40;
    $f = $total > 0 ? intdiv($done * $w, $total) : $w;
    $rate = $done / max(microtime(true) - $t0, 1e-6);
    $left = $rate > 0 ? ($total - $done) / $rate : 0;
    return sprintf("\r  [%s%s] %d/%d  %.0f/s  %.0f s left  ", str_repeat('#', $f), str_repeat('.', $w - $f), $done, $total, $rate, $left);
};
foreach (array_chunk($ids, 40) as $chunk) {
    $worker->processMany($chunk, 8, static function () use (&$done, $total, $t0, $bar): void {
        $done++;
        if ($done % 5 === 0 || $done === $total) {
            fwrite(STDOUT, $bar($done, $total, $t0));
        }
    });
}
fwrite(STDOUT, "\n");
$out(sprintf('  %d invoices in %.1f s', $total, microtime(true) - $t0));

// ---- what was booked ----------------------------------------------------------------------
$section('What was booked');
$vat = [1 => 'NL VAT', 2 => 'NL reverse', 3 => 'EU reverse', 4 => 'export', 5 => 'margin', 6 => 'EU VAT (OSS)', 7 => 'foreign VAT'];
// vattype 1 with every line at -1 is a service outside the EU: no Dutch VAT (docs/vat.md, WORLD-SERVICE)
$vatLabel = static function (object $doc) use ($vat): string {
    $type = (int) $doc->vattype;
    $lines = $doc->document ? (json_decode((string) $doc->document, true)['customer']['invoice']['line'] ?? []) : [];
    $rates = array_unique(array_map(static fn (array $l): string => (string) ($l['vatrate'] ?? ''), $lines));
    return $type === 1 && $rates === ['-1'] ? 'NL VAT-free' : ($vat[$type] ?? '-');
};
$out(sprintf('  %-6s %-10s %-12s %-13s %10s  %-9s %s', 'WHMCS', 'Acumulus', 'document', 'VAT type', 'total EUR', 'state', 'note'));
$docs = Capsule::table('mod_acumulus_connect_documents')->whereIn('invoiceid', array_keys($flows))->orderBy('invoiceid')->orderBy('id')->get();
foreach ($docs as $doc) {
    $warnings = $doc->warnings ? json_decode((string) $doc->warnings, true) : [];
    $state = $doc->kind === 'credit' ? $doc->state : (string) Capsule::table('mod_acumulus_connect')->where('id', $doc->invoiceid)->value('state');
    $out(sprintf('  %-6d %-10s %-12s %-13s %10s  %-9s %s', $doc->invoiceid, $doc->invoicenumber ?: '-',
        $doc->kind === 'credit' ? 'credit note' : 'invoice', $vatLabel($doc), $doc->total ?? '-', $state,
        $doc->kind === 'credit' ? $doc->reason . ' of ' . $doc->amount : ($warnings ? $warnings[0]['message'] : '')));
}
$out();
$out('  Ledger, all invoices:');
foreach (Capsule::table('mod_acumulus_connect')->selectRaw('state, count(*) as n')->groupBy('state')->orderBy('state')->get() as $r) {
    $out(sprintf('    %-12s %5d', $r->state, $r->n));
}
$queued = Capsule::table('mod_acumulus_connect')->whereIn('state', ['queued', 'failed', 'uncertain'])->get();
if (count($queued) > 0) {
    $out();
    $out('  Queued or failed, with the reason:');
    foreach ($queued as $r) {
        $out(sprintf('    invoice %d %s: %s', $r->id, $r->state, $r->last_error ?? $r->notes));
    }
}
$skipped = [];
foreach (Capsule::table('mod_acumulus_connect')->whereIn('state', ['skipped', 'not_booked'])->get(['skipped_reason', 'notes']) as $r) {
    $why = $r->skipped_reason !== null && $r->skipped_reason !== '' ? Worker::skipText((string) $r->skipped_reason) : (string) $r->notes;
    $skipped[$why] = ($skipped[$why] ?? 0) + 1;
}
if ($skipped !== []) {
    $out();
    $out('  Not booked, and why:');
    foreach ($skipped as $why => $n) {
        $out(sprintf('    %5d  %s', $n, $why));
    }
}
$concepts = Capsule::table('mod_acumulus_connect_documents')->where('state', 'concept')->count();
$out();
$out(sprintf('  %d documents in Acumulus (%d concepts awaiting a bookkeeper), %d activity log lines.',
    Capsule::table('mod_acumulus_connect_documents')->whereIn('state', ['booked', 'concept'])->count(), $concepts,
    Capsule::table('tblactivitylog')->where('description', 'like', 'Acumulus:%')->count()));
