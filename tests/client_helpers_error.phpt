--TEST--
Typed helpers and call(): arguments are checked before anything is sent (ValueError naming the argument)
--EXTENSIONS--
acumulus
--FILE--
<?php
$c = new Acumulus\Client('1', 'u', 'p', 'WHMCS 8', ['apiUrl' => 'https://127.0.0.1:9']);
$t = str_repeat('A', 32);
$cases = [
    'call: upper case' => fn () => $c->call('Invoices/invoice_add'),
    'call: .php' => fn () => $c->call('invoices/invoice_add.php'),
    'call: no group' => fn () => $c->call('invoice_add'),
    'call: three parts' => fn () => $c->call('a/b/c'),
    'call: ../' => fn () => $c->call('../etc'),
    'call: empty part' => fn () => $c->call('invoices/'),
    'parseResponse: status 600' => fn () => Acumulus\Client::parseResponse('a/b', '', 600),
    'invoiceAdd: no customer' => fn () => $c->invoiceAdd(['invoice' => []]),
    'invoiceAdd: customer not an array' => fn () => $c->invoiceAdd(['customer' => 'x']),
    'token too short' => fn () => $c->paymentStatusGet('abc'),
    'token with a dash' => fn () => $c->paymentStatusGet(str_repeat('a', 31) . '-'),
    'payment status 3' => fn () => $c->paymentStatusSet($t, 3, '2026-01-01'),
    'paid without a date' => fn () => $c->paymentStatusSet($t, 2),
    'date 2026-13-01' => fn () => $c->paymentStatusSet($t, 2, '2026-13-01'),
    'date 1-1-2026' => fn () => $c->paymentStatusSet($t, 2, '1-1-2026'),
    'entryInfo 0' => fn () => $c->entryInfo(0),
    'conceptInfo -1' => fn () => $c->conceptInfo(-1),
    'delete status 2' => fn () => $c->entryDeleteStatusSet(5, 2),
    'entryUpdate with entryid' => fn () => $c->entryUpdate(5, ['entryid' => 6]),
    'entryUpdate with a list' => fn () => $c->entryUpdate(5, ['x']),
    'invoiceMail: no fields' => fn () => $c->invoiceMail($t, []),
    'invoiceMail: type 2' => fn () => $c->invoiceMail($t, ['emailto' => 'a@b.nl'], 2),
    'picklist: unknown' => fn () => $c->picklist('trips'),
    'picklist: path' => fn () => $c->picklist('costcenters/../x'),
    'vatInfo: country NLD' => fn () => $c->vatInfo('NLD'),
    'vatInfo: country 12' => fn () => $c->vatInfo('12'),
    'vatInfo: date' => fn () => $c->vatInfo('nl', '2026/01/01'),
    'thresholdReport: 1999' => fn () => $c->thresholdReport(1999),
    'invoicePdfUrl: token' => fn () => $c->invoicePdfUrl('x'),
];
foreach ($cases as $name => $f) {
    try {
        $f();
        echo "$name: accepted\n";
    } catch (Error $e) {
        echo "$name: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
call: upper case: ValueError: Acumulus\Client::call(): Argument #1 ($endpoint) must be "group/call" in lower case, like "invoices/invoice_add"
call: .php: ValueError: Acumulus\Client::call(): Argument #1 ($endpoint) must be "group/call" in lower case, like "invoices/invoice_add"
call: no group: ValueError: Acumulus\Client::call(): Argument #1 ($endpoint) must be "group/call" in lower case, like "invoices/invoice_add"
call: three parts: ValueError: Acumulus\Client::call(): Argument #1 ($endpoint) must be "group/call" in lower case, like "invoices/invoice_add"
call: ../: ValueError: Acumulus\Client::call(): Argument #1 ($endpoint) must be "group/call" in lower case, like "invoices/invoice_add"
call: empty part: ValueError: Acumulus\Client::call(): Argument #1 ($endpoint) must be "group/call" in lower case, like "invoices/invoice_add"
parseResponse: status 600: ValueError: Acumulus\Client::parseResponse(): Argument #3 ($httpStatus) must be an HTTP status from 100 to 599
invoiceAdd: no customer: ValueError: Acumulus\Client::invoiceAdd(): Argument #1 ($invoice) must be ['customer' => [..., 'invoice' => [...]]]
invoiceAdd: customer not an array: ValueError: Acumulus\Client::invoiceAdd(): Argument #1 ($invoice) must be ['customer' => [..., 'invoice' => [...]]]
token too short: ValueError: Acumulus\Client::paymentStatusGet(): Argument #1 ($token) must be an Acumulus token: 32 letters and digits
token with a dash: ValueError: Acumulus\Client::paymentStatusGet(): Argument #1 ($token) must be an Acumulus token: 32 letters and digits
payment status 3: ValueError: Acumulus\Client::paymentStatusSet(): Argument #2 ($paymentStatus) must be 1 (due) or 2 (paid)
paid without a date: ValueError: Acumulus\Client::paymentStatusSet(): Argument #3 ($paymentDate) is required when the status is 2 (paid)
date 2026-13-01: ValueError: Acumulus\Client::paymentStatusSet(): Argument #3 ($paymentDate) must be a date as yyyy-mm-dd
date 1-1-2026: ValueError: Acumulus\Client::paymentStatusSet(): Argument #3 ($paymentDate) must be a date as yyyy-mm-dd
entryInfo 0: ValueError: Acumulus\Client::entryInfo(): Argument #1 ($entryId) must be greater than 0
conceptInfo -1: ValueError: Acumulus\Client::conceptInfo(): Argument #1 ($conceptId) must be greater than 0
delete status 2: ValueError: Acumulus\Client::entryDeleteStatusSet(): Argument #2 ($deleteStatus) must be 1 (to the waste bin) or 0 (restore)
entryUpdate with entryid: ValueError: Acumulus\Client::entryUpdate(): Argument #2 ($fields) must not contain entryid (it is argument #1)
entryUpdate with a list: ValueError: Acumulus\Client::entryUpdate(): Argument #2 ($fields) must be an array of field name => value
invoiceMail: no fields: ValueError: Acumulus\Client::invoiceMail(): Argument #2 ($emailAsPdf) must be the emailaspdf fields, e.g. ['emailto' => ...]
invoiceMail: type 2: ValueError: Acumulus\Client::invoiceMail(): Argument #3 ($invoiceType) must be 0 (invoice) or 1 (reminder)
picklist: unknown: ValueError: Acumulus\Client::picklist(): Argument #1 ($name) must be a picklist: accounts, accounttypes, companytypes, contacttypes, costcenters, costtypes, discountprofiles, invoicetemplates, products or vattypes
picklist: path: ValueError: Acumulus\Client::picklist(): Argument #1 ($name) must be a picklist: accounts, accounttypes, companytypes, contacttypes, costcenters, costtypes, discountprofiles, invoicetemplates, products or vattypes
vatInfo: country NLD: ValueError: Acumulus\Client::vatInfo(): Argument #1 ($country) must be a two-letter country code
vatInfo: country 12: ValueError: Acumulus\Client::vatInfo(): Argument #1 ($country) must be a two-letter country code
vatInfo: date: ValueError: Acumulus\Client::vatInfo(): Argument #2 ($date) must be a date as yyyy-mm-dd
thresholdReport: 1999: ValueError: Acumulus\Client::thresholdReport(): Argument #1 ($year) must be a year from 2000 to 2099
invoicePdfUrl: token: ValueError: Acumulus\Client::invoicePdfUrl(): Argument #1 ($token) must be an Acumulus token: 32 letters and digits
