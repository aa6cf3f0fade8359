<?php

/**
 * The server side of the browser tests: a WHMCS sandbox on a SQLite file
 * with the addon active and a history of invoices, the Acumulus simulator,
 * and the sandbox's admin area on `php -S` (with the acumulus extension and
 * the simulator's URL and CA as INI settings, as php.ini would have them).
 *
 *   php fixture.php <acumulus.so>
 *
 * Prints one JSON line with the URLs, then answers one JSON command per line
 * on stdin (fault, lock, unlock, counts, ...) with one JSON line. At the end
 * of stdin (the test ends, or dies) it stops the server and the simulator and
 * removes its files.
 */

declare(strict_types=1);

use AcuSim\Simulator;
use WhmcsSandbox\Sandbox;
use WHMCS\Database\Capsule;

$root = dirname(__DIR__, 2);
require $root . '/tests/whmcs/bootstrap.php';
require $root . '/tests/simulator/Simulator.php';

$so = $argv[1] ?? '';
if ($so === '' || !is_file($so)) {
    fwrite(STDERR, "usage: php fixture.php /path/to/acumulus.so\n");
    exit(2);
}

/** The invoices of the batch: this many to send, plus some the preview leaves out. */
const BATCH_SEND = 500;
const BATCH_FROM = '2026-01-01';
const BATCH_TO = '2026-10-31';
/** The client whose name is an attempt at script injection. */
const XSS_COMPANY = '<script>alert(1)</script> & Co';

$dir = sys_get_temp_dir() . '/acumulus-browser-' . bin2hex(random_bytes(5));
mkdir($dir, 0700);
$sim = null;
$server = null;
$cleanup = static function () use (&$sim, &$server, $dir): void {
    if ($server !== null) {
        $server->stop();
        $server = null;
    }
    if ($sim !== null) {
        $sim->stop();
        $sim = null;
    }
    foreach (glob($dir . '/*') ?: [] as $f) {
        @unlink($f);
    }
    @rmdir($dir);
};

