<?php

declare(strict_types=1);

namespace WhmcsSandbox\Tests;

use WHMCS\Database\Capsule;
use WhmcsSandbox\Money;

/**
 * @group bench
 *
 * 100,000 generated invoices (WHMCS_SANDBOX_BENCH_INVOICES) on a shareable
 * database: how long it takes, and that the data holds WHMCS's invariants.
 * Run by the suite scripts in a separate PHPUnit run; the report goes to
 * $ACU_RESULTS/whmcs-bench-<driver>.txt.
 */
final class BenchTest extends TestCase
{
    public function testGenerateAHundredThousandInvoices(): void
    {
        $count = (int) (getenv('WHMCS_SANDBOX_BENCH_INVOICES') ?: 100000);
        $sb = $this->shareableSandbox();
        $stats = $sb->generator(42)->invoices($count);
        $this->assertSame($count, Capsule::table('tblinvoices')->count());
        $this->assertSame($stats['items'], Capsule::table('tblinvoiceitems')->count());
        $this->assertSame($stats['transactions'], Capsule::table('tblaccounts')->count());
        $this->assertGreaterThanOrEqual($count, $stats['items']);

        $bad = 0;
        $checked = 0;
        $sample = Capsule::table('tblinvoices')->whereRaw('id % 97 = 0')
            ->get(['subtotal', 'tax', 'tax2', 'total', 'credit']);
        foreach ($sample as $i) {
            $checked++;
            if (
                Money::cents($i->subtotal) + Money::cents($i->tax) + Money::cents($i->tax2)
                !== Money::cents($i->total) + Money::cents($i->credit)
            ) {
                $bad++;
            }
        }
        $this->assertGreaterThan(0, $checked);
        $this->assertSame(0, $bad, 'subtotal + tax + tax2 = total + credit');

        $t = microtime(true);
        $page = localAPI('GetInvoices', ['status' => 'Paid', 'limitnum' => 100, 'orderby' => 'date',
            'order' => 'desc']);
        $query = microtime(true) - $t;
        $this->assertSame(100, $page['numreturned']);

        $report = sprintf(
            "whmcs sandbox bench (%s): %d invoices, %d lines, %d transactions, %d clients in %.1f s (%d invoices/s); "
            . "GetInvoices page of 100 Paid by date: %.3f s\n",
            $sb->db->driver,
            $stats['invoices'],
            $stats['items'],
            $stats['transactions'],
            $stats['clients'],
            $stats['seconds'],
            (int) ($stats['invoices'] / max(0.001, $stats['seconds'])),
            $query
        );
        fwrite(STDERR, $report);
        $dir = getenv('ACU_RESULTS');
        if (is_string($dir) && $dir !== '' && is_dir($dir)) {
            file_put_contents($dir . '/whmcs-bench-' . $sb->db->driver . '.txt', $report);
        }
    }
}
