<?php

declare(strict_types=1);

namespace WhmcsSandbox;

use InvalidArgumentException;
use WHMCS\Database\Capsule;

/**
 * WHMCS actions that have no localAPI command but that the flows need: what
 * an admin does on the invoice page (refund, mark cancelled/unpaid/paid,
 * publish a draft, add a late fee) or a client does in the client area (mass
 * pay, add funds, change the payment method). Each fires the hooks WHMCS fires
 * (HookSequences). Amounts are strings ("12.50") or cents (int).
 */
final class Actions
{
    private readonly Invoices $invoices;

    public function __construct(private readonly Sandbox $sb)
    {
        $this->invoices = $sb->invoices();
    }

    /**
     * Refunds (part of) a payment. $transaction is a tblaccounts id or, when a
     * string, the gateway transaction id; without $amount all that is left of
     * it is refunded. Returns the refund's tblaccounts id.
     *
     * @param 'manual'|'gateway'|'credit' $method
     */
    public function refund(int|string $transaction, string|int|null $amount = null, string $method = 'manual'): int
    {
        $id = is_int($transaction)
            ? $transaction
            : (int) (Capsule::table('tblaccounts')->where('transid', $transaction)->where('amountin', '>', 0)
                ->orderBy('id')->value('id') ?? 0);
        if ($id === 0) {
            throw new InvalidArgumentException("no payment with transaction id '$transaction'");
        }
        return $this->invoices->refund($id, self::cents($amount), $method);
    }

    /** Refunds every payment of an invoice in full (which makes it Refunded). @return list<int> */
    public function refundInvoice(int $invoiceId, string $method = 'manual'): array
    {
        $ids = [];
        foreach ($this->invoices->transactions($invoiceId) as $t) {
            if (Money::cents((string) $t->amountin) > 0) {
                $left = Money::cents((string) $t->amountin);
                foreach (Capsule::table('tblaccounts')->where('refundid', (int) $t->id)->get() as $r) {
                    $left -= Money::cents((string) $r->amountout);
                }
                if ($left > 0) {
                    $ids[] = $this->invoices->refund((int) $t->id, $left, $method);
                }
            }
        }
        return $ids;
    }

    public function cancel(int $invoiceId): bool
    {
        return $this->invoices->setStatus($invoiceId, 'Cancelled');
    }

    public function markUnpaid(int $invoiceId): bool
    {
        return $this->invoices->setStatus($invoiceId, 'Unpaid');
    }

    /** "Mark Paid" with a payment of the balance (as the admin's Add Payment does). */
    public function markPaid(int $invoiceId, string $gateway = '', string $transid = ''): int
    {
        $invoice = $this->invoices->mustRow($invoiceId);
        return $this->invoices->addPayment(
            $invoiceId,
            $transid,
            $gateway !== '' ? $gateway : (string) $invoice->paymentmethod
        );
    }

    public function publish(int $invoiceId, bool $email = true): void
    {
        $adminId = (int) ($_SESSION['adminid'] ?? 0);
        $this->invoices->publish($invoiceId, $email, 'adminarea', $adminId > 0 ? $adminId : 'system');
    }

    /** The client (or admin) picks another payment method: InvoiceChangeGateway. */
    public function changeGateway(int $invoiceId, string $gateway): bool
    {
        return $this->invoices->changeGateway($invoiceId, $gateway);
    }

    public function addLateFee(int $invoiceId, string|int $amount): int
    {
        return $this->invoices->addLateFee($invoiceId, self::cents($amount) ?? 0);
    }

    /** @param list<int> $invoiceIds */
    public function massPay(int $clientId, array $invoiceIds, string $gateway): int
    {
        return $this->invoices->createMassPay($clientId, $invoiceIds, $gateway);
    }

    public function addFunds(int $clientId, string|int $amount, string $gateway): int
    {
        return $this->invoices->createAddFunds($clientId, self::cents($amount) ?? 0, $gateway);
    }

    /**
     * An admin creates an invoice in the admin area: a Draft, with
     * InvoiceCreation and InvoiceCreationAdminArea; publish() later.
     *
     * @param list<array<string,mixed>> $items description, amount ("12.50" or cents), taxed, type, relid
     */
    public function createDraft(int $clientId, array $items, string $gateway = ''): int
    {
        $adminId = (int) ($_SESSION['adminid'] ?? 0);
        foreach ($items as &$item) {
            $item['amount'] = self::cents($item['amount'] ?? 0) ?? 0;
        }
        unset($item);
        return $this->invoices->create(
            ['userid' => $clientId, 'paymentmethod' => $gateway],
            $items,
            ['source' => 'adminarea', 'user' => $adminId > 0 ? $adminId : 'system', 'draft' => true, 'admin' => true]
        );
    }

    /**
     * An invoice the cron generates for services (source 'autogen'): typed
     * lines (Hosting, Domain, PromoHosting, …) and the Invoice Created email.
     *
     * @param list<array<string,mixed>> $items description, amount ("12.50" or cents), taxed, type, relid
     * @param array<string,mixed> $invoice extra invoice fields (date, duedate, paymentmethod, notes)
     */
    public function generateInvoice(int $clientId, array $items, array $invoice = []): int
    {
        foreach ($items as &$item) {
            $item['amount'] = self::cents($item['amount'] ?? 0) ?? 0;
        }
        unset($item);
        return $this->invoices->create(
            ['userid' => $clientId] + $invoice,
            $items,
            ['source' => 'autogen', 'user' => 'system', 'email' => true]
        );
    }

    private static function cents(string|int|null $amount): ?int
    {
        if ($amount === null) {
            return null;
        }
        return is_int($amount) ? $amount : Money::cents($amount);
    }
}
