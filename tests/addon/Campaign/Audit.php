<?php

declare(strict_types=1);

namespace AcumulusAddonTest\Campaign;

use AcuSim\Simulator;
use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Money;

/**
 * Exactly once, nothing lost: compares three independent records after a
 * campaign, invoice by invoice, and lists every disagreement.
 *
 * - Acumulus (the simulator's entries): every entry carries the marker the
 *   worker put in its internal notes ("ref: whmcs-acumulus-…"), which names
 *   the ledger document it was sent as.
 * - The ledger (mod_acumulus_connect, …_documents, …_events).
 * - WHMCS (GetInvoice): what ought to be in Acumulus follows from the
 *   invoice's status, total and refunds alone, not from what the addon did:
 *     Unpaid     one live booking of the total, due, no credit note;
 *     Paid       one live booking of the total, paid, credit notes of exactly
 *                what was refunded;
 *     Cancelled, Refunded   either nothing at all (it never got booked before
 *                it was cancelled or refunded; the ledger says so), or one
 *                booking of the total, paid, and credit notes of exactly the
 *                total.
 *
 * Counted: duplicates (documents beyond what WHMCS calls for, or more
 * credited than refunded), lost (fewer, or a booking the ledger has but
 * Acumulus not), wrong (amount, payment status or ledger state differs), and
 * unsettled (an invoice with work pending, or in a state that needs the admin,
 * at the end). Amounts are compared as integer cents.
 */
final class Audit
{
    /** Ledger states an invoice may end in without anything pending. */
    public const SETTLED = ['booked', 'paid', 'credited', 'not_booked', 'skipped'];

    /** @var list<string> */
    public array $problems = [];
    public int $duplicates = 0;
    public int $lost = 0;
    public int $wrong = 0;
    public int $unsettled = 0;
    public int $withoutReason = 0;
    public int $invoicesBooked = 0;
    public int $creditNotes = 0;
    public int $neverBooked = 0;
    public int $entries = 0;
    /** @var array<int, true> invoices whose booking is a concept made final in Acumulus, still 'concept' in the ledger */
    public array $conceptsMadeFinal = [];

    /** @param list<int> $invoiceIds the campaign's invoices */
    public static function run(Simulator $sim, array $invoiceIds): self
    {
        $a = new self();
        $a->audit($sim->entries(), $invoiceIds);
        return $a;
    }

    /** One line for an assertion message: the first problems. */
    public function summary(int $max = 25): string
    {
        $more = count($this->problems) > $max ? sprintf("\n… and %d more", count($this->problems) - $max) : '';
        return implode("\n", array_slice($this->problems, 0, $max)) . $more;
    }

