<?php

declare(strict_types=1);

namespace WhmcsSandbox;

use LogicException;
use WhmcsSandbox\Api\LocalApi;
use WhmcsSandbox\Db\Database;

/**
 * A WHMCS installation as far as an addon can see it: the database behind
 * Capsule, localAPI, hooks, addon lifecycle, admin pages, the cron, logs.
 *
 *   $sb = Sandbox::boot(['now' => '2026-12-01 10:00:00']);   // SQLite in memory, seeded
 *   $sb->addons()->activate('acumulus_connect', ['acumulus_code' => '123']);
 *   $client = $sb->api('AddClient', [...])['clientid'];
 *   $invoice = $sb->api('CreateInvoice', ['userid' => $client, ...])['invoiceid'];
 *   $sb->api('AddInvoicePayment', ['invoiceid' => $invoice, 'transid' => 'T1', 'gateway' => 'banktransfer']);
 *   $sb->hooks()->fired();   // ['InvoiceCreation', …, 'InvoicePaid']
 *
 * One sandbox is current per process (the global functions reach it through
 * Sandbox::current()); booting another replaces it.
 */
final class Sandbox
{
    public const DEFAULT_DSN = 'sqlite::memory:';

    private static ?Sandbox $current = null;

    public readonly Database $db;
    public readonly Clock $clock;
    /** @var array<string,mixed> */
    public readonly array $options;
    private readonly Settings $settings;
    private readonly Hooks $hooks;
    private readonly Addons $addons;
    private readonly LocalApi $api;
    private readonly Invoices $invoices;
    private readonly Actions $actions;
    private readonly Logs $logs;
    private readonly Emails $emails;
    private readonly Admin $admin;
    private readonly Cron $cron;
    private ?Scenarios $scenarios = null;

    /**
     * Options (all optional):
     *   db        DSN (Database::fromDsn); default $WHMCS_SANDBOX_DB or sqlite::memory:
     *   modules   the addon modules root; default $WHMCS_SANDBOX_MODULES or ROOTDIR/modules/addons
     *   fresh     drop every table and create the WHMCS schema (default true)
     *   seed      load the baseline data (Seeder::baseline) after a fresh install (default true)
     *   now       a fixed "now" ('2026-12-01 10:00:00'); default the real time
     *   timezone  default Europe/Amsterdam
     *   hookErrors 'log' (record, go on) or 'rethrow'
     *   hookIds   'int' (documented) or 'string' (ids in hook $vars as numeric strings)
     *   updateInvoiceHooks  UpdateInvoice status/gateway changes fire the status hooks (default true)
     *   adminId   the admin of the session (tbladmins.id; default 1)
     *   phpArgs   extra php command-line arguments for request processes and php -S,
     *             e.g. ['-d', 'extension=/path/acumulus.so']; default: the built
     *             extension ($ACU_EXT_SO) when this process has it loaded
     *
     * @param array<string,mixed> $options
     */
    public static function boot(array $options = []): self
    {
        $options += [
            'db' => getenv('WHMCS_SANDBOX_DB') ?: self::DEFAULT_DSN,
            'modules' => getenv('WHMCS_SANDBOX_MODULES') ?: ROOTDIR . '/modules/addons',
            'fresh' => true,
            'seed' => null,
            'now' => null,
            'timezone' => 'Europe/Amsterdam',
            'hookErrors' => 'log',
            'hookIds' => 'int',
            'updateInvoiceHooks' => true,
            'adminId' => 1,
            'phpArgs' => null,
        ];
        $so = getenv('ACU_EXT_SO');
        $options['phpArgs'] ??= extension_loaded('acumulus') && is_string($so) && $so !== ''
            ? ['-d', 'extension=' . $so]
            : [];
        $options['seed'] ??= $options['fresh'];
        if (self::$current !== null) {
            self::$current->hooks->clear();
        }
        $sb = new self($options);
        self::$current = $sb;
        $sb->db->connect();
        if ($options['fresh']) {
            $sb->db->install();
        }
        if ($options['seed']) {
            (new Seeder($sb))->baseline();
        }
        $sb->newRequest();
        return $sb;
    }

    public static function current(): self
    {
        if (self::$current === null) {
            throw new LogicException('no WHMCS sandbox booted (WhmcsSandbox\Sandbox::boot())');
        }
        return self::$current;
    }

    public static function hasCurrent(): bool
    {
        return self::$current !== null;
    }

