--TEST--
Acumulus\Planner: paid and refunded in full before the worker gets to it: the payment is booked and the refund credited
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/planner.inc';
$settings = ['acumulus_AccountNumber_banktransfer' => '70582'];
$inv = pl_invoice();
$l = new PlLedger();
pl_run($l, ['created' => null], $inv, $settings);
$l->log = [];
/* both happen in WHMCS before Acumulus is reached again */
$inv = pl_refund(pl_pay($inv, 'banktransfer', '121.00'), '121.00');
$inv['status'] = 'Refunded';
pl_show($l, pl_run($l, ['paid' => null, 'refunded' => null], $inv, $settings));
echo "again:\n";
pl_show($l, pl_run($l, ['paid' => null, 'refunded' => null], $inv, $settings));
?>
--EXPECT--
  credit refund 121.00 of doc 1 on 2026-12-04
  payment doc 1 status 2 2026-12-01
again:
