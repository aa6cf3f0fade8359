--TEST--
Acumulus\Planner: every flow respects its hook setting; proforma invoicing books on payment
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/planner.inc';
$off = fn (string $k) => ["acumulus_hook_invoice_{$k}_enabled" => ''];

echo "create hook off: created does nothing, payment books it as paid (paid hook on):\n";
$inv = pl_invoice();
$l = new PlLedger();
pl_show($l, pl_run($l, ['created' => null], $inv, $off('create')));
$inv = pl_pay($inv, 'banktransfer', '121.00');
pl_show($l, pl_run($l, ['paid' => null], $inv, $off('create')));

echo "create and paid hooks off: nothing, ever:\n";
$inv = pl_invoice();
$l = new PlLedger();
$s = $off('create') + $off('paid');
pl_show($l, pl_run($l, ['created' => null], $inv, $s));
$inv = pl_pay($inv, 'banktransfer', '121.00');
pl_show($l, pl_run($l, ['paid' => null], $inv, $s));

echo "paid hook off: a booked invoice stays due in Acumulus:\n";
$inv = pl_invoice();
$l = new PlLedger();
pl_run($l, ['created' => null], $inv, $off('paid'));
$l->log = [];
$inv = pl_pay($inv, 'banktransfer', '121.00');
pl_show($l, pl_run($l, ['paid' => null], $inv, $off('paid')));

echo "cancel hook off (the reference's key keeps its spelling 'canceled'):\n";
$inv = pl_invoice();
$l = new PlLedger();
pl_run($l, ['created' => null], $inv);
$l->log = [];
$inv['status'] = 'Cancelled';
pl_show($l, pl_run($l, ['cancelled' => null], $inv, $off('canceled')));

echo "refund, gateway and edit hooks off:\n";
$inv = pl_pay(pl_invoice(), 'banktransfer', '121.00');
$l = new PlLedger();
pl_run($l, ['created' => null], $inv);
$l->log = [];
$inv = pl_refund($inv, '10.00');
$inv['paymentmethod'] = 'ideal';
$inv['items']['item'][0]['description'] = 'Hosting (edited)';
$s = $off('refunded') + $off('gateway') + $off('edited') + ['acumulus_AccountNumber_ideal' => '70583'];
pl_show($l, pl_run($l, ['refunded' => null, 'gateway' => null, 'edited' => null], $inv, $s));

echo "a stored value other than 'on' is off; a missing row takes the default (on):\n";
$inv = pl_invoice();
$l = new PlLedger();
pl_show($l, pl_run($l, ['created' => null], $inv, ['acumulus_hook_invoice_create_enabled' => 'yes']));
pl_show($l, pl_run($l, ['created' => null], $inv, ['acumulus_hook_invoice_create_enabled' => 'ON']));

echo "proforma invoicing: created waits, paid books (even with the paid hook off):\n";
$inv = pl_invoice();
$l = new PlLedger();
$ctx = ['proforma' => 'on'];
pl_show($l, pl_run($l, ['created' => null], $inv, [], $ctx));
$inv = pl_pay($inv, 'banktransfer', '121.00');
$inv['invoicenum'] = '2026-0001';
pl_show($l, pl_run($l, ['paid' => null], $inv, $off('paid'), $ctx));

echo "use last payment method off: the account of the invoice's gateway, WHMCS untouched:\n";
$inv = pl_pay(pl_invoice(), 'ideal', '121.00');
$l = new PlLedger();
$s = ['acumulus_invoice_use_last_paymentmethod' => '', 'acumulus_AccountNumber_banktransfer' => '70582',
      'acumulus_AccountNumber_ideal' => '70583'];
pl_show($l, pl_run($l, ['paid' => null], $inv, $s));
var_dump($inv['paymentmethod']);
?>
--EXPECT--
create hook off: created does nothing, payment books it as paid (paid hook on):
  note: not booked: the create hook is off
  book paid paid 2026-12-01 email
create and paid hooks off: nothing, ever:
  note: not booked: the create hook is off
  note: not booked: the paid hook is off
paid hook off: a booked invoice stays due in Acumulus:
  note: paid: the paid hook is off
cancel hook off (the reference's key keeps its spelling 'canceled'):
  note: cancelled: the cancel hook is off
refund, gateway and edit hooks off:
  note: edited: the edit hook is off
  note: refunded: the refund hook is off
  note: gateway: the gateway hook is off
a stored value other than 'on' is off; a missing row takes the default (on):
  note: not booked: the create hook is off
  book created due email
proforma invoicing: created waits, paid books (even with the paid hook off):
  note: not booked yet: with proforma invoicing an invoice is booked when it is paid
  book paid paid 2026-12-01 email
use last payment method off: the account of the invoice's gateway, WHMCS untouched:
  book paid paid 2026-12-01 account 70582 email
string(12) "banktransfer"
