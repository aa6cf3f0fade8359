<?php

declare(strict_types=1);

namespace AcumulusAddonTest\Campaign;

use AcumulusAddonTest\AddonTestCase;

/**
 * What the campaigns found, each reduced to its smallest reproduction, so a
 * fix can be checked without running a campaign.
 */
final class FindingsTest extends AddonTestCase
{
    /**
     * Fault campaign, seed 20261209: a Dutch client WHMCS calls tax-exempt
     * gets a concept (chosen by hand in Acumulus); the bookkeeper makes it
     * final; then the invoice is cancelled. The credit note of a concept
     * original is a concept too, but the ledger then showed the invoice as
     * 'paid' (the original was marked paid, and only final credit notes
     * counted): a cancelled invoice that looked paid, with nothing saying that
     * a credit note waits for the bookkeeper.
     */
    public function testACancelledInvoiceWhoseCreditNoteIsAConceptSaysSo(): void
    {
        $inv = $this->newInvoice('tax_exempt');
        $this->endRequest();
        $concepts = self::$sim->state('concepts', \AcuSim\Simulator::CONTRACT)[\AcuSim\Simulator::CONTRACT] ?? [];
        self::assertCount(1, $concepts, 'a concept: Dutch, and exempt in WHMCS');
        self::assertSame('concept', $this->ledgerRow($inv)->state);
        self::$sim->finalizeConcept((int) $concepts[0]['id']);

        $this->sb->scenarios()->cancel($inv);
        $this->endRequest();
        $docs = $this->documents($inv);
        self::assertSame(['booked', 'concept'], array_map(static fn ($d) => $d->state, $docs),
            'the original (now final) and its credit note, a concept');
        self::assertSame('concept', $this->ledgerRow($inv)->state, 'a credit note waits for the bookkeeper');
    }
}
