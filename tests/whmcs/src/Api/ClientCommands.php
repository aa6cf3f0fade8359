<?php

declare(strict_types=1);

namespace WhmcsSandbox\Api;

use InvalidArgumentException;
use WHMCS\Database\Capsule;
use WhmcsSandbox\Countries;
use WhmcsSandbox\Money;
use WhmcsSandbox\Sandbox;

/** GetClientsDetails, AddClient, UpdateClient, AddCredit, GetCredits. */
final class ClientCommands
{
    /** AddClient / UpdateClient fields stored as-is. */
    private const TEXT_FIELDS = ['firstname', 'lastname', 'companyname', 'email', 'address1', 'address2', 'city',
        'state', 'postcode', 'country', 'phonenumber', 'tax_id', 'notes', 'language', 'defaultgateway'];
    private const FLAGS = ['taxexempt', 'latefeeoveride', 'overideduenotices', 'separateinvoices', 'disableautocc',
        'emailoptout', 'marketing_emails_opt_in', 'overrideautoclose'];
    /** The address fields hooks receive. */
    private const ADDRESS = ['firstname', 'lastname', 'companyname', 'email', 'address1', 'address2', 'city', 'state',
        'postcode', 'country', 'phonenumber'];

    public function __construct(private readonly Sandbox $sb)
    {
    }

    /** @param array<string,mixed> $p @return array<string,mixed> */
    public function getClientsDetails(array $p): array
    {
        $clientId = (int) ($p['clientid'] ?? 0);
        $email = trim((string) ($p['email'] ?? ''));
        if ($clientId <= 0 && $email === '') {
            throw new InvalidArgumentException('Either clientid Or email Is Required');
        }
        $q = Capsule::table('tblclients');
        $row = $clientId > 0 ? $q->where('id', $clientId)->first() : $q->where('email', $email)->orderBy('id')->first();
        if ($row === null) {
            throw new InvalidArgumentException('Client Not Found');
        }
        $client = $this->clientArray($row);
        // WHMCS 8 still repeats the client fields at the top level (deprecated).
        $out = ['result' => 'success'] + $client + ['client' => $client];
        if (Shape::bool($p['stats'] ?? false)) {
            $out['stats'] = $this->stats($row);
        }
        return $out;
    }

    /** @param array<string,mixed> $p @return array<string,mixed> */
    public function addClient(array $p): array
    {
        $skip = Shape::bool($p['skipvalidation'] ?? false);
        $required = [
            'firstname' => 'You did not enter your first name',
            'lastname' => 'You did not enter your last name',
            'email' => 'You did not enter your email address',
            'address1' => 'You did not enter your address line 1',
            'city' => 'You did not enter your city',
            'state' => 'You did not enter your state',
            'postcode' => 'You did not enter your postcode',
            'country' => 'You did not enter your country',
            'phonenumber' => 'You did not enter your phone number',
        ];
        if (!$skip) {
            foreach ($required as $field => $message) {
                if (trim((string) ($p[$field] ?? '')) === '') {
                    throw new InvalidArgumentException($message);
                }
            }
            if (!filter_var((string) $p['email'], FILTER_VALIDATE_EMAIL)) {
                throw new InvalidArgumentException('The email address you entered was not valid');
            }
        }
        $now = $this->sb->clock->datetime();
        $row = ['uuid' => self::uuid(), 'datecreated' => $this->sb->clock->date(), 'created_at' => $now,
            'updated_at' => $now, 'status' => 'Active', 'credit' => '0.00', 'password' => '',
            'email_preferences' => null,
            'currency' => (int) ($p['currency'] ?? 0) ?: $this->defaultCurrencyId(),
            'groupid' => (int) ($p['groupid'] ?? 0),
            'marketing_emails_opt_in' => Shape::bool($p['marketingoptin'] ?? false) ? 1 : 0,
            'ip' => (string) ($p['clientip'] ?? ''), 'allow_sso' => 1, 'email_verified' => 0];
        foreach (self::TEXT_FIELDS as $f) {
            $row[$f] = trim((string) ($p[$f] ?? ''));
        }
        $row['country'] = strtoupper($row['country']);
        $row['taxexempt'] = $this->euExempt($row['country'], $row['tax_id']) ? 1 : 0;
        $customFields = $this->decodeCustomFields($p['customfields'] ?? null);
        $clientId = 0;
        $userId = 0;
        Capsule::connection()->transaction(function () use ($row, $customFields, $p, &$clientId, &$userId): void {
            $clientId = (int) Capsule::table('tblclients')->insertGetId($row);
            $userId = $this->ownerUser($row, (string) ($p['password2'] ?? ''));
            Capsule::table('tblusers_clients')->insert([
                'auth_user_id' => $userId, 'client_id' => $clientId, 'owner' => 1,
                'created_at' => $row['created_at'], 'updated_at' => $row['created_at'],
            ]);
            $this->saveCustomFields($clientId, $customFields);
        });
        $created = Capsule::table('tblclients')->where('id', $clientId)->first();
        $vars = ['client_id' => $clientId, 'user_id' => $userId, 'userid' => $clientId];
        foreach ([...self::ADDRESS, 'tax_id'] as $f) {
            $vars[$f] = (string) $created->$f;
        }
        $vars['password'] = (string) ($p['password2'] ?? '');
        $vars['customFields'] = $customFields;
        foreach (self::FLAGS as $f) {
            $vars[$f] = (bool) $created->$f;
        }
        $vars['notes'] = (string) $created->notes;
        $vars['groupid'] = (int) $created->groupid;
        $this->sb->hooks()->run('ClientAdd', $vars);
        return ['result' => 'success', 'clientid' => $clientId];
    }

    /** @param array<string,mixed> $p @return array<string,mixed> */
    public function updateClient(array $p): array
    {
        $clientId = (int) ($p['clientid'] ?? 0);
        $old = $clientId > 0 ? Capsule::table('tblclients')->where('id', $clientId)->first() : null;
        if ($old === null) {
            throw new InvalidArgumentException('Client ID Not Found');
        }
        $update = [];
        foreach (self::TEXT_FIELDS as $f) {
            if (array_key_exists($f, $p)) {
                $update[$f] = trim((string) $p[$f]);
            }
        }
        if (isset($update['country'])) {
            $update['country'] = strtoupper($update['country']);
        }
        foreach (self::FLAGS as $f) {
            if (array_key_exists($f, $p)) {
                $update[$f] = Shape::bool($p[$f]) ? 1 : 0;
            }
        }
        foreach (['currency', 'groupid', 'billingcid'] as $f) {
            if (array_key_exists($f, $p)) {
                $update[$f] = (int) $p[$f];
            }
        }
        if (isset($p['status']) && in_array($p['status'], ['Active', 'Inactive', 'Closed'], true)) {
            $update['status'] = $p['status'];
        }
        $vatChanged = isset($update['tax_id']) || isset($update['country']);
        $country = $update['country'] ?? (string) $old->country;
        $taxId = $update['tax_id'] ?? (string) $old->tax_id;
        if (!array_key_exists('taxexempt', $p) && $vatChanged && $this->euExempt($country, $taxId)) {
            $update['taxexempt'] = 1;
        }
        if (isset($p['credit']) && $p['credit'] !== '') {
            $update['credit'] = Money::format(Shape::cents($p['credit']) ?? 0);
        }
        $update['updated_at'] = $this->sb->clock->datetime();
        Capsule::table('tblclients')->where('id', $clientId)->update($update);
        $this->saveCustomFields($clientId, $this->decodeCustomFields($p['customfields'] ?? null));
        $new = Capsule::table('tblclients')->where('id', $clientId)->first();
        $vars = ['userid' => $clientId, 'uuid' => (string) $new->uuid];
        foreach ([...self::ADDRESS, 'notes', 'status', 'language', 'authmodule', 'authdata'] as $f) {
            $vars[$f] = (string) $new->$f;
        }
        $vars['currency'] = (int) $new->currency;
        foreach (self::FLAGS as $f) {
            $vars[$f] = (bool) $new->$f;
        }
        $vars['billingcid'] = (int) $new->billingcid;
        $vars['groupid'] = (int) $new->groupid;
        $vars['allow_sso'] = (bool) $new->allow_sso;
        $vars['email_verified'] = (bool) $new->email_verified;
        $vars['isOptedInToMarketingEmails'] = (bool) $new->marketing_emails_opt_in;
        $vars['olddata'] = array_map(static fn ($v) => $v === null ? '' : (string) $v, (array) $old);
        unset($vars['olddata']['password']);
        $this->sb->hooks()->run('ClientEdit', $vars);
        return ['result' => 'success', 'clientid' => $clientId];
    }

