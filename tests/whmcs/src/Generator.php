<?php

declare(strict_types=1);

namespace WhmcsSandbox;

use WHMCS\Database\Capsule;

/**
 * Realistic clients and invoice history, the same for the same seed.
 *
 * Clients (PROFILES): Dutch consumers and businesses, EU businesses (VAT
 * number, exempt: reverse charge) and consumers (their country's rate: OSS),
 * non-EU clients (no tax rule), UK clients paying in GBP, US clients in USD,
 * tax-exempt Dutch foundations, Greek clients (GR, VAT numbers with EL).
 *
 * Invoices (KINDS, OUTCOMES): hosting (monthly or yearly), domains
 * (register, transfer, renew), promotions (PromoHosting), late fees, manual
 * lines, add funds, mass payments (a container whose originals are paid by
 * credit), paid / unpaid / cancelled / refunded / partly paid / partly
 * refunded / paid with credit. Totals come from Billing under the current tax
 * settings, so every invoice satisfies subtotal + tax + tax2 = total + credit.
 *
 * invoices() writes in bulk (multi-row inserts in one transaction, no hooks):
 * a history that was there before the addon. For invoices that go through
 * WHMCS's flows (hooks), use Scenarios and localAPI.
 */
final class Generator
{
    public const PROFILES = [
        'nl_consumer' => 28, 'nl_business' => 24, 'eu_business' => 12, 'eu_consumer' => 10,
        'non_eu' => 7, 'us' => 4, 'uk' => 6, 'tax_exempt' => 4, 'greece' => 5,
    ];
    public const KINDS = [
        'hosting' => 40, 'domain' => 18, 'hosting_domain' => 14, 'promo' => 7, 'latefee' => 5,
        'manual' => 6, 'addfunds' => 4, 'masspay' => 3, 'multi_year' => 3,
    ];
    public const OUTCOMES = [
        'paid' => 68, 'unpaid' => 12, 'cancelled' => 6, 'refunded' => 3, 'part_paid' => 3,
        'part_refunded' => 3, 'credit_part' => 3, 'credit_full' => 2,
    ];
    private const FIRST = ['Jan', 'Sanne', 'Pieter', 'Eva', 'Daan', 'Lotte', 'Bram', 'Fleur', 'Tom', 'Anna',
        'Lukas', 'Marie', 'Luca', 'Sofia', 'Hugo', 'Emma', 'Nikos', 'Eleni', 'James', 'Olivia', 'Noah', 'Mia'];
    private const LAST = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder',
        'Müller', 'Schmidt', 'Dubois', 'Rossi', 'García', 'Papadopoulos', 'Smith', "O'Brien", 'Nowak', 'Andersson'];
    private const COMPANY = ['Hosting', 'Media', 'Webdesign', 'IT Services', 'Consultancy', 'Digital', 'Solutions',
        'Studio'];
    private const STREET = ['Kerkstraat', 'Main Street', 'Hauptstraße', 'Rue de la Paix', 'Via Roma', 'Odos Ermou'];
    private const CITY = [
        'NL' => ['Amsterdam', 'Utrecht', 'Rotterdam', 'Groningen', 'Eindhoven', 'Zwolle'],
        'DE' => ['Berlin', 'Hamburg', 'München'], 'BE' => ['Antwerpen', 'Gent', 'Brussel'],
        'FR' => ['Paris', 'Lyon'], 'ES' => ['Madrid', 'Valencia'], 'IT' => ['Milano', 'Roma'],
        'AT' => ['Wien'], 'PL' => ['Warszawa'], 'SE' => ['Stockholm'], 'IE' => ['Dublin'], 'DK' => ['København'],
        'FI' => ['Helsinki'], 'PT' => ['Lisboa'], 'GR' => ['Athina', 'Thessaloniki'], 'GB' => ['London', 'Leeds'],
        'US' => ['Austin', 'Portland'], 'CH' => ['Zürich'], 'NO' => ['Oslo'], 'AU' => ['Sydney'], 'CA' => ['Toronto'],
        'JP' => ['Tokyo'],
    ];
    private const EU_OTHER = ['DE', 'BE', 'FR', 'ES', 'IT', 'AT', 'PL', 'SE', 'IE', 'DK', 'FI', 'PT'];
    private const NON_EU = ['CH', 'NO', 'AU', 'CA', 'JP'];
    /** TLD => yearly price in EUR cents. */
    public const TLDS = [
        'nl' => 799, 'com' => 1395, 'eu' => 899, 'be' => 999, 'de' => 899, 'org' => 1495, 'io' => 4500,
    ];
    private const FLUSH_EVERY = 2000;

    private readonly Dice $dice;

    public function __construct(private readonly Sandbox $sb, int $seed)
    {
        $this->dice = new Dice($seed);
    }

    // ---------------------------------------------------------------- clients

    /**
     * The fields of a client of a profile, as AddClient takes them (plus
     * taxexempt, currency code, the VAT Number and IBAN custom field values).
     *
     * @return array<string,string|bool>
     */
    public function clientData(string $profile): array
    {
        $first = $this->dice->pick(self::FIRST);
        $last = $this->dice->pick(self::LAST);
        [$country, $company, $vat, $exempt, $currency] = $this->facts($profile, $last);
        $ascii = iconv('UTF-8', 'ASCII//TRANSLIT', $last) ?: $last;
        $slug = strtolower((string) preg_replace('/[^a-z]+/i', '', $ascii));
        $domain = 'example.' . strtolower($country === 'GB' ? 'uk' : $country);
        $postcode = $country === 'NL'
            ? $this->dice->digits(4) . ' ' . $this->dice->pick(['AB', 'CD', 'XK'])
            : $this->dice->digits(5);
        return [
            'firstname' => $first,
            'lastname' => $last,
            'companyname' => $company,
            'email' => strtolower($first) . '.' . $slug . $this->dice->digits(4) . '@' . $domain,
            'address1' => $this->dice->pick(self::STREET) . ' ' . $this->dice->int(1, 250),
            'address2' => '',
            'city' => $this->dice->pick(self::CITY[$country] ?? ['Capital']),
            'state' => $country === 'US' ? $this->dice->pick(['TX', 'OR']) : '',
            'postcode' => $postcode,
            'country' => $country,
            'phonenumber' => $this->dice->digits(9),
            'tax_id' => $vat,
            'taxexempt' => $exempt,
            'currency_code' => $currency,
            'vatfield' => $vat !== '' && $this->dice->int(0, 3) === 0 ? $vat : '',
            'iban' => $country === 'NL' ? 'NL' . $this->dice->digits(2) . 'INGB' . $this->dice->digits(10) : '',
        ];
    }

    /**
     * Country, company name, VAT number, exempt flag and currency of a profile.
     *
     * @return array{0:string,1:string,2:string,3:bool,4:string}
     */
    private function facts(string $profile, string $last): array
    {
        $maybeLtd = fn (): string => $this->dice->int(0, 1) ? $last . ' Ltd' : '';
        switch ($profile) {
            case 'nl_consumer':
                return ['NL', '', '', false, 'EUR'];
            case 'nl_business':
                return ['NL', $last . ' ' . $this->dice->pick(self::COMPANY) . ' B.V.', $this->vat('NL'), false, 'EUR'];
            case 'eu_business':
                $country = $this->dice->pick(self::EU_OTHER);
                return [$country, $last . ' ' . $this->dice->pick(self::COMPANY), $this->vat($country), true, 'EUR'];
            case 'eu_consumer':
                return [$this->dice->pick(self::EU_OTHER), '', '', false, 'EUR'];
            case 'non_eu':
                return [$this->dice->pick(self::NON_EU), $maybeLtd(), '', false, 'EUR'];
            case 'us':
                return ['US', $last . ' LLC', '', false, 'USD'];
            case 'uk':
                return ['GB', $maybeLtd(), $this->dice->int(0, 1) ? 'GB' . $this->dice->digits(9) : '', false, 'GBP'];
            case 'tax_exempt':
                return ['NL', 'Stichting ' . $last, '', true, 'EUR'];
            case 'greece':
                return $this->dice->int(0, 1)
                    ? ['GR', $last . ' IKE', $this->vat('GR'), true, 'EUR']
                    : ['GR', '', '', false, 'EUR'];
        }
        throw new \InvalidArgumentException("unknown client profile '$profile'");
    }

    /**
     * Inserts clients in bulk (with their owner users and custom field
     * values), a mix of PROFILES (or only the given ones).
     *
     * @param array<string,int>|null $profiles profile => weight
     * @return list<int> the client ids
     */
    public function clients(int $count, ?array $profiles = null): array
    {
        $profiles ??= self::PROFILES;
        $currencies = $this->currencies();
        $vatField = Seeder::customFieldId('VAT Number');
        $ibanField = Seeder::customFieldId('IBAN');
        $now = $this->sb->clock->datetime();
        $nextClient = (int) Capsule::table('tblclients')->max('id') + 1;
        $nextUser = (int) Capsule::table('tblusers')->max('id') + 1;
        $ids = [];
        $clients = $users = $links = $values = [];
        for ($i = 0; $i < $count; $i++) {
            $d = $this->clientData($this->dice->weighted($profiles));
            $id = $nextClient++;
            $ids[] = $id;
            $clients[] = [
                'id' => $id, 'uuid' => $this->uuid(), 'firstname' => $d['firstname'], 'lastname' => $d['lastname'],
                'companyname' => $d['companyname'], 'email' => $d['email'], 'address1' => $d['address1'],
                'address2' => '', 'city' => $d['city'], 'state' => $d['state'], 'postcode' => $d['postcode'],
                'country' => $d['country'], 'phonenumber' => $d['phonenumber'], 'tax_id' => $d['tax_id'],
                'currency' => $currencies[$d['currency_code']]['id'] ?? 1,
                'defaultgateway' => $this->dice->pick(['', 'banktransfer', 'mollieideal', 'paypalcheckout', 'stripe']),
                'credit' => '0.00', 'taxexempt' => $d['taxexempt'] ? 1 : 0, 'datecreated' => $this->sb->clock->date(),
                'status' => $this->dice->int(0, 9) === 0 ? 'Inactive' : 'Active', 'language' => '',
                'created_at' => $now, 'updated_at' => $now,
            ];
            $userId = $nextUser++;
            $users[] = ['id' => $userId, 'first_name' => $d['firstname'], 'last_name' => $d['lastname'],
                'email' => 'u' . $userId . '.' . $d['email'], 'created_at' => $now, 'updated_at' => $now];
            $links[] = ['auth_user_id' => $userId, 'client_id' => $id, 'owner' => 1, 'created_at' => $now,
                'updated_at' => $now];
            foreach ([[$vatField, $d['vatfield']], [$ibanField, $d['iban']]] as [$field, $value]) {
                if ($field !== null && $value !== '') {
                    $values[] = ['fieldid' => $field, 'relid' => $id, 'value' => $value, 'created_at' => $now,
                        'updated_at' => $now];
                }
            }
        }
        Capsule::connection()->transaction(function () use ($clients, $users, $links, $values): void {
            foreach (
                ['tblclients' => $clients, 'tblusers' => $users, 'tblusers_clients' => $links,
                'tblcustomfieldsvalues' => $values] as $table => $rows
            ) {
                foreach (array_chunk($rows, 400) as $chunk) {
                    Capsule::table($table)->insert($chunk);
                }
            }
        });
        return $ids;
    }

    // ---------------------------------------------------------------- invoices

    /**
     * Writes $count invoices of existing clients (or of $count/20 new ones when
     * there are none), dated evenly from $options['from'] to $options['to']
     * (default: two years up to today).
     *
     * @param array<string,mixed> $options from, to, clients (list of ids), kinds, outcomes (weights)
     * @return array{invoices:int,items:int,transactions:int,clients:int,seconds:float}
     */
    public function invoices(int $count, array $options = []): array
    {
        $t0 = microtime(true);
        $clientIds = $options['clients']
            ?? Capsule::table('tblclients')->orderBy('id')->pluck('id')->map('intval')->all();
        if ($clientIds === []) {
            $clientIds = $this->clients(max(1, intdiv($count, 20)));
        }
        $to = new \DateTimeImmutable((string) ($options['to'] ?? $this->sb->clock->date()));
        $from = new \DateTimeImmutable((string) ($options['from'] ?? $to->modify('-2 years')->format('Y-m-d')));
        $days = max(0, (int) $from->diff($to)->days);
        $w = new GeneratorWriter(
            $this->sb,
            $this->dice,
            $clientIds,
            (array) ($options['kinds'] ?? self::KINDS),
            (array) ($options['outcomes'] ?? self::OUTCOMES),
            $this->currencies()
        );
        Capsule::connection()->transaction(function () use ($w, $count, $from, $days): void {
            for ($i = 0; $i < $count; $i++) {
                $offset = $count > 1 ? intdiv($i * $days, $count - 1) : 0;
                $w->invoice($from->modify('+' . $offset . ' days')->format('Y-m-d'));
                if (($i + 1) % self::FLUSH_EVERY === 0) {
                    $w->flush();
                }
            }
            $w->flush();
            $w->finish();
        });
        return $w->counts() + ['clients' => count($clientIds), 'seconds' => round(microtime(true) - $t0, 3)];
    }

    // ---------------------------------------------------------------- helpers

    /** @return array<string,array{id:int,rate:int}> code => id and exchange rate (5 decimals as int) */
    public function currencies(): array
    {
        $out = [];
        foreach (Capsule::table('tblcurrencies')->get() as $c) {
            $out[(string) $c->code] = ['id' => (int) $c->id, 'rate' => Money::exchangeRate((string) $c->rate)];
        }
        return $out;
    }

    private function vat(string $country): string
    {
        return match ($country) {
            'NL' => 'NL' . $this->dice->digits(9) . 'B' . $this->dice->digits(2),
            'BE' => 'BE0' . $this->dice->digits(9),
            'FR' => 'FR' . $this->dice->digits(11),
            'IT' => 'IT' . $this->dice->digits(11),
            'SE' => 'SE' . $this->dice->digits(12),
            'DK', 'FI' => $country . $this->dice->digits(8),
            default => Countries::vatPrefix($country) . $this->dice->digits(9),
        };
    }

    private function uuid(): string
    {
        $hex = $this->dice->hex(16);
        return substr($hex, 0, 8) . '-' . substr($hex, 8, 4) . '-4' . substr($hex, 13, 3) . '-a' . substr($hex, 17, 3)
            . '-' . substr($hex, 20, 12);
    }
}
