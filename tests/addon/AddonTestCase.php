<?php

declare(strict_types=1);

namespace AcumulusAddonTest;

use AcuSim\Simulator;
use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Clock;
use WHMCS\Module\Addon\AcumulusConnect\Hooks;
use WhmcsSandbox\Testing\SandboxTestCase;

/**
 * A fresh sandbox with the addon active and pointed at the simulator (reset
 * per test). In the test process a "request" ends with endRequest(), which
 * does what the shutdown function does after a real WHMCS page.
 */
abstract class AddonTestCase extends SandboxTestCase
{
    protected static ?Simulator $sim = null;

    /** Settings of the addon as an admin would save them for the simulator's contract. */
    protected function addonSettings(): array
    {
        return [
            'acumulus_code' => Simulator::CONTRACT,
            'acumulus_username' => 'apiuser',
            'acumulus_password' => 'sim-Secret-5',
            'acumulus_AccountNumber_banktransfer' => '70582 NL91ABNA0417164300 (Giro)',
            'acumulus_AccountNumber_mollieideal' => '70583 (Kas)',
            'acumulus_AccountNumber_paypalcheckout' => '147659 123456789 (PayPal)',
            'acumulus_invoice_correction' => 'on',
        ];
    }

    /** Request processes (spawn) and php -S run the same extension against the same simulator. */
    protected function sandboxOptions(): array
    {
        return ['phpArgs' => [
            '-d', 'extension=' . (string) getenv('ACU_EXT_SO'),
            '-d', 'acumulus.api_url=' . ini_get('acumulus.api_url'),
            '-d', 'acumulus.cafile=' . ini_get('acumulus.cafile'),
        ]];
    }

    protected function setUp(): void
    {
        parent::setUp();
        self::$sim ??= Simulator::attach((string) getenv('SIM_DIR'));
        self::$sim->reset();
        self::$sim->clearFaults();
        self::$sim->setLatency(0);
        Clock::reset();
        Hooks::flush(); // nothing left over from another test
        $this->sb->addons()->activate('acumulus_connect', $this->addonSettings());
    }

    protected function tearDown(): void
    {
        Clock::reset();
        parent::tearDown();
    }

    /** The end of a WHMCS request: the work the hooks recorded is done now. */
    protected function endRequest(): void
    {
        Hooks::flush();
    }

    /** Entries of the simulator's default contract, in id order. */
    protected function entries(): array
    {
        return self::$sim->entries();
    }

    /** What the simulator booked for an entry, incl. VAT, as Acumulus would total it. */
    protected function total(array $entry): string
    {
        return (string) $entry['data']['total_inc'];
    }

    protected function liveEntries(): array
    {
        return array_values(array_filter($this->entries(), static fn (array $e) => str_starts_with((string) $e['deleted'], '0000')));
    }

    protected function ledgerRow(int $invoiceId): ?object
    {
        return Capsule::table('mod_acumulus_connect')->where('id', $invoiceId)->first();
    }

    /** @return list<object> */
    protected function documents(int $invoiceId): array
    {
        return Capsule::table('mod_acumulus_connect_documents')->where('invoiceid', $invoiceId)->orderBy('id')->get()->all();
    }

    protected function pendingEvents(int $invoiceId): int
    {
        return Capsule::table('mod_acumulus_connect_events')->where('invoiceid', $invoiceId)->count();
    }

    /** Let a retry's back-off pass and run the cron. */
    protected function laterCron(int $seconds = 3600): void
    {
        Clock::travel($seconds);
        $this->sb->cron()->run();
    }

    /** An NL consumer with one invoice of 9.95 ex 21 % VAT (12.04), created the way WHMCS does. */
    protected function newInvoice(string $profile = 'nl_consumer', array $lines = [['Webhosting Pro', '9.95', true]], array $params = []): int
    {
        $s = $this->sb->scenarios();
        return $s->invoice($s->client($profile), $lines, $params);
    }

    protected function activity(): string
    {
        $t = $this->sb->logs()->activityText();
        return is_array($t) ? implode("\n", $t) : (string) $t;
    }
}
