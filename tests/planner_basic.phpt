--TEST--
Acumulus\Planner: the flows of one invoice, each converging, none doing anything twice
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/planner.inc';
$settings = ['acumulus_AccountNumber_banktransfer' => '70582 NL91ABNA0417164300 (Bank)',
             'acumulus_AccountNumber_ideal' => '70583 (iDEAL)'];

echo "created, and the second create hook (InvoiceCreationPreEmail + InvoiceCreated):\n";
$inv = pl_invoice();
$l = new PlLedger();
pl_show($l, pl_run($l, ['created' => null], $inv, $settings));
pl_show($l, pl_run($l, ['created' => null], $inv, $settings));

echo "paid by iDEAL (use last payment method), twice:\n";
$inv = pl_pay($inv, 'ideal', '121.00');
pl_show($l, pl_run($l, ['paid' => null], $inv, $settings));
pl_show($l, pl_run($l, ['paid' => null], $inv, $settings));
var_dump($inv['paymentmethod']);

echo "partly refunded, the refund hook fires twice:\n";
$inv = pl_refund($inv, '21.00');
pl_show($l, pl_run($l, ['refunded' => null], $inv, $settings));
pl_show($l, pl_run($l, ['refunded' => null], $inv, $settings));
echo "a second refund of the rest:\n";
$inv = pl_refund($inv, '100.00');
$inv['status'] = 'Refunded';
pl_show($l, pl_run($l, ['refunded' => null], $inv, $settings));
echo "more refunded than the invoice (a refund of a refund): capped at what is left:\n";
$inv = pl_refund($inv, '5.00');
pl_show($l, pl_run($l, ['refunded' => null], $inv, $settings));

echo "a second invoice: created, then cancelled (credit note, original settled), twice:\n";
$inv = pl_invoice(['invoiceid' => 1043]);
$l = new PlLedger();
pl_run($l, ['created' => null], $inv, $settings);
$l->log = [];
$inv['status'] = 'Cancelled';
pl_show($l, pl_run($l, ['cancelled' => null], $inv, $settings));
pl_show($l, pl_run($l, ['cancelled' => null], $inv, $settings));

echo "gateway change of a booked invoice, and back:\n";
$inv = pl_invoice(['invoiceid' => 1044]);
$l = new PlLedger();
pl_run($l, ['created' => null], $inv, $settings);
$l->log = [];
$inv['paymentmethod'] = 'ideal';
pl_show($l, pl_run($l, ['gateway' => null], $inv, $settings));
pl_show($l, pl_run($l, ['gateway' => null], $inv, $settings));
$inv['paymentmethod'] = 'paypal';
pl_show($l, pl_run($l, ['gateway' => null], $inv, $settings));

echo "paid, then marked unpaid again:\n";
$inv = pl_pay($inv, 'banktransfer', '121.00');
$inv['paymentmethod'] = 'banktransfer';
pl_show($l, pl_run($l, ['paid' => null], $inv, $settings));
$inv['status'] = 'Unpaid';
pl_show($l, pl_run($l, ['unpaid' => null], $inv, $settings));
?>
--EXPECT--
created, and the second create hook (InvoiceCreationPreEmail + InvoiceCreated):
  book created due account 70582 email
paid by iDEAL (use last payment method), twice:
  account doc 1 ideal -> 70583
  whmcs gateway -> ideal
  payment doc 1 status 2 2026-12-01
string(5) "ideal"
partly refunded, the refund hook fires twice:
  credit refund 21.00 of doc 1 on 2026-12-04
a second refund of the rest:
  credit refund 100.00 of doc 1 on 2026-12-04
more refunded than the invoice (a refund of a refund): capped at what is left:
a second invoice: created, then cancelled (credit note, original settled), twice:
  credit cancel 121.00 of doc 1 on 2026-12-04
  payment doc 1 status 2 2026-12-04
gateway change of a booked invoice, and back:
  account doc 1 ideal -> 70583
  note: no Acumulus account is set for gateway "paypal": the account is left as it is
paid, then marked unpaid again:
  account doc 1 banktransfer -> 70582
  payment doc 1 status 2 2026-12-01
  payment doc 1 status 1 