    /** @param array<string,mixed> $options */
    private function __construct(array $options)
    {
        $this->options = $options;
        $this->db = Database::fromDsn((string) $options['db']);
        $this->clock = new Clock($options['now'], (string) $options['timezone']);
        $this->settings = new Settings($this->clock);
        $this->hooks = new Hooks($this->clock, (string) $options['hookErrors'], (string) $options['hookIds']);
        $this->logs = new Logs($this);
        $this->emails = new Emails($this);
        $this->addons = new Addons($this, (string) $options['modules']);
        $this->invoices = new Invoices($this);
        $this->api = new LocalApi($this);
        $this->actions = new Actions($this);
        $this->admin = new Admin($this);
        $this->cron = new Cron($this);
    }

    /** localAPI($command, $params, $adminUser), as an addon would call it. @return array<string,mixed> */
    public function api(string $command, array $params = [], string $adminUser = ''): array
    {
        return $this->api->call($command, $params, $adminUser);
    }

    public function localApi(): LocalApi
    {
        return $this->api;
    }

    public function hooks(): Hooks
    {
        return $this->hooks;
    }

    public function addons(): Addons
    {
        return $this->addons;
    }

    /** WHMCS actions that have no API command: refunds, mass pay, add funds, late fees, … */
    public function actions(): Actions
    {
        return $this->actions;
    }

    public function invoices(): Invoices
    {
        return $this->invoices;
    }

    public function admin(): Admin
    {
        return $this->admin;
    }

    public function cron(): Cron
    {
        return $this->cron;
    }

    public function logs(): Logs
    {
        return $this->logs;
    }

    public function emails(): Emails
    {
        return $this->emails;
    }

    public function settings(): Settings
    {
        return $this->settings;
    }

    /** @param array<string,string|int|bool> $settings tblconfiguration values (bools: 'on' / '') */
    public function configure(array $settings): self
    {
        $this->settings->setMany($settings);
        return $this;
    }

    public function seeder(): Seeder
    {
        return new Seeder($this);
    }

    public function generator(int $seed = 1): Generator
    {
        return new Generator($this, $seed);
    }

    /** The same instance each time, so that successive clients differ. */
    public function scenarios(): Scenarios
    {
        return $this->scenarios ??= new Scenarios($this);
    }

    /**
     * Starts a new "page load" in this process: fresh superglobals and session
     * (admin logged in unless $adminId is 0), and the hooks of the active
     * addons registered again (WHMCS loads their hooks.php on every page load;
     * here each file is included once per process and its registrations are
     * replayed).
     *
     * @param array<string,mixed> $session extra $_SESSION entries
     */
    public function newRequest(array $session = [], ?int $adminId = null): void
    {
        $_GET = [];
        $_POST = [];
        $_REQUEST = [];
        $adminId ??= (int) $this->options['adminId'];
        $_SESSION = $session + ($adminId > 0 ? ['adminid' => $adminId] : []);
        $_SERVER['REMOTE_ADDR'] = $_SERVER['REMOTE_ADDR'] ?? '127.0.0.1';
        $this->addons->loadActiveHooks();
    }

    /**
     * Runs one WHMCS request in a separate PHP process against the same
     * database (which must be a SQLite file or MariaDB). See Process.
     *
     * @param array<string,mixed> $action e.g. ['type' => 'api', 'command' => 'AddInvoicePayment', 'params' => [...]]
     */
    public function spawn(array $action, ?float $startAt = null): Process
    {
        if (!$this->db->isShareable()) {
            throw new LogicException('a separate process needs a shared database: use a sqlite file or MariaDB');
        }
        return Process::start($this, $action, $startAt);
    }

    /** Serves addonmodules.php over php -S for browser tests. */
    public function serve(): HttpServer
    {
        if (!$this->db->isShareable()) {
            throw new LogicException('php -S needs a shared database: use a sqlite file or MariaDB');
        }
        return HttpServer::start($this);
    }

    /** php and its arguments for a request process or php -S. @return list<string> */
    public function phpCommand(): array
    {
        return [PHP_BINARY, ...array_map('strval', (array) $this->options['phpArgs'])];
    }

    /** What a separate process needs to boot this sandbox again (without reinstalling). @return array<string,mixed> */
    public function describeForChild(): array
    {
        $options = $this->options;
        $options['fresh'] = false;
        $options['seed'] = false;
        $options['now'] = $this->clock->isFixed() ? $this->clock->datetime() : null;
        return $options;
    }
}
