<?php

declare(strict_types=1);

namespace WhmcsSandbox;

/**
 * The countries the sandbox knows: ISO 3166 alpha-2 code => English name,
 * international calling code, and (EU members) the standard VAT rate of 2026
 * in thousandths of a percent, used for the EU tax rules the seed creates.
 * WHMCS uses GR for Greece; VAT numbers there start with EL.
 */
final class Countries
{
    /** code => [name, calling code, standard VAT rate or null outside the EU] */
    private const LIST = [
        'AT' => ['Austria', '43', 20000],
        'BE' => ['Belgium', '32', 21000],
        'BG' => ['Bulgaria', '359', 20000],
        'HR' => ['Croatia', '385', 25000],
        'CY' => ['Cyprus', '357', 19000],
        'CZ' => ['Czech Republic', '420', 21000],
        'DK' => ['Denmark', '45', 25000],
        'EE' => ['Estonia', '372', 24000],
        'FI' => ['Finland', '358', 25500],
        'FR' => ['France', '33', 20000],
        'DE' => ['Germany', '49', 19000],
        'GR' => ['Greece', '30', 24000],
        'HU' => ['Hungary', '36', 27000],
        'IE' => ['Ireland', '353', 23000],
        'IT' => ['Italy', '39', 22000],
        'LV' => ['Latvia', '371', 21000],
        'LT' => ['Lithuania', '370', 21000],
        'LU' => ['Luxembourg', '352', 17000],
        'MT' => ['Malta', '356', 18000],
        'NL' => ['Netherlands', '31', 21000],
        'PL' => ['Poland', '48', 23000],
        'PT' => ['Portugal', '351', 23000],
        'RO' => ['Romania', '40', 21000],
        'SK' => ['Slovakia', '421', 23000],
        'SI' => ['Slovenia', '386', 22000],
        'ES' => ['Spain', '34', 21000],
        'SE' => ['Sweden', '46', 25000],
        'GB' => ['United Kingdom', '44', null],
        'CH' => ['Switzerland', '41', null],
        'NO' => ['Norway', '47', null],
        'US' => ['United States', '1', null],
        'CA' => ['Canada', '1', null],
        'AU' => ['Australia', '61', null],
        'JP' => ['Japan', '81', null],
        'ZA' => ['South Africa', '27', null],
    ];

    public static function name(string $code): string
    {
        return self::LIST[strtoupper($code)][0] ?? strtoupper($code);
    }

    public static function callingCode(string $code): string
    {
        return self::LIST[strtoupper($code)][1] ?? '';
    }

    public static function isEu(string $code): bool
    {
        return isset(self::LIST[strtoupper($code)]) && self::LIST[strtoupper($code)][2] !== null;
    }

    /** @return array<string,int> EU code => standard VAT rate (thousandths of a percent) */
    public static function euRates(): array
    {
        $out = [];
        foreach (self::LIST as $code => [, , $rate]) {
            if ($rate !== null) {
                $out[$code] = $rate;
            }
        }
        return $out;
    }

    /** The prefix of a VAT number of this country (EL for Greece). */
    public static function vatPrefix(string $code): string
    {
        $code = strtoupper($code);
        return $code === 'GR' ? 'EL' : $code;
    }

    /**
     * Whether a VAT number looks valid for the country: its prefix and 8 to 12
     * letters and digits. The sandbox's stand-in for a VIES check.
     */
    public static function vatNumberLooksValid(string $country, string $vat): bool
    {
        $vat = strtoupper(preg_replace('/[\s.\-]/', '', $vat) ?? '');
        $prefix = self::vatPrefix($country);
        return self::isEu($country) && str_starts_with($vat, $prefix)
            && (bool) preg_match('/^[A-Z0-9]{8,12}$/', substr($vat, strlen($prefix)));
    }
}