    /** @param array<string,mixed> $p @return array<string,mixed> */
    public function addCredit(array $p): array
    {
        $clientId = (int) ($p['clientid'] ?? 0);
        if ($clientId <= 0 || !Capsule::table('tblclients')->where('id', $clientId)->exists()) {
            throw new InvalidArgumentException('Client ID Not Found');
        }
        $amount = Shape::cents($p['amount'] ?? null) ?? 0;
        if ($amount <= 0) {
            throw new InvalidArgumentException('Amount must be greater than zero');
        }
        $type = (string) ($p['type'] ?? 'add');
        $this->sb->invoices()->addClientCredit(
            $clientId,
            $type === 'remove' ? -$amount : $amount,
            (string) ($p['description'] ?? '')
        );
        return ['result' => 'success',
            'newbalance' => Shape::money(Capsule::table('tblclients')->where('id', $clientId)->value('credit'))];
    }

    /** @param array<string,mixed> $p @return array<string,mixed> */
    public function getCredits(array $p): array
    {
        $clientId = (int) ($p['clientid'] ?? 0);
        if ($clientId <= 0 || !Capsule::table('tblclients')->where('id', $clientId)->exists()) {
            throw new InvalidArgumentException('Client ID Not Found');
        }
        $list = [];
        foreach (Capsule::table('tblcredit')->where('clientid', $clientId)->orderBy('id')->get() as $c) {
            $list[] = ['id' => (int) $c->id, 'date' => (string) $c->date, 'description' => (string) $c->description,
                'amount' => Shape::money($c->amount), 'relid' => (int) $c->relid];
        }
        return ['result' => 'success', 'totalresults' => count($list), 'clientid' => $clientId,
            'credits' => ['credit' => $list]];
    }

    /** The `client` array of GetClientsDetails. @return array<string,mixed> */
    public function clientArray(object $c): array
    {
        $id = (int) $c->id;
        $owner = Capsule::table('tblusers_clients')->where('client_id', $id)->where('owner', 1)->value('auth_user_id');
        $currency = Capsule::table('tblcurrencies')->where('id', (int) $c->currency)->first();
        $cc = Countries::callingCode((string) $c->country);
        $digits = preg_replace('/\D+/', '', (string) $c->phonenumber) ?? '';
        $formatted = $cc !== '' && $digits !== '' ? '+' . $cc . '.' . ltrim($digits, '0') : (string) $c->phonenumber;
        $prefs = json_decode((string) ($c->email_preferences ?? ''), true);
        if (!is_array($prefs)) {
            $prefs = ['general' => 1, 'invoice' => 1, 'support' => 1, 'product' => 1, 'domain' => 1, 'affiliate' => 1];
        }
        $client = [
            'client_id' => $id,
            'owner_user_id' => $owner === null ? 0 : (int) $owner,
            'userid' => $id,
            'id' => $id,
            'uuid' => (string) $c->uuid,
            'firstname' => (string) $c->firstname,
            'lastname' => (string) $c->lastname,
            'fullname' => trim($c->firstname . ' ' . $c->lastname),
            'companyname' => (string) $c->companyname,
            'email' => (string) $c->email,
            'address1' => (string) $c->address1,
            'address2' => (string) $c->address2,
            'city' => (string) $c->city,
            'fullstate' => (string) $c->state,
            'state' => (string) $c->state,
            'postcode' => (string) $c->postcode,
            'countrycode' => (string) $c->country,
            'country' => (string) $c->country,
            'phonenumber' => (string) $c->phonenumber,
            'tax_id' => (string) $c->tax_id,
            'email_preferences' => $prefs,
            'statecode' => (string) $c->state,
            'countryname' => Countries::name((string) $c->country),
            'phonecc' => $cc === '' ? 0 : (int) $cc,
            'phonenumberformatted' => $formatted,
            'telephoneNumber' => $formatted,
            'billingcid' => (int) $c->billingcid,
            'notes' => (string) $c->notes,
            'twofaenabled' => (string) $c->authmodule !== '',
            'currency' => (int) $c->currency,
            'defaultgateway' => (string) $c->defaultgateway,
            'cctype' => (string) $c->cardtype,
            'cclastfour' => (string) $c->cardlastfour,
            'gatewayid' => (string) $c->gatewayid,
            'securityqid' => (int) $c->securityqid,
            'securityqans' => (string) $c->securityqans,
            'groupid' => (int) $c->groupid,
            'status' => (string) $c->status,
            'credit' => Shape::money($c->credit),
            'taxexempt' => (bool) $c->taxexempt,
            'latefeeoveride' => (bool) $c->latefeeoveride,
            'overideduenotices' => (bool) $c->overideduenotices,
            'separateinvoices' => (bool) $c->separateinvoices,
            'disableautocc' => (bool) $c->disableautocc,
            'emailoptout' => (bool) $c->emailoptout,
            'marketing_emails_opt_in' => (bool) $c->marketing_emails_opt_in,
            'overrideautoclose' => (bool) $c->overrideautoclose,
            'allowSingleSignOn' => (bool) $c->allow_sso,
            'email_verified' => (bool) $c->email_verified,
            'language' => (string) $c->language,
            'isOptedInToMarketingEmails' => (bool) $c->marketing_emails_opt_in,
            'lastlogin' => $c->lastlogin === null ? 'No Login Logged' : 'Date: ' . $c->lastlogin,
            'currency_code' => $currency === null ? '' : (string) $currency->code,
        ];
        $client['customfields'] = [];
        $position = 0;
        foreach ($this->customFieldValues($id) as $fieldId => $value) {
            $client['customfields'][] = ['id' => $fieldId, 'value' => $value];
            $client['customfields' . ++$position] = $value;
        }
        $users = [];
        $rows = Capsule::table('tblusers_clients')
            ->join('tblusers', 'tblusers.id', '=', 'tblusers_clients.auth_user_id')
            ->where('tblusers_clients.client_id', $id)
            ->orderBy('tblusers.id')
            ->get(['tblusers.id', 'tblusers.first_name', 'tblusers.last_name', 'tblusers.email',
                'tblusers_clients.owner']);
        foreach ($rows as $u) {
            $users[] = ['id' => (int) $u->id, 'name' => trim($u->first_name . ' ' . $u->last_name),
                'email' => (string) $u->email, 'is_owner' => (bool) $u->owner];
        }
        $client['users'] = ['user' => $users];
        return $client;
    }