    /**
     * @param list<array<string, mixed>> $entries the simulator's entries
     * @param list<int> $invoiceIds
     */
    private function audit(array $entries, array $invoiceIds): void
    {
        $this->entries = count($entries);
        $docsByRef = [];
        $docsByInvoice = [];
        foreach (Capsule::table('mod_acumulus_connect_documents')->orderBy('id')->get() as $d) {
            if ((string) $d->ref !== '') {
                $docsByRef[(string) $d->ref] = $d;
            }
            $docsByInvoice[(int) $d->invoiceid][] = $d;
        }

        // Acumulus -> ledger: every entry is a document the ledger knows as booked.
        $perInvoice = []; // invoice id => ['invoice' => [entries], 'credit' => [entries]]
        $entryIds = [];
        foreach ($entries as $e) {
            $entryIds[(string) $e['id']] = $e;
            $notes = (string) ($e['data']['invoice']['invoicenotes'] ?? '');
            if (preg_match('/ref: (whmcs-acumulus-[0-9a-f]{16})/', $notes, $m) !== 1) {
                $this->lostTrack("entry {$e['id']} carries no marker of the addon");
                continue;
            }
            $doc = $docsByRef[$m[1]] ?? null;
            if ($doc === null) {
                $this->lostTrack("entry {$e['id']} ({$m[1]}) is not in the ledger at all");
                continue;
            }
            $inv = (int) $doc->invoiceid;
            if ((string) $doc->state === 'concept' && (string) $e['conceptid'] === (string) $doc->conceptid) {
                // a concept the bookkeeper made final: the ledger learns of it when the invoice changes next
                $this->conceptsMadeFinal[$inv] = true;
            } elseif (!in_array((string) $doc->state, ['booked', 'trashed'], true)) {
                // stored, but the ledger thinks it was not: it will be (or was) sent again
                $this->duplicates++;
                $this->problems[] = "invoice $inv: entry {$e['id']} was stored, the ledger has its document {$doc->id} as '{$doc->state}'";
                continue;
            }
            if (!isset($this->conceptsMadeFinal[$inv]) && (string) $doc->entryid !== (string) $e['id']) {
                $this->wrong++;
                $this->problems[] = "invoice $inv: entry {$e['id']} is document {$doc->id}, which the ledger links to entry '{$doc->entryid}'";
            }
            if (!str_starts_with((string) $e['deleted'], '0000')) {
                continue; // in the waste bin: replaced on purpose
            }
            $perInvoice[$inv][(string) $doc->kind === 'credit' ? 'credit' : 'invoice'][] = $e;
        }

        // Ledger -> Acumulus: every booked document is there.
        foreach ($docsByInvoice as $inv => $docs) {
            foreach ($docs as $d) {
                if ((string) $d->state === 'booked' && !isset($entryIds[(string) $d->entryid])) {
                    $this->lost++;
                    $this->problems[] = "invoice $inv: document {$d->id} is booked in the ledger as entry '{$d->entryid}', which Acumulus does not have";
                }
                if (in_array((string) $d->state, ['sending', 'uncertain'], true)) {
                    $this->unsettled++;
                    $this->problems[] = "invoice $inv: document {$d->id} is still '{$d->state}'";
                }
            }
        }

        // WHMCS -> what Acumulus should have, per invoice.
        foreach ($invoiceIds as $inv) {
            $this->invoice($inv, $perInvoice[$inv] ?? [], localAPI('GetInvoice', ['invoiceid' => $inv]));
        }
        foreach (array_keys($perInvoice) as $inv) {
            if (!in_array($inv, $invoiceIds, true)) {
                $this->duplicates++;
                $this->problems[] = "invoice $inv: booked in Acumulus, but it is not one of the campaign's invoices";
            }
        }
    }

