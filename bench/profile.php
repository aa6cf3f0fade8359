<?php
/*
 * A loop for callgrind (bench/callgrind): maps and/or serializes the typical
 * invoice of bench/invoice5.inc N times, so instruction counts per invoice
 * can be taken as (count at N - count at 0) / N.
 *
 *   php -n -d extension=.../acumulus.so bench/profile.php MODE N
 *
 * MODE: map (InvoiceMapper::map), ser (Client::requestXml of the mapped
 * document), both (map, then requestXml of its document), empty
 * (requestXml of an empty body).
 */

declare(strict_types=1);

require __DIR__ . '/invoice5.inc';

[$mode, $n] = [$argv[1] ?? 'both', (int) ($argv[2] ?? 1000)];
$invoice = bench_invoice();
$client = bench_client();
$settings = bench_settings();
$context = bench_context();
$writer = new Acumulus\Client('123456', 'bench', 'secret', 'WHMCS 8.13.1');
$doc = Acumulus\InvoiceMapper::map($invoice, $client, $settings, $context)['document'];
$empty = [];
$len = 0;
switch ($mode) {
    case 'map':
        for ($i = 0; $i < $n; $i++) {
            $r = Acumulus\InvoiceMapper::map($invoice, $client, $settings, $context);
        }
        break;
    case 'ser':
        for ($i = 0; $i < $n; $i++) {
            $len += strlen($writer->requestXml($doc));
        }
        break;
    case 'both':
        for ($i = 0; $i < $n; $i++) {
            $len += strlen($writer->requestXml(Acumulus\InvoiceMapper::map($invoice, $client, $settings, $context)['document']));
        }
        break;
    case 'empty':
        for ($i = 0; $i < $n; $i++) {
            $len += strlen($writer->requestXml($empty));
        }
        break;
    default:
        fwrite(STDERR, "unknown mode $mode\n");
        exit(2);
}
echo $len, "\n";