    /**
     * Every client custom field in display order (sortorder, id), with this
     * client's value or ''.
     *
     * @return array<int,string> field id => value
     */
    public function customFieldValues(int $clientId): array
    {
        $values = [];
        foreach (Capsule::table('tblcustomfieldsvalues')->where('relid', $clientId)->get() as $v) {
            $values[(int) $v->fieldid] = (string) $v->value;
        }
        $out = [];
        $fields = Capsule::table('tblcustomfields')->where('type', 'client')
            ->orderBy('sortorder')->orderBy('id')->get(['id']);
        foreach ($fields as $f) {
            $out[(int) $f->id] = $values[(int) $f->id] ?? '';
        }
        return $out;
    }

    /** @return array<string,mixed> a subset of the documented stats, amounts formatted in the client's currency */
    private function stats(object $c): array
    {
        $invoices = Capsule::table('tblinvoices')->where('userid', (int) $c->id)
            ->get(['id', 'status', 'total', 'duedate']);
        $n = ['Unpaid' => 0, 'Paid' => 0, 'Cancelled' => 0, 'Refunded' => 0, 'Collections' => 0, 'Draft' => 0];
        $sum = $n;
        $overdue = 0;
        $overdueSum = 0;
        foreach ($invoices as $i) {
            $status = (string) $i->status;
            if (!isset($n[$status])) {
                continue;
            }
            $n[$status]++;
            $sum[$status] += Money::cents((string) $i->total);
            if ($status === 'Unpaid' && (string) $i->duedate < $this->sb->clock->date()) {
                $overdue++;
                $overdueSum += Money::cents((string) $i->total);
            }
        }
        $income = 0;
        $transactions = Capsule::table('tblaccounts')->where('userid', (int) $c->id)
            ->get(['amountin', 'amountout', 'fees']);
        foreach ($transactions as $t) {
            $income += Money::cents((string) $t->amountin) - Money::cents((string) $t->fees)
                - Money::cents((string) $t->amountout);
        }
        $fmt = fn (int $cents): string => (string) formatCurrency(Money::format($cents), (int) $c->currency);
        return [
            'numdueinvoices' => $n['Unpaid'],
            'dueinvoicesbalance' => $fmt($sum['Unpaid']),
            'income' => $fmt($income),
            'creditbalance' => $fmt(Money::cents((string) $c->credit)),
            'numoverdueinvoices' => $overdue,
            'overdueinvoicesbalance' => $fmt($overdueSum),
            'numDraftInvoices' => $n['Draft'],
            'draftInvoicesBalance' => $fmt($sum['Draft']),
            'numpaidinvoices' => $n['Paid'],
            'paidinvoicesamount' => $fmt($sum['Paid']),
            'numunpaidinvoices' => $n['Unpaid'],
            'unpaidinvoicesamount' => $fmt($sum['Unpaid']),
            'numcancelledinvoices' => $n['Cancelled'],
            'cancelledinvoicesamount' => $fmt($sum['Cancelled']),
            'numrefundedinvoices' => $n['Refunded'],
            'refundedinvoicesamount' => $fmt($sum['Refunded']),
            'numcollectionsinvoices' => $n['Collections'],
            'collectionsinvoicesamount' => $fmt($sum['Collections']),
        ];
    }

