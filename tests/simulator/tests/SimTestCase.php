<?php

declare(strict_types=1);

namespace AcuSim\Tests;

use AcuSim\Simulator;
use PHPUnit\Framework\TestCase;

/**
 * One simulator per test class (started once, reset before every test), and
 * assertion helpers for API answers.
 */
abstract class SimTestCase extends TestCase
{
    /** Certificates shared by every simulator of the run (set by the bootstrap). */
    public static string $tlsDir = '';
    protected static ?Simulator $sim = null;
    protected static ?ApiClient $client = null;

    /** Start options of the class's simulator. */
    protected static function startOptions(): array
    {
        return [];
    }

    public static function setUpBeforeClass(): void
    {
        static::$sim = Simulator::start(static::startOptions() + ['tls_dir' => SimTestCase::$tlsDir, 'quiet' => true]);
        static::$client = new ApiClient(static::$sim);
    }

    public static function tearDownAfterClass(): void
    {
        static::$sim?->stop();
        static::$sim = null;
        static::$client = null;
    }

    protected function setUp(): void
    {
        static::$sim->reset();
        static::$sim->setConfig(['today' => '2026-06-15']);
    }

    protected function sim(): Simulator
    {
        return static::$sim;
    }

    protected function api(): ApiClient
    {
        return static::$client;
    }

    protected function call(string $endpoint, array $tree = [], array $options = []): ApiResult
    {
        return static::$client->call($endpoint, $tree, $options);
    }

    /** Asserts HTTP status, API status and the error codetags (in order) of an answer. */
    protected function assertAnswer(
        ApiResult $r,
        int $http,
        string $status,
        array $errorTags = [],
        array $warningTags = [],
        string $what = ''
    ): void {
        $what = $what === '' ? '' : "$what: ";
        $this->assertSame(0, $r->curlErrno, $what . 'transport error: ' . $r->curlError);
        $this->assertSame($http, $r->http, $what . 'HTTP status; body: ' . $r->body);
        $this->assertSame($status, $r->status(), 'API status; body: ' . $r->body);
        $this->assertSame($errorTags, $r->codetags('errors'), 'error codetags; body: ' . $r->body);
        $this->assertSame($warningTags, $r->codetags('warnings'), 'warning codetags; body: ' . $r->body);
        $d = $r->data();
        $this->assertSame((string) count($errorTags), $d['errors']['count_errors']);
        $this->assertSame((string) count($warningTags), $d['warnings']['count_warnings']);
    }

    /** Calls an endpoint and asserts its answer (see assertAnswer); returns it for more checks. */
    protected function expectAnswer(
        string $endpoint,
        array $tree,
        int $http,
        string $status,
        array $errorTags = [],
        array $warningTags = []
    ): ApiResult {
        $r = $this->call($endpoint, $tree);
        $this->assertAnswer($r, $http, $status, $errorTags, $warningTags, $endpoint);
        return $r;
    }

    /** Adds an invoice and returns its "invoice" part (asserting success). */
    protected function addInvoice(
        array $invoice = [],
        array $customer = [],
        ?array $lines = null,
        array $extra = []
    ): array {
        $r = $this->call('invoices/invoice_add', ApiClient::invoice($invoice, $customer, $lines) + $extra);
        $this->assertSame(200, $r->http, $r->body);
        $this->assertContains($r->status(), ['0', '2'], $r->body);
        return $r->data()['invoice'];
    }
}