    /** @param array{invoice?: list<array>, credit?: list<array>} $booked live entries of the invoice */
    private function invoice(int $inv, array $booked, array $w): void
    {
        $status = (string) ($w['status'] ?? '?');
        $total = Money::cents((string) $w['total']);
        $refunded = 0;
        foreach (($w['transactions']['transaction'] ?? []) as $t) {
            $refunded += Money::cents((string) $t['amountout']);
        }
        $invoices = $booked['invoice'] ?? [];
        $credits = $booked['credit'] ?? [];
        $credited = 0;
        foreach ($credits as $c) {
            $credited -= self::cents($c);
        }
        $this->creditNotes += count($credits);
        $row = Capsule::table('mod_acumulus_connect')->where('id', $inv)->first();
        $ledgerState = $row === null ? '(no row)' : (string) $row->state;
        $pending = Capsule::table('mod_acumulus_connect_events')->where('invoiceid', $inv)->count();

        $mayBeUnbooked = in_array($status, ['Cancelled', 'Refunded'], true);
        $wantInvoices = $mayBeUnbooked && $invoices === [] ? 0 : 1;
        if (count($invoices) > $wantInvoices) {
            $this->duplicates += count($invoices) - $wantInvoices;
            $this->problems[] = "invoice $inv ($status): " . count($invoices) . ' live bookings in Acumulus (entries '
                . implode(', ', array_column($invoices, 'id')) . ')';
        } elseif (count($invoices) < $wantInvoices) {
            $this->lost++;
            $this->problems[] = "invoice $inv ($status): not booked in Acumulus; ledger '$ledgerState': "
                . (string) ($row->last_error ?? $row->notes ?? '');
        }

        if ($invoices === []) {
            if ($mayBeUnbooked) {
                $this->neverBooked++;
                if ($credits !== []) {
                    $this->duplicates += count($credits);
                    $this->problems[] = "invoice $inv ($status): credit notes without a booking";
                }
                if ($ledgerState !== 'not_booked' || trim((string) ($row->notes ?? '')) === '') {
                    $this->wrong++;
                    $this->problems[] = "invoice $inv ($status): never booked, but the ledger says '$ledgerState' without saying why";
                }
            }
        } else {
            $this->invoicesBooked++;
            $entry = $invoices[0];
            if (self::cents($entry) !== $total) {
                $this->wrong++;
                $this->problems[] = sprintf(
                    'invoice %d: booked %s, WHMCS total %s',
                    $inv,
                    Money::format(self::cents($entry)),
                    Money::format($total)
                );
            }
            $wantCredited = $mayBeUnbooked ? $total : $refunded;
            if ($credited !== $wantCredited) {
                // more than should be is a duplicate credit note, less is one lost
                $credited > $wantCredited ? $this->duplicates++ : $this->lost++;
                $this->problems[] = sprintf(
                    'invoice %d (%s): credited %s in %d credit notes, should be %s',
                    $inv,
                    $status,
                    Money::format($credited),
                    count($credits),
                    Money::format($wantCredited)
                );
            }
            $wantPaid = $status === 'Unpaid' ? 1 : 2;
            if ((int) $entry['paymentstatus'] !== $wantPaid) {
                $this->wrong++;
                $this->problems[] = "invoice $inv ($status): payment status {$entry['paymentstatus']} in Acumulus";
            }
            $wantState = match (true) {
                $status === 'Unpaid' => 'booked',
                $status === 'Paid' && $refunded < $total => 'paid',
                default => 'credited',
            };
            $conceptFinal = isset($this->conceptsMadeFinal[$inv]) && $ledgerState === 'concept' && $pending === 0;
            if ($ledgerState !== $wantState && !$conceptFinal) {
                $this->wrong++;
                $this->problems[] = "invoice $inv ($status): ledger state '$ledgerState', expected '$wantState'";
            }
        }

        if ($pending > 0 || (!in_array($ledgerState, self::SETTLED, true) && !($conceptFinal ?? false))) {
            $this->unsettled++;
            $reason = trim((string) ($row->last_error ?? '') . ' ' . (string) ($row->notes ?? '') . ' '
                . self::conceptReasons((string) ($row->warnings ?? '')));
            if ($reason === '') {
                $this->withoutReason++;
            }
            $this->problems[] = "invoice $inv: '$ledgerState' with $pending pending triggers at the end"
                . ($reason === '' ? ', and no reason shown' : ": $reason")
                . ($ledgerState === 'concept' ? ' (warnings: ' . (string) ($row->warnings ?? '') . ')' : '');
        }
    }

    /** The warnings that made a booking a concept: the reason the admin sees for it. */
    private static function conceptReasons(string $json): string
    {
        $reasons = [];
        foreach (json_decode($json === '' ? '[]' : $json, true) ?: [] as $w) {
            if (!empty($w['concept'])) {
                $reasons[] = (string) $w['message'];
            }
        }
        return implode('; ', $reasons);
    }

    private function lostTrack(string $what): void
    {
        $this->duplicates++;
        $this->problems[] = $what;
    }

    /** An entry's total including VAT in cents, as Acumulus books it. */
    private static function cents(array $entry): int
    {
        return Money::cents((string) $entry['data']['total_inc']);
    }
}