try {
    $sim = Simulator::start(['quiet' => true]);
    $sb = Sandbox::boot([
        'db' => 'sqlite:' . $dir . '/whmcs.sqlite',
        'modules' => $root . '/modules/addons',
        'phpArgs' => ['-d', 'extension=' . $so, '-d', 'acumulus.api_url=' . $sim->baseUrl(),
            '-d', 'acumulus.cafile=' . (string) $sim->caFile()],
    ]);
    $sb->addons()->activate('acumulus_connect', [
        'acumulus_code' => Simulator::CONTRACT,
        'acumulus_username' => Simulator::USER,
        'acumulus_password' => Simulator::PASSWORD,
    ], '1');

    $gen = $sb->generator(2026);
    $clients = $gen->clients(40);
    // what a batch sends: ordinary paid and unpaid invoices
    $gen->invoices(BATCH_SEND - 1, [
        'from' => BATCH_FROM, 'to' => BATCH_TO, 'clients' => $clients,
        'kinds' => ['hosting' => 40, 'domain' => 18, 'hosting_domain' => 14, 'promo' => 7, 'manual' => 6, 'multi_year' => 3],
        'outcomes' => ['paid' => 80, 'unpaid' => 14, 'part_paid' => 3, 'credit_part' => 3],
    ]);
    $xss = $sb->scenarios()->client('nl_business', ['companyname' => XSS_COMPANY, 'firstname' => '"><img src=x onerror=alert(2)>',
        'lastname' => "O'Brien & <b>Zonen</b>"]);
    $gen->invoices(1, ['from' => '2026-06-15', 'to' => '2026-06-15', 'clients' => [$xss],
        'kinds' => ['hosting' => 1], 'outcomes' => ['paid' => 1]]);
    // what the preview leaves out, with its reasons
    $gen->invoices(6, ['from' => BATCH_FROM, 'to' => BATCH_TO, 'clients' => $clients, 'kinds' => ['addfunds' => 1], 'outcomes' => ['paid' => 1]]);
    $gen->invoices(6, ['from' => BATCH_FROM, 'to' => BATCH_TO, 'clients' => $clients, 'kinds' => ['hosting' => 1], 'outcomes' => ['cancelled' => 1]]);
    // a later invoice of the injection client, outside the batch's range, for the invoice and dry-run pages
    $gen->invoices(1, ['from' => '2026-11-20', 'to' => '2026-11-20', 'clients' => [$xss], 'kinds' => ['hosting' => 1], 'outcomes' => ['unpaid' => 1]]);
    $xssInvoices = Capsule::table('tblinvoices')->where('userid', $xss)->orderBy('id')->pluck('id')->map('intval')->all();
    Capsule::table(\WHMCS\Module\Addon\AcumulusConnect\Schema::CACHE)
        ->updateOrInsert(['name' => 'cron_last_run'], ['value' => (string) (time() - 240), 'updated' => time() - 240]);

    $server = $sb->serve();
    echo json_encode([
        'ready' => true,
        'url' => $server->url('/admin/addonmodules.php?module=acumulus_connect'),
        'base' => $server->url(''),
        'batch' => ['from' => BATCH_FROM, 'to' => BATCH_TO, 'send' => BATCH_SEND],
        'xss' => ['client' => $xss, 'company' => XSS_COMPANY, 'invoices' => $xssInvoices,
            'date' => '2026-06-15'],
        'password' => Simulator::PASSWORD,
    ], JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES) . "\n";

    while (($line = fgets(STDIN)) !== false) {
        $cmd = json_decode($line, true);
        if (!is_array($cmd)) {
            continue;
        }
        try {
            $answer = match ($cmd['cmd'] ?? '') {
                'fault' => $sim->setFault((string) $cmd['endpoint'], (string) $cmd['mode'], (int) ($cmd['count'] ?? 1),
                    (array) ($cmd['options'] ?? [])),
                'clearFaults' => (static function () use ($sim): array {
                    $sim->clearFaults();
                    return ['ok' => true];
                })(),
                'latency' => (static function () use ($sim, $cmd): array {
                    $sim->setLatency((int) $cmd['ms']);
                    return ['ok' => true];
                })(),
                'counts' => counts($sim),
                'language' => ['ok' => Capsule::table('tbladmins')->where('id', 1)->update(['language' => (string) $cmd['language']]) >= 0],
                'invoice' => (array) Capsule::table('mod_acumulus_connect')->where('id', (int) $cmd['id'])->first(),
                default => ['error' => 'unknown command'],
            };
        } catch (Throwable $e) {
            $answer = ['error' => get_class($e) . ': ' . $e->getMessage()];
        }
        echo json_encode($answer, JSON_UNESCAPED_SLASHES | JSON_PARTIAL_OUTPUT_ON_ERROR) . "\n";
    }
} catch (Throwable $e) {
    fwrite(STDERR, 'fixture: ' . get_class($e) . ': ' . $e->getMessage() . "\n" . $e->getTraceAsString() . "\n");
    $cleanup();
    exit(1);
}
$cleanup();

/** The ledger's states and what the simulator holds, to hold the pages against. */
function counts(Simulator $sim): array
{
    $states = [];
    foreach (Capsule::table('mod_acumulus_connect')->selectRaw('state, count(*) as n')->groupBy('state')->get() as $r) {
        $states[(string) $r->state] = (int) $r->n;
    }
    $entries = $sim->entries();
    $concepts = $sim->state('concepts', Simulator::CONTRACT)[Simulator::CONTRACT] ?? [];
    return [
        'states' => $states,
        'entries' => count($entries),
        'concepts' => count($concepts),
        'documents' => Capsule::table('mod_acumulus_connect_documents')->where('state', 'booked')->count(),
        'conceptDocuments' => Capsule::table('mod_acumulus_connect_documents')->where('state', 'concept')->count(),
        'events' => Capsule::table('mod_acumulus_connect_events')->count(),
    ];
}
