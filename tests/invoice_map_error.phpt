--TEST--
InvoiceMapper: bad invoice, client, settings, context and credit data give an InvoiceDataException naming the invoice and the field
--EXTENSIONS--
acumulus
--INI--
; PCRE's JIT confuses valgrind (suite 30); these tests do not need it
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/invoice_map.inc';

function attempt(string $label, callable $f): void
{
    try {
        $f();
        echo "$label: no exception\n";
    } catch (Acumulus\InvoiceDataException $e) {
        printf("%s: [%s|%s] %s\n", $label, $e->invoiceId, $e->field, $e->getMessage());
        if (!($e instanceof Acumulus\InvalidArgumentException) || !($e instanceof Acumulus\Exception)) {
            echo "  not an Acumulus\\InvalidArgumentException\n";
        }
    } catch (Throwable $e) {
        printf("%s: %s: %s\n", $label, get_class($e), $e->getMessage());
    }
}

function mapWith(array $invoice = [], array $client = [], array $settings = [], array $context = [], ?array $items = null): array
{
    [$i, $c, $s, $x] = acu_case_args([]);
    $i = array_replace($i, $invoice);
    if ($items !== null) {
        $i['items'] = ['item' => $items];
    }
    return Acumulus\InvoiceMapper::map($i, array_replace($c, $client), array_replace($s, $settings), array_replace($x, $context));
}

$item = ['id' => 1, 'type' => 'Hosting', 'relid' => 0, 'description' => 'x', 'amount' => '10.00', 'taxed' => 1];

attempt('comma', fn () => mapWith(items: [$item, ['amount' => '12,50'] + $item, $item]));
attempt('float', fn () => mapWith(items: [['amount' => 12.5] + $item]));
attempt('three decimals', fn () => mapWith(invoice: ['total' => '12.105']));
attempt('thousands', fn () => mapWith(invoice: ['credit' => '1,000.00']));
attempt('huge', fn () => mapWith(items: [['amount' => '99999999999999.00'] + $item]));
attempt('missing total', fn () => mapWith(invoice: ['total' => null]));
attempt('array amount', fn () => mapWith(items: [['amount' => ['10']] + $item]));
attempt('missing amount', fn () => mapWith(items: [['description' => 'no amount', 'taxed' => 1]]));
attempt('item not array', fn () => mapWith(items: ['oops']));
attempt('taxed', fn () => mapWith(items: [['taxed' => 'maybe'] + $item]));
attempt('rate', fn () => mapWith(invoice: ['taxrate' => '121.000']));
attempt('rate float', fn () => mapWith(invoice: ['taxrate2' => 9.0]));
attempt('date', fn () => mapWith(invoice: ['date' => '30-11-2026']));
attempt('date zero', fn () => mapWith(invoice: ['date' => '0000-00-00']));
attempt('date feb 30', fn () => mapWith(invoice: ['date' => '2026-02-30']));
attempt('datepaid', fn () => mapWith(invoice: ['datepaid' => 'yesterday']));
attempt('no id', fn () => mapWith(invoice: ['invoiceid' => null]));
attempt('string id', fn () => mapWith(invoice: ['invoiceid' => '1043', 'total' => 'x']));
attempt('country', fn () => mapWith(client: ['countrycode' => 'Nederland']));
attempt('client text', fn () => mapWith(client: ['lastname' => ['de', 'Vries']]));
attempt('exempt', fn () => mapWith(client: ['taxexempt' => 'sometimes']));
attempt('customer type', fn () => mapWith(settings: ['acumulus_customer_type' => 'Klant']));
attempt('yesno', fn () => mapWith(settings: ['acumulus_summarize_invoice' => 'ja']));
attempt('setting type', fn () => mapWith(settings: ['acumulus_cusromer_mark' => 42]));
attempt('nature', fn () => mapWith(settings: ['acumulus_invoice_default_nature' => 'Goods']));
attempt('context key', fn () => mapWith(context: ['taxtype' => 'Inclusive']));
attempt('context taxType', fn () => mapWith(context: ['taxType' => 'Both']));
attempt('context today', fn () => mapWith(context: ['today' => 'now']));
attempt('context vatRates', fn () => mapWith(context: ['vatRates' => ['21', 'high']]));
attempt('no currency', fn () => mapWith(client: ['currency_code' => 'USD']));
attempt('currency rate', fn () => mapWith(client: ['currency_code' => 'USD'],
    context: ['currencies' => [['code' => 'EUR', 'rate' => '1.00000'], ['code' => 'USD', 'rate' => '0.00000']]]));
