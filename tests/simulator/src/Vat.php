<?php

declare(strict_types=1);

namespace AcuSim;

/**
 * VAT rates per country and date, as lookup_vatinfo returns them, and the
 * rates invoice_add accepts per invoice vattype (acumulus-api.md §3.11, §4.1).
 *
 * Rates are the member states' standard, reduced, super-reduced and parking
 * rates from 2015-01-01 on (NL from 2001), including the temporary changes that
 * applied to all supplies of a rate (DE 16/5 in 2020 H2, IE 21 in 2020-09 ..
 * 2021-02, LU 16/13/7 in 2023). Compiled from general knowledge of the
 * European Commission's rate tables; see docs/simulator.md.
 */
final class Vat
{
    public const REGION_NL = '1';
    public const REGION_EU = '2';
    public const REGION_WORLD = '3';

    /** Since this date every EU country reports a 0 % rate (libAcumulus changelog 6.1.2: "early 2021"). */
    private const ZERO_FOR_ALL_EU = '2021-01-01';
    /** NL as an OSS destination: 0 and normal only before the OSS rules, then also reduced and VAT-free. */
    private const NL_OSS_START = '2021-07-01';
    private const EU_START = '2015-01-01';
    private const BREXIT = '2021-01-01';

    /**
     * country => list of [from-date, normal, reduced[], superreduced[], parked[], has-a-real-zero-rate].
     * A period runs until the next one starts.
     */
    private const TABLE = [
        'AT' => [
            ['2015-01-01', '20', ['10', '12'], [], ['12'], false],
            ['2016-01-01', '20', ['10', '13'], [], ['13'], false],
            ['2020-07-01', '20', ['5', '10', '13'], [], ['13'], false],
            ['2022-01-01', '20', ['10', '13'], [], ['13'], false],
        ],
        'BE' => [['2015-01-01', '21', ['6', '12'], [], ['12'], true]],
        'BG' => [['2015-01-01', '20', ['9'], [], [], false]],
        'CY' => [['2015-01-01', '19', ['5', '9'], [], [], false]],
        'CZ' => [
            ['2015-01-01', '21', ['10', '15'], [], [], false],
            ['2024-01-01', '21', ['12'], [], [], false],
        ],
        'DE' => [
            ['2015-01-01', '19', ['7'], [], [], false],
            ['2020-07-01', '16', ['5'], [], [], false],
            ['2021-01-01', '19', ['7'], [], [], false],
        ],
        'DK' => [['2015-01-01', '25', [], [], [], true]],
        'EE' => [
            ['2015-01-01', '20', ['9'], [], [], false],
            ['2024-01-01', '22', ['9'], [], [], false],
            ['2025-01-01', '22', ['9', '13'], [], [], false],
            ['2025-07-01', '24', ['9', '13'], [], [], false],
        ],
        'ES' => [['2015-01-01', '21', ['10'], ['4'], [], false]],
        'FI' => [
            ['2015-01-01', '24', ['10', '14'], [], [], true],
            ['2024-09-01', '25.5', ['10', '14'], [], [], true],
        ],
        'FR' => [['2015-01-01', '20', ['5.5', '10'], ['2.1'], [], false]],
        'GR' => [
            ['2015-01-01', '23', ['6.5', '13'], [], [], false],
            ['2016-06-01', '24', ['6', '13'], [], [], false],
        ],
        'HR' => [['2015-01-01', '25', ['5', '13'], [], [], false]],
        'HU' => [['2015-01-01', '27', ['5', '18'], [], [], false]],
        'IE' => [
            ['2015-01-01', '23', ['9', '13.5'], ['4.8'], ['13.5'], true],
            ['2020-09-01', '21', ['9', '13.5'], ['4.8'], ['13.5'], true],
            ['2021-03-01', '23', ['9', '13.5'], ['4.8'], ['13.5'], true],
        ],
        'IT' => [
            ['2015-01-01', '22', ['10'], ['4'], [], false],
            ['2016-01-01', '22', ['5', '10'], ['4'], [], false],
        ],
        'LT' => [['2015-01-01', '21', ['5', '9'], [], [], false]],
        'LU' => [
            ['2015-01-01', '17', ['8'], ['3'], ['14'], false],
            ['2023-01-01', '16', ['7'], ['3'], ['13'], false],
            ['2024-01-01', '17', ['8'], ['3'], ['14'], false],
        ],
        'LV' => [
            ['2015-01-01', '21', ['12'], [], [], false],
            ['2018-01-01', '21', ['5', '12'], [], [], false],
        ],
        'MT' => [['2015-01-01', '18', ['5', '7'], [], [], true]],
        'NL' => [
            ['2001-01-01', '19', ['6'], [], [], true],
            ['2012-10-01', '21', ['6'], [], [], true],
            ['2019-01-01', '21', ['9'], [], [], true],
        ],
        'PL' => [['2015-01-01', '23', ['5', '8'], [], [], false]],
        'PT' => [['2015-01-01', '23', ['6', '13'], [], ['13'], false]],
        'RO' => [
            ['2015-01-01', '24', ['5', '9'], [], [], false],
            ['2016-01-01', '20', ['5', '9'], [], [], false],
            ['2017-01-01', '19', ['5', '9'], [], [], false],
            ['2025-08-01', '21', ['11'], [], [], false],
        ],
        'SE' => [['2015-01-01', '25', ['6', '12'], [], [], true]],
        'SI' => [
            ['2015-01-01', '22', ['9.5'], [], [], false],
            ['2020-01-01', '22', ['5', '9.5'], [], [], false],
        ],
        'SK' => [
            ['2015-01-01', '20', ['10'], [], [], false],
            ['2025-01-01', '23', ['5', '19'], [], [], false],
        ],
        'GB' => [['2015-01-01', '20', ['5'], [], [], true]],
        // Northern Ireland: in the EU VAT area for goods since Brexit, at UK rates.
        'XI' => [['2021-01-01', '20', ['5'], [], [], true]],
    ];

