--TEST--
Acumulus\Planner: manual send and resend, edits after booking, reconciling an unknown outcome, concepts, legacy rows
--EXTENSIONS--
acumulus
--FILE--
<?php
require __DIR__ . '/planner.inc';

echo "manual send: books without e-mail; again: nothing, with the reason:\n";
$inv = pl_invoice();
$l = new PlLedger();
pl_show($l, pl_run($l, ['send' => null], $inv));
pl_show($l, pl_run($l, ['send' => null], $inv));

echo "resend of entry 5001: to the waste bin and booked anew; the same request again: nothing:\n";
pl_show($l, pl_run($l, ['resend' => '5001'], $inv));
pl_show($l, pl_run($l, ['resend' => '5001'], $inv));

echo "edited while due: old entry to the waste bin, a new booking; the edit hook again: nothing:\n";
$inv['items']['item'][] = ['id' => 2, 'type' => 'LateFee', 'relid' => 0, 'description' => 'Late fee', 'amount' => '5.00', 'taxed' => 0];
$inv['subtotal'] = '105.00';
pl_show($l, pl_run($l, ['edited' => null], $inv));
pl_show($l, pl_run($l, ['edited' => null], $inv));
echo "only the notes or the status changed: no rebooking:\n";
$inv['notes'] = 'new notes';
pl_show($l, pl_run($l, ['edited' => null], $inv));
echo "the same amounts written differently ('105' for '105.00', '21.00' for '21.000'): no rebooking:\n";
$inv['subtotal'] = '105';
$inv['taxrate'] = '21.00';
pl_show($l, pl_run($l, ['edited' => null], $inv));

echo "edited after payment: a credit note for all that was booked, then a new booking (paid):\n";
$inv = pl_pay(pl_invoice(['invoiceid' => 2001]), 'banktransfer', '121.00');
$l = new PlLedger();
pl_run($l, ['paid' => null], $inv);
$l->log = [];
$inv['items']['item'][0]['amount'] = '90.00';
$inv['subtotal'] = '90.00';
$inv['tax'] = '18.90';
pl_show($l, pl_run($l, ['edited' => null], $inv));

echo "an unknown outcome: looked up first; found, nothing else is sent:\n";
$inv = pl_invoice(['invoiceid' => 2002]);
$l = new PlLedger();
$l->docs[1] = ['id' => 1, 'kind' => 'invoice', 'reason' => 'created', 'state' => 'uncertain', 'token' => '',
               'entryid' => '', 'invoicenumber' => '', 'paymentstatus' => null, 'accountnumber' => '', 'hash' => '', 'amount' => null, 'of' => null];
$l->reconcile = fn (array $step) => true;
$l->docs[1] += [];
pl_show($l, pl_run($l, ['created' => null], $inv));
echo "not found: safe to send again:\n";
$l = new PlLedger();
$l->docs[1] = ['id' => 1, 'kind' => 'invoice', 'reason' => 'created', 'state' => 'sending', 'token' => '',
               'entryid' => '', 'invoicenumber' => '', 'paymentstatus' => null, 'accountnumber' => '', 'hash' => '', 'amount' => null, 'of' => null];
$l->reconcile = fn (array $step) => false;
pl_show($l, pl_run($l, ['created' => null], $inv));

echo "a concept in Acumulus blocks updates until it is made final:\n";
$plan = Acumulus\Planner::plan(['paid' => null], pl_pay($inv, 'banktransfer', '121.00'), ['documents' => [
    ['id' => 3, 'kind' => 'invoice', 'reason' => 'created', 'state' => 'concept', 'token' => '', 'entryid' => '', 'invoicenumber' => '20260003'],
]], [], ['today' => '2026-12-04']);
echo json_encode($plan['steps']), "\n", implode("\n", $plan['notes']), "\n";
echo "...and a second send does not book it again:\n";
$plan = Acumulus\Planner::plan(['created' => null, 'send' => null], $inv, ['documents' => [
    ['id' => 3, 'kind' => 'invoice', 'reason' => 'created', 'state' => 'concept', 'conceptid' => '77'],
]], [], ['today' => '2026-12-04']);
echo json_encode($plan['steps']), "\n";

echo "a row of the previous module (token and entry id only): paid updates it, an edit is not guessed at:\n";
$legacy = ['documents' => [['id' => 0, 'kind' => 'invoice', 'state' => 'booked', 'token' => 'lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj', 'entryid' => '55393014']]];
$plan = Acumulus\Planner::plan(['paid' => null, 'edited' => null], pl_pay($inv, 'banktransfer', '121.00'), $legacy,
    ['acumulus_AccountNumber_banktransfer' => '70582'], ['today' => '2026-12-04']);
echo json_encode($plan['steps']), "\n", implode("\n", $plan['notes']), "\n";

echo "resend refused once credit notes refer to the booking:\n";
$inv = pl_pay(pl_invoice(['invoiceid' => 2003]), 'banktransfer', '121.00');
$l = new PlLedger();
pl_run($l, ['paid' => null], $inv);
$inv = pl_refund($inv, '10.00');
pl_run($l, ['refunded' => null], $inv);
$l->log = [];
pl_show($l, pl_run($l, ['resend' => '5001'], $inv));
?>
--EXPECT--
manual send: books without e-mail; again: nothing, with the reason:
  book send due
  note: already booked as Acumulus invoice 20260001 (entry 5001); use resend to replace it
resend of entry 5001: to the waste bin and booked anew; the same request again: nothing:
  trash doc 1 (entry 5001, resend)
  book resend due
  note: resend: entry 5001 was already replaced by entry 5002
edited while due: old entry to the waste bin, a new booking; the edit hook again: nothing:
  trash doc 2 (entry 5002, rebook)
  book rebook due
only the notes or the status changed: no rebooking:
the same amounts written differently ('105' for '105.00', '21.00' for '21.000'): no rebooking:
edited after payment: a credit note for all that was booked, then a new booking (paid):
  credit rebook 121.00 of doc 1 on 2026-12-04
  book rebook paid 2026-12-01
an unknown outcome: looked up first; found, nothing else is sent:
  reconcile doc 1: found
  note: an earlier send has an unknown outcome: it is looked up in Acumulus before anything else
not found: safe to send again:
  reconcile doc 1: not found
  book created due email
  note: an earlier send has an unknown outcome: it is looked up in Acumulus before anything else
a concept in Acumulus blocks updates until it is made final:
[{"action":"concept","document":3}]
the invoice is a concept in Acumulus: it must be made final there before it can be updated
...and a second send does not book it again:
[]
a row of the previous module (token and entry id only): paid updates it, an edit is not guessed at:
[{"action":"account","document":0,"entryid":"55393014","gateway":"banktransfer","accountnumber":"70582"},{"action":"payment","document":0,"token":"lc9gfgYN8bQQHnIV99r4jmDraKhQoeIj","paymentstatus":2,"paymentdate":"2026-12-01"}]
edited: this invoice was booked by the previous module, which kept no record of its content
resend refused once credit notes refer to the booking:
  note: resend refused: credit notes refer to Acumulus invoice 20260001; book a correction instead