attempt('no items', fn () => mapWith(items: []));
attempt('items shape', fn () => mapWith(invoice: ['items' => 'none']));
attempt('transactions', fn () => mapWith(invoice: ['transactions' => ['transaction' => [['gateway' => 'x', 'amountin' => '1.0.0']]]]));

// credit notes
$orig = acu_map_case(['invoice' => ['status' => 'Paid', 'datepaid' => '2026-12-01 10:00:00']])['document'];
attempt('credit too large', fn () => Acumulus\InvoiceMapper::creditNote($orig,
    ['date' => '2026-12-10', 'acumulusNumber' => '20260042', 'amount' => '12.11', 'invoice' => ['invoiceid' => 1042]]));
attempt('credit zero', fn () => Acumulus\InvoiceMapper::creditNote($orig, ['date' => '2026-12-10', 'acumulusNumber' => '20260042', 'amount' => '0.00']));
attempt('credit no number', fn () => Acumulus\InvoiceMapper::creditNote($orig, ['date' => '2026-12-10']));
attempt('credit no date', fn () => Acumulus\InvoiceMapper::creditNote($orig, ['acumulusNumber' => '20260042']));
attempt('credit key', fn () => Acumulus\InvoiceMapper::creditNote($orig, ['date' => '2026-12-10', 'acumulusNumber' => '1', 'amout' => '1.00']));
$bad = $orig;
$bad['customer']['invoice']['line'][0]['unitprice'] = '10,00';
attempt('credit original line', fn () => Acumulus\InvoiceMapper::creditNote($bad, ['date' => '2026-12-10', 'acumulusNumber' => '20260042']));
$bad = $orig;
$bad['customer']['invoice']['vattype'] = 9;
attempt('credit original vattype', fn () => Acumulus\InvoiceMapper::creditNote($bad, ['date' => '2026-12-10', 'acumulusNumber' => '20260042']));
attempt('credit original shape', fn () => Acumulus\InvoiceMapper::creditNote(['invoice' => []], ['date' => '2026-12-10', 'acumulusNumber' => '1']));

// wrong argument types are TypeErrors / ValueErrors, not data errors
attempt('vatRates country', fn () => Acumulus\InvoiceMapper::vatRates('Netherlands', '2026-01-01'));
attempt('vatRates date', fn () => Acumulus\InvoiceMapper::vatRates('NL', '2026-13-01'));
attempt('vatRates type', fn () => Acumulus\InvoiceMapper::vatRates('NL', '2026-01-01', 8));
attempt('map type', fn () => Acumulus\InvoiceMapper::map('1042', []));
attempt('new', fn () => new Acumulus\InvoiceMapper());
?>
--EXPECT--
comma: [1042|items.item[1].amount] invoice 1042: items.item[1].amount: "12,50" is not a decimal amount (digits, a point, no thousands separator)
float: [1042|items.item[0].amount] invoice 1042: items.item[0].amount: the float 12.5 is not accepted: money and rates must come as decimal strings, as WHMCS gives them
three decimals: [1042|total] invoice 1042: total: "12.105" has more than 2 decimals
thousands: [1042|credit] invoice 1042: credit: "1,000.00" is not a decimal amount (digits, a point, no thousands separator)
huge: [1042|items.item[0].amount] invoice 1042: items.item[0].amount: "99999999999999.00" is out of range (more than a billion)
missing total: [1042|total] invoice 1042: total: missing
array amount: [1042|items.item[0].amount] invoice 1042: items.item[0].amount: array is not a decimal amount
missing amount: [1042|items.item[0].amount] invoice 1042: items.item[0].amount: missing
item not array: [1042|items.item[0]] invoice 1042: items.item[0]: "oops" is not an item
taxed: [1042|items.item[0].taxed] invoice 1042: items.item[0].taxed: "maybe" is not a yes/no value ("on" or "")
rate: [1042|taxrate] invoice 1042: taxrate: "121.000" is not a tax rate from 0 to 100
rate float: [1042|taxrate2] invoice 1042: taxrate2: the float 9.0 is not accepted: money and rates must come as decimal strings, as WHMCS gives them
date: [1042|date] invoice 1042: date: "30-11-2026" is not a date (YYYY-MM-DD)
date zero: [1042|date] invoice 1042: date: "0000-00-00" is the zero date
date feb 30: [1042|date] invoice 1042: date: "2026-02-30" is not a date (YYYY-MM-DD)
datepaid: [1042|datepaid] invoice 1042: datepaid: "yesterday" is not a date (YYYY-MM-DD)
no id: [|invoiceid] invoice (no id): invoiceid: missing is not an invoice id
string id: [1043|total] invoice 1043: total: "x" is not a decimal amount (digits, a point, no thousands separator)
country: [1042|client.countrycode] invoice 1042: client.countrycode: "Nederland" is not a two-letter country code
client text: [1042|client.lastname] invoice 1042: client.lastname: array is not text
exempt: [1042|client.taxexempt] invoice 1042: client.taxexempt: "sometimes" is not a yes/no value ("on" or "")
customer type: [1042|settings.acumulus_customer_type] invoice 1042: settings.acumulus_customer_type: "Klant" is not one of the options of this setting
yesno: [1042|settings.acumulus_summarize_invoice] invoice 1042: settings.acumulus_summarize_invoice: "ja" is not a yes/no value ("on" or "")
setting type: [1042|settings.acumulus_cusromer_mark] invoice 1042: settings.acumulus_cusromer_mark: 42 is not text
nature: [1042|settings.acumulus_invoice_default_nature] invoice 1042: settings.acumulus_invoice_default_nature: "Goods" is not one of the options of this setting
context key: [1042|context.taxtype] invoice 1042: context.taxtype: unknown key (see docs/mapping.md "Context")
context taxType: [1042|context.taxType] invoice 1042: context.taxType: "Both" is not "Exclusive" or "Inclusive"
context today: [1042|context.today] invoice 1042: context.today: "now" is not a date (YYYY-MM-DD)
context vatRates: [1042|context.vatRates[1]] invoice 1042: context.vatRates[1]: "high" is not a decimal rate (digits, a point, no thousands separator)
no currency: [1042|context.currencies] invoice 1042: context.currencies: no rate for USD, the client's currency (or for EUR)
currency rate: [1042|context.currencies[1].rate] invoice 1042: context.currencies[1].rate: "0.00000" is not a positive exchange rate
no items: [1042|items] invoice 1042: items: no items, but the invoice totals 12.10
items shape: [1042|items] invoice 1042: items: "none" is not a list
transactions: [1042|transactions.transaction[0].amountin] invoice 1042: transactions.transaction[0].amountin: "1.0.0" is not a decimal amount (digits, a point, no thousands separator)
credit too large: [1042|credit.amount] invoice 1042: credit.amount: a refund of 12.11 EUR does not fit the original booking of 12.10 EUR
credit zero: [|credit.amount] invoice (no id): credit.amount: "0.00" is not a positive amount
credit no number: [|credit.acumulusNumber] invoice (no id): credit.acumulusNumber: "" is not the Acumulus number of the original (digits), which the credit note refers to
credit no date: [|credit.date] invoice (no id): credit.date: missing
credit key: [|credit.amout] invoice (no id): credit.amout: unknown key (see docs/mapping.md "Credit notes")
credit original line: [|original.customer.invoice.line[0].unitprice] invoice (no id): original.customer.invoice.line[0].unitprice: "10,00" is not a decimal amount (digits, a point, no thousands separator)
credit original vattype: [|original.customer.invoice.vattype] invoice (no id): original.customer.invoice.vattype: 9 is not a vattype from 1 to 7
credit original shape: [|original.customer] invoice (no id): original.customer: missing is not the customer block of a document
vatRates country: ValueError: Acumulus\InvoiceMapper::vatRates(): Argument #1 ($country) must be a two-letter country code
vatRates date: ValueError: Acumulus\InvoiceMapper::vatRates(): Argument #2 ($date) must be a date (YYYY-MM-DD)
vatRates type: ValueError: Acumulus\InvoiceMapper::vatRates(): Argument #3 ($vattype) must be 0 (the country's rates) or a vattype from 1 to 7
map type: TypeError: Acumulus\InvoiceMapper::map(): Argument #1 ($invoice) must be of type array, string given
new: Error: Call to private Acumulus\InvoiceMapper::__construct() from global scope