    /** EU member states (ISO codes; Greece is GR) on a date. GB until Brexit. */
    public static function isEu(string $country, string $date): bool
    {
        $country = strtoupper($country);
        if ($country === 'GB') {
            return $date < self::BREXIT;
        }
        if ($country === 'XI') {
            return false;
        }
        return isset(self::TABLE[$country]);
    }

    /**
     * The lookup_vatinfo answer: list of ['vattype' =>, 'vatrate' => 4 decimals, 'countryregion' =>].
     * $country must be upper case and valid; an empty list means "no rates known".
     */
    public static function lookup(string $country, string $date): array
    {
        $out = [];
        if ($country === 'NL') {
            $p = self::period('NL', $date);
            if ($p === null) {
                return [];
            }
            foreach (self::expand($p, true) as [$type, $rate]) {
                $out[] = self::row($type, $rate, self::REGION_NL);
            }
            if ($date >= self::EU_START) {
                $out[] = self::row('normal', $p[1], self::REGION_EU);
                if ($date >= self::NL_OSS_START) {
                    foreach ($p[2] as $r) {
                        $out[] = self::row('reduced', $r, self::REGION_EU);
                    }
                }
                $out[] = self::row('reduced', '0', self::REGION_EU);
                if ($date >= self::NL_OSS_START) {
                    $out[] = self::row('reduced', '-1', self::REGION_EU);
                }
            }
            return $out;
        }
        if ($date < self::EU_START) {
            return [];
        }
        $p = self::period($country, $date);
        if ($p === null) {
            return [];
        }
        $region = ($country === 'GB' && $date >= self::BREXIT) ? self::REGION_WORLD : self::REGION_EU;
        $zero = $p[5] || ($region === self::REGION_EU && $date >= self::ZERO_FOR_ALL_EU);
        foreach (self::expand($p, $zero) as [$type, $rate]) {
            $out[] = self::row($type, $rate, $region);
        }
        return $out;
    }

    /**
     * The line VAT rates invoice_add accepts for an invoice vattype; decimal
     * strings as Money::parse gives them. Empty: the vattype is impossible here.
     */
    public static function allowedRates(int $vattype, string $country, string $date): array
    {
        $country = strtoupper($country);
        switch ($vattype) {
            case 1:
            case 5:
                $nl = self::regionRates('NL', $date, self::REGION_NL);
                return array_values(array_unique(array_merge($nl, ['0', '-1'])));
            case 2:
            case 3:
            case 4:
                return ['0'];
            case 6:
                $rates = self::regionRates($country, $date, self::REGION_EU);
                return array_values(array_filter($rates, static fn (string $r): bool => $r !== '-1'));
            case 7:
                return self::regionRates($country, $date, self::REGION_WORLD);
        }
        return [];
    }

    private static function regionRates(string $country, string $date, string $region): array
    {
        $rates = [];
        foreach (self::lookup($country, $date) as $row) {
            if ($row['countryregion'] === $region) {
                $rates[] = Money::parse($row['vatrate']);
            }
        }
        return array_values(array_unique($rates));
    }

    private static function period(string $country, string $date): ?array
    {
        $found = null;
        foreach (self::TABLE[$country] ?? [] as $p) {
            if ($p[0] <= $date) {
                $found = $p;
            }
        }
        return $found;
    }

    /** [type, rate] pairs of a period: normal, reduced (high to low), super-reduced, parked, zero. */
    private static function expand(array $p, bool $zero): array
    {
        $out = [['normal', $p[1]]];
        $reduced = $p[2];
        usort($reduced, static fn (string $a, string $b): int => Money::cmp($b, $a));
        foreach ($reduced as $r) {
            $out[] = ['reduced', $r];
        }
        foreach ($p[3] as $r) {
            $out[] = ['superreduced', $r];
        }
        foreach ($p[4] as $r) {
            $out[] = ['parked', $r];
        }
        if ($zero) {
            $out[] = ['reduced', '0'];
        }
        return $out;
    }

    private static function row(string $type, string $rate, string $region): array
    {
        return ['vattype' => $type, 'vatrate' => Money::format($rate, 4), 'countryregion' => $region];
    }
}
