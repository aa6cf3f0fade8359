<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

use Acumulus\CallException;
use Acumulus\Client;

/**
 * Finds out whether a send with an unknown outcome (timeout or reset after
 * the request left) was stored by Acumulus, which takes no idempotency key
 * (docs/flows.md "Reconciling"): the contact's recent outgoing invoices with
 * the same issue date and total, confirmed by the marker the document carried
 * in its internal notes (entry_info). Found: adopted as booked. None: marked
 * failed, so the next plan sends it again. More than one, or no way to tell:
 * left uncertain for the admin.
 */
final class Reconciler
{
    public function __construct(private readonly Ledger $ledger, private readonly Client $client)
    {
    }

    /** @throws StepFailed */
    public function reconcile(int $invoiceId, int $docId): void
    {
        $doc = $this->ledger->document($docId);
        if ($doc === null) {
            throw new \RuntimeException("invoice $invoiceId: document $docId to look up is not in the ledger");
        }
        $document = $doc->document === null ? null : json_decode((string) $doc->document, true);
        $customer = is_array($document) ? ($document['customer'] ?? []) : [];
        $invoice = is_array($customer['invoice'] ?? null) ? $customer['invoice'] : [];
        $email = (string) ($customer['email'] ?? '');
        $issueDate = (string) ($invoice['issuedate'] ?? '');
        $total = (string) ($doc->total ?? '');
        $ref = (string) ($doc->ref ?? '');
        if ($email === '' || $ref === '') {
            throw new Waiting('the send has an unknown outcome and cannot be looked up (no e-mail address or marker): check Acumulus and resolve it by hand', $docId);
        }

        try {
            $candidates = [];
            foreach ($this->contactIds($email) as $contactId) {
                foreach ($this->invoicesOf($contactId) as $inv) {
                    if ($issueDate !== '' && ($inv['issuedate'] ?? '') !== $issueDate) {
                        continue;
                    }
                    if ($total !== '' && isset($inv['totalvalue']) && !self::sameAmount((string) $inv['totalvalue'], $total)) {
                        continue;
                    }
                    if (isset($inv['deleted']) && !str_starts_with((string) $inv['deleted'], '0000-00-00') && (string) $inv['deleted'] !== '') {
                        continue;
                    }
                    $candidates[] = $inv;
                }
            }
            $found = [];
            foreach ($candidates as $inv) {
                $entry = $this->client->entryInfo((int) $inv['entryid']);
                $note = (string) ($entry->main['invoicenote'] ?? '') . "\n" . (string) ($entry->main['entrynote'] ?? '');
                if (str_contains($note, $ref)) {
                    $found[] = ['token' => (string) ($entry->main['token'] ?? $inv['token'] ?? ''),
                        'entryid' => (string) $inv['entryid'],
                        'invoicenumber' => (string) ($inv['invoicenumber'] ?? $entry->main['invoicenumber'] ?? '')];
                }
            }
        } catch (\Acumulus\AuthenticationException $e) {
            // an API-invoerder may add invoices but not look entries up
            throw new Waiting('the send has an unknown outcome, and the Acumulus user\'s role may not look entries up'
                . ' (an "API-gebruiker" may): check in Acumulus whether it was booked, then retry or resend', $docId);
        } catch (CallException $e) {
            throw new StepFailed($e, null, 'looking up a send with an unknown outcome: ' . $e->getMessage());
        }

        if (count($found) === 1) {
            $f = $found[0];
            $this->ledger->updateDocument($docId, ['state' => 'booked'] + $f);
            if ($doc->kind === 'invoice') {
                $this->ledger->updateRow($invoiceId, $f);
            }
            Log::activity(sprintf(
                'Acumulus: invoice %d: the send with an unknown outcome was stored after all, as Acumulus %s %s (entry %s); nothing is sent twice',
                $invoiceId,
                $doc->kind === 'credit' ? 'credit note' : 'invoice',
                $f['invoicenumber'],
                $f['entryid']
            ));
            return;
        }
        if (count($found) > 1) {
            throw new Waiting(sprintf(
                'the send with an unknown outcome matches %d entries in Acumulus (%s): resolve it by hand',
                count($found),
                implode(', ', array_column($found, 'entryid'))
            ), $docId);
        }
        $this->ledger->updateDocument($docId, ['state' => 'failed']);
        Log::activity(sprintf('Acumulus: invoice %d: the send with an unknown outcome was not stored by Acumulus; it is sent again', $invoiceId));
    }

    /** @return list<string> the ids of the contacts with this e-mail address */
    private function contactIds(string $email): array
    {
        $r = $this->client->call('contacts/contacts_list', ['filter' => $email, 'contactstatus' => 2]);
        $ids = [];
        foreach (self::items(self::part($r, 'contacts'), 'contact') as $c) {
            if (strcasecmp((string) ($c['contactemail'] ?? ''), $email) === 0) {
                $ids[] = (string) $c['contactid'];
            }
        }
        return $ids;
    }

    /** @return list<array<string, mixed>> */
    private function invoicesOf(string $contactId): array
    {
        $r = $this->client->call('contacts/contact_invoices_outgoing', ['contactid' => $contactId, 'rowcount' => 50]);
        return self::items(self::part($r, 'invoices'), 'invoice');
    }

    /** The main part of an answer: the client knows the main key of the calls it has helpers for, not of these. */
    private static function part(\Acumulus\Result $r, string $key): array
    {
        if ($r->mainKey === $key) {
            return $r->main;
        }
        $v = $r->data[$key] ?? [];
        return is_array($v) ? $v : [];
    }

    /** The list under a singular key: one item not wrapped, several as a list, none. */
    private static function items(array $main, string $singular): array
    {
        $v = $main[$singular] ?? ($main !== [] && array_is_list($main) ? $main : []);
        if (!is_array($v) || $v === []) {
            return [];
        }
        return array_is_list($v) ? $v : [$v];
    }

    private static function sameAmount(string $a, string $b): bool
    {
        try {
            return Money::cents($a) === Money::cents($b);
        } catch (\InvalidArgumentException $e) {
            return $a === $b;
        }
    }
}
