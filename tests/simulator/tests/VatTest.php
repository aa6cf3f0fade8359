<?php

declare(strict_types=1);

namespace AcuSim\Tests;

/**
 * VAT: lookup_vatinfo per country and date, the rates invoice_add accepts per
 * vattype (acumulus-api.md §3.11, §4.1), and the totals model of §4.4.
 */
final class VatTest extends SimTestCase
{
    private const EU = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT',
        'LT', 'LU',
        'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'];

    /** @return list<string> "type rate region" rows, sorted */
    private function lookup(string $country, ?string $date = null): array
    {
        $tree = ['contract' => false, 'vatcountry' => $country];
        if ($date !== null) {
            $tree['vatdate'] = $date;
        }
        $r = $this->call('lookups/lookup_vatinfo', $tree);
        $this->assertAnswer($r, 200, '0');
        $vat = $r->data()['vatinfo']['vat'] ?? [];
        if ($vat !== [] && !array_is_list($vat)) {
            $vat = [$vat];
        }
        $row = static fn (array $v): string => "{$v['vattype']} {$v['vatrate']} {$v['countryregion']}";
        $rows = array_map($row, $vat);
        sort($rows);
        return $rows;
    }

    private static function rows(array $rows): array
    {
        sort($rows);
        return $rows;
    }

    /** The live results that libAcumulus's API behaviour test records (acumulus-api.md §3.11). */
    public function testLiveRecordedLookups(): void
    {
        $this->assertSame(
            self::rows(['reduced 0.0000 1', 'reduced 6.0000 1', 'normal 21.0000 1', 'reduced 0.0000 2',
                'normal 21.0000 2']),
            $this->lookup('nl', '2015-01-01')
        );
        $this->assertSame(self::rows(['reduced 0.0000 1', 'reduced 9.0000 1', 'normal 21.0000 1', 'reduced 0.0000 2',
            'reduced 9.0000 2',
            'normal 21.0000 2', 'reduced -1.0000 2']), $this->lookup('nl'));
        $this->assertSame(
            self::rows(['reduced 6.0000 2', 'reduced 12.0000 2', 'normal 21.0000 2', 'parked 12.0000 2',
                'reduced 0.0000 2']),
            $this->lookup('be', '2015-12-01')
        );
        $this->assertSame([], $this->lookup('be', '2014-12-01'));
        $gb2 = self::rows(['reduced 0.0000 2', 'reduced 5.0000 2', 'normal 20.0000 2']);
        $this->assertSame($gb2, $this->lookup('gb', '2020-12-01'));
        $gb3 = self::rows(['reduced 0.0000 3', 'reduced 5.0000 3', 'normal 20.0000 3']);
        $this->assertSame($gb3, $this->lookup('gb', '2021-01-01'));
        $this->assertSame([], $this->lookup('af', '2020-12-01'));
    }

    public function testDutchReducedRateChangedIn2019(): void
    {
        $this->assertContains('reduced 6.0000 1', $this->lookup('NL', '2018-12-31'));
        $this->assertNotContains('reduced 9.0000 1', $this->lookup('NL', '2018-12-31'));
        $this->assertContains('reduced 9.0000 1', $this->lookup('NL', '2019-01-01'));
        $this->assertNotContains('reduced 6.0000 1', $this->lookup('NL', '2019-01-01'));
        $this->assertContains('normal 19.0000 1', $this->lookup('NL', '2012-09-30'));
        $this->assertContains('normal 21.0000 1', $this->lookup('NL', '2012-10-01'));
    }

    public function testEveryEuCountryHasRatesFrom2015(): void
    {
        foreach (self::EU as $c) {
            foreach (['2015-01-01', '2018-06-01', '2021-07-01', '2026-06-15'] as $date) {
                $rows = $this->lookup($c, $date);
                $isNormal = static fn (string $r): bool => str_starts_with($r, 'normal ') && str_ends_with($r, ' 2');
                $normal = array_values(array_filter($rows, $isNormal));
                $this->assertCount(1, $normal, "$c $date: one normal rate in region 2");
                $rate = (float) explode(' ', $normal[0])[1];
                $this->assertGreaterThanOrEqual(15.0, $rate, "$c $date");
                $this->assertLessThanOrEqual(27.0, $rate, "$c $date");
                if ($date >= '2021-01-01') {
                    $this->assertContains('reduced 0.0000 2', $rows, "$c $date: 0 % for every EU country since 2021");
                }
            }
            if ($c !== 'NL') {
                $this->assertSame([], $this->lookup($c, '2014-12-31'), "$c: no rates before 2015");
            }
        }
        $this->assertContains('normal 16.0000 2', $this->lookup('DE', '2020-08-01'), 'German temporary rate');
        $this->assertContains('normal 19.0000 2', $this->lookup('DE', '2021-01-01'));
        $this->assertContains('normal 25.5000 2', $this->lookup('FI', '2025-01-01'));
        $this->assertContains('superreduced 2.1000 2', $this->lookup('FR', '2024-01-01'));
        $xi = ['normal 20.0000 2', 'reduced 0.0000 2', 'reduced 5.0000 2'];
        $this->assertSame($xi, $this->lookup('XI', '2022-01-01'));
    }

    public function testLookupInXml(): void
    {
        $tree = ['contract' => false, 'format' => 'xml', 'vatcountry' => 'DK', 'vatdate' => '2016-01-01'];
        $r = $this->call('lookups/lookup_vatinfo', $tree);
        $this->assertTrue($r->isXml());
        $x = $r->xml();
        $this->assertCount(2, $x->vatinfo->vat);
        $this->assertSame('25.0000', (string) $x->vatinfo->vat[0]->vatrate);
        $r = $this->call('lookups/lookup_vatinfo', ['contract' => false, 'format' => 'xml', 'vatcountry' => 'US']);
        $this->assertStringContainsString('<vatinfo/>', $r->body);
    }

    private function add(array $invoice, array $customer, array $lines): ApiResult
    {
        return $this->call('invoices/invoice_add', ApiClient::invoice($invoice, $customer, $lines));
    }

    private function line(string $rate, string $price = '100'): array
    {
        return ['product' => 'p', 'unitprice' => $price, 'quantity' => '1', 'vatrate' => $rate];
    }

    public function testRatesAllowedPerVatType(): void
    {
        $ok = [
            ['1', 'NL', '2018-12-31', ['6', '21', '0', '-1']],
            ['1', 'NL', '2019-01-01', ['9', '21.0000', '0']],
            ['1', 'US', '2026-01-01', ['-1']],
            ['2', 'NL', '2026-01-01', ['0']],
            ['3', 'BE', '2026-01-01', ['0', '0.00']],
            ['4', 'US', '2026-01-01', ['0']],
            ['6', 'BE', '2026-01-01', ['21', '12', '6', '0']],
            ['6', 'DE', '2020-08-01', ['16', '5']],
            ['6', 'FR', '2020-02-05', ['20']],
            ['7', 'GB', '2021-01-01', ['20', '5', '0']],
        ];
        foreach ($ok as [$vt, $cc, $date, $rates]) {
            foreach ($rates as $rate) {
                $line = $this->line($rate) + ($vt === '5' ? ['costprice' => '0'] : []);
                $r = $this->add(['vattype' => $vt, 'issuedate' => $date], ['countrycode' => $cc], [$line]);
                $this->assertAnswer($r, 200, '0', [], [], "vattype $vt $cc $date rate $rate");
            }
        }
        $bad = [
            ['1', 'NL', '2018-12-31', ['9', '19', '5']],
            ['1', 'NL', '2019-01-01', ['6']],
            ['2', 'NL', '2026-01-01', ['21', '-1']],
            ['3', 'BE', '2026-01-01', ['21', '-1']],
            ['4', 'US', '2026-01-01', ['21']],
            ['6', 'BE', '2026-01-01', ['-1', '9']],
            ['6', 'DE', '2020-08-01', ['19', '7']],
            ['7', 'GB', '2021-01-01', ['21', '-1']],
        ];
        foreach ($bad as [$vt, $cc, $date, $rates]) {
            foreach ($rates as $rate) {
                $r = $this->add(['vattype' => $vt, 'issuedate' => $date], ['countrycode' => $cc], [$this->line($rate)]);
                $this->assertAnswer($r, 400, '1', ['SIMINV005'], [], "vattype $vt $cc $date rate $rate");
            }
        }
        $impossible = [
            ['6', 'BE', '2014-12-31'],
            ['6', 'US', '2026-01-01'],
            ['7', 'GB', '2020-12-01'],
            ['7', 'FR', '2026-01-01'],
        ];
        foreach ($impossible as [$vt, $cc, $date]) {
            $r = $this->add(['vattype' => $vt, 'issuedate' => $date], ['countrycode' => $cc], [$this->line('20')]);
            $this->assertAnswer($r, 400, '1', ['SIMINV006'], [], "vattype $vt $cc $date");
        }
        $added = array_sum(array_map(static fn (array $c): int => count($c[3]), $ok));
        $this->assertSame($added, count($this->sim()->entries()));
    }

    /** The captured libAcumulus example: FR consumer, vattype 6, 2020, unit price with 12 decimals. */
    public function testTotalsOfTheCapturedExample(): void
    {
        $inv = $this->addInvoice(
            ['vattype' => '6', 'issuedate' => '2020-02-05', 'paymentstatus' => '2', 'paymentdate' => '2020-04-20'],
            ['countrycode' => 'FR'],
            [
                ['product' => 'Ninja Silhouette', 'unitprice' => '78.503443333333', 'quantity' => '1',
                    'vatrate' => '20.0000',
                    'unitpriceinc' => '94.204132', 'meta-vatrate-min' => '19.98'],
                ['product' => 'Vast Tarief', 'unitprice' => '4.1322', 'quantity' => '1', 'vatrate' => '20.0000',
                    'nature' => 'Service'],
            ]
        );
        $e = $this->call('entry/entry_info', ['entryid' => $inv['entryid']])->data()['entry'];
        $this->assertSame('82.63', $e['totalvalueexclvat']);
        $this->assertSame('99.16', $e['totalvalue']);
        $this->assertSame('16.53', $e['totalvalueforeignvat']);
        $this->assertSame('1', $e['foreignvat']);
        $this->assertSame('1', $e['foreigneu']);
        $lines = $this->sim()->entries()[0]['data']['lines'];
        $this->assertSame(['78.5034', '4.1322'], array_column($lines, 'unitprice'));
        $this->assertSame(['78.50', '4.13'], array_column($lines, 'amountex'));
        $this->assertSame(['15.70', '0.83'], array_column($lines, 'vatamount'));
    }

    public function testRoundingHalfAwayFromZero(): void
    {
        $inv = $this->addInvoice([], [], [
            ['unitprice' => '0.125', 'quantity' => '1', 'vatrate' => '21'],     // ex 0.13, vat 0.0273 -> 0.03
            ['unitprice' => '-0.125', 'quantity' => '1', 'vatrate' => '21'],    // ex -0.13, vat -0.03
            ['unitprice' => '1.00005', 'quantity' => '100', 'vatrate' => '9'],  // 100.01, vat 9.0009 -> 9.00
            ['unitprice' => '10', 'quantity' => '0.005', 'vatrate' => '21'],    // qty 0.01: 0.10, vat 0.021 -> 0.02
            ['unitprice' => '2.50', 'quantity' => '1', 'vatrate' => '21'],      // vat 0.525 -> 0.53
            ['unitprice' => '-2.50', 'quantity' => '1', 'vatrate' => '21'],     // vat -0.525 -> -0.53
            ['unitprice' => '99.99', 'quantity' => '3', 'vatrate' => '-1'],     // VAT-free: 299.97, vat 0
        ]);
        $lines = $this->sim()->entries()[0]['data']['lines'];
        $ex = ['0.13', '-0.13', '100.01', '0.10', '2.50', '-2.50', '299.97'];
        $this->assertSame($ex, array_column($lines, 'amountex'));
        $vat = ['0.03', '-0.03', '9.00', '0.02', '0.53', '-0.53', '0.00'];
        $this->assertSame($vat, array_column($lines, 'vatamount'));
        $e = $this->call('entry/entry_info', ['entryid' => $inv['entryid']])->data()['entry'];
        $this->assertSame('400.08', $e['totalvalueexclvat']);
        $this->assertSame('409.10', $e['totalvalue']);
        $this->assertSame('0.00', $e['totalvalueforeignvat']);
    }

    public function testMarginScheme(): void
    {
        $inv = $this->addInvoice(['vattype' => '5'], [], [
            ['product' => 'Used server', 'unitprice' => '121.00', 'costprice' => '100', 'vatrate' => '21'],
            ['product' => 'Sold at a loss', 'unitprice' => '50', 'costprice' => '80', 'vatrate' => '21'],
        ]);
        $lines = $this->sim()->entries()[0]['data']['lines'];
        $what = 'VAT on the margin 21.00 only; none on a loss';
        $this->assertSame(['3.64', '0.00'], array_column($lines, 'vatamount'), $what);
        $this->assertSame(['117.36', '50.00'], array_column($lines, 'amountex'));
        $e = $this->call('entry/entry_info', ['entryid' => $inv['entryid']])->data()['entry'];
        $this->assertSame('1', $e['marginscheme']);
        $this->assertSame('171.00', $e['totalvalue']);
    }

    public function testLargeAmountsStayExact(): void
    {
        $this->addInvoice([], [], [['unitprice' => '123456789012.3456', 'quantity' => '99999.99', 'vatrate' => '21']]);
        $l = $this->sim()->entries()[0]['data']['lines'][0];
        // 123456789012.3456 x 99999.99 = 12345677666666669.876544; a float would have lost the cents
        $this->assertSame('12345677666666669.88', $l['amountex']);
        $this->assertSame('2592592310000000.67', $l['vatamount']); // x 0.21 = 2592592310000000.6748
    }
}