    /**
     * WHMCS's EU VAT option (TaxEUTaxExempt) makes a client with a valid EU VAT
     * number tax exempt, except in the home country when
     * TaxEUHomeCountryNoExempt is on. Validity here is a format check, not VIES.
     */
    private function euExempt(string $country, string $taxId): bool
    {
        $s = $this->sb->settings();
        if (!$s->isOn('TaxEUTaxExempt') || $taxId === '' || !Countries::vatNumberLooksValid($country, $taxId)) {
            return false;
        }
        return !($country === $s->get('TaxEUHomeCountry') && $s->isOn('TaxEUHomeCountryNoExempt'));
    }

    /**
     * AddClient/UpdateClient take custom fields as base64 of a serialized
     * array fieldid => value.
     *
     * @return array<int,string>
     */
    private function decodeCustomFields(mixed $encoded): array
    {
        if ($encoded === null || $encoded === '') {
            return [];
        }
        $raw = base64_decode((string) $encoded, true);
        $data = $raw === false ? false : @unserialize($raw, ['allowed_classes' => false]);
        if (!is_array($data)) {
            throw new InvalidArgumentException('Invalid customfields: base64 of a serialized array expected');
        }
        $out = [];
        foreach ($data as $fieldId => $value) {
            $out[(int) $fieldId] = (string) $value;
        }
        return $out;
    }

    /** @param array<int,string> $values */
    private function saveCustomFields(int $clientId, array $values): void
    {
        $now = $this->sb->clock->datetime();
        foreach ($values as $fieldId => $value) {
            $q = Capsule::table('tblcustomfieldsvalues')->where('fieldid', $fieldId)->where('relid', $clientId);
            if ($q->exists()) {
                $q->update(['value' => $value, 'updated_at' => $now]);
            } else {
                Capsule::table('tblcustomfieldsvalues')->insert(['fieldid' => $fieldId, 'relid' => $clientId,
                    'value' => $value, 'created_at' => $now, 'updated_at' => $now]);
            }
        }
    }

    /** The login user owning the new client (8.0+): found by email or created. @param array<string,mixed> $row */
    private function ownerUser(array $row, string $password): int
    {
        $existing = Capsule::table('tblusers')->where('email', $row['email'])->value('id');
        if ($existing !== null && $row['email'] !== '') {
            return (int) $existing;
        }
        return (int) Capsule::table('tblusers')->insertGetId([
            'first_name' => $row['firstname'],
            'last_name' => $row['lastname'],
            'email' => $row['email'] !== '' ? $row['email'] : 'client-' . $row['uuid'] . '@invalid',
            'password' => $password === '' ? '' : password_hash($password, PASSWORD_DEFAULT),
            'language' => $row['language'],
            'created_at' => $row['created_at'],
            'updated_at' => $row['created_at'],
        ]);
    }

    private function defaultCurrencyId(): int
    {
        return (int) (Capsule::table('tblcurrencies')->where('default', 1)->value('id') ?? 1);
    }

    public static function uuid(): string
    {
        $b = random_bytes(16);
        $b[6] = chr((ord($b[6]) & 0x0f) | 0x40);
        $b[8] = chr((ord($b[8]) & 0x3f) | 0x80);
        return vsprintf('%s%s-%s-%s-%s-%s%s%s', str_split(bin2hex($b), 4));
    }
}
