<?php

declare(strict_types=1);

namespace WhmcsSandbox\Api;

use InvalidArgumentException;
use WHMCS\Database\Capsule;
use WhmcsSandbox\Sandbox;

/**
 * localAPI(): command names are case-insensitive; a failure is
 * ['result' => 'error', 'message' => …]; the optional admin user must exist.
 *
 * Response typing follows ../shared/ref/whmcs-platform.md §6: ids as int,
 * money as 2-decimal strings, tax rates as 3-decimal strings, documented
 * booleans as bool, lists as plural => [singular => [...]]. Where the reference
 * gives no type, values are typed as pdo_mysql on PHP 8.1+ returns the column
 * (INT → int, DECIMAL → string).
 */
final class LocalApi
{
    /** lower-case command => [class, method] */
    private const COMMANDS = [
        'getinvoice' => [InvoiceCommands::class, 'getInvoice'],
        'getinvoices' => [InvoiceCommands::class, 'getInvoices'],
        'createinvoice' => [InvoiceCommands::class, 'createInvoice'],
        'updateinvoice' => [InvoiceCommands::class, 'updateInvoice'],
        'addinvoicepayment' => [InvoiceCommands::class, 'addInvoicePayment'],
        'applycredit' => [InvoiceCommands::class, 'applyCredit'],
        'addtransaction' => [InvoiceCommands::class, 'addTransaction'],
        'gettransactions' => [InvoiceCommands::class, 'getTransactions'],
        'getclientsdetails' => [ClientCommands::class, 'getClientsDetails'],
        'addclient' => [ClientCommands::class, 'addClient'],
        'updateclient' => [ClientCommands::class, 'updateClient'],
        'addcredit' => [ClientCommands::class, 'addCredit'],
        'getcredits' => [ClientCommands::class, 'getCredits'],
        'getpaymentmethods' => [SystemCommands::class, 'getPaymentMethods'],
        'getcurrencies' => [SystemCommands::class, 'getCurrencies'],
        'getconfigurationvalue' => [SystemCommands::class, 'getConfigurationValue'],
        'setconfigurationvalue' => [SystemCommands::class, 'setConfigurationValue'],
        'logactivity' => [SystemCommands::class, 'logActivity'],
        'getactivitylog' => [SystemCommands::class, 'getActivityLog'],
        'encryptpassword' => [SystemCommands::class, 'encryptPassword'],
        'decryptpassword' => [SystemCommands::class, 'decryptPassword'],
    ];

    /** @var array<class-string, object> */
    private array $handlers = [];
    /** @var list<array{command:string,params:array<string,mixed>,result:string}> */
    private array $calls = [];
    /** @var array<string, callable(array<string,mixed>, array<string,mixed>): array<string,mixed>> */
    private array $intercepts = [];

    public function __construct(private readonly Sandbox $sb)
    {
    }

    /**
     * @param array<string,mixed> $params
     * @return array<string,mixed>
     */
    public function call(string $command, array $params = [], string $adminUser = ''): array
    {
        $key = strtolower(trim($command));
        if (!isset(self::COMMANDS[$key])) {
            return $this->done($command, $params, ['result' => 'error', 'message' => 'Command Not Found']);
        }
        $adminId = (int) ($_SESSION['adminid'] ?? 0);
        if ($adminUser !== '') {
            $adminId = (int) (Capsule::table('tbladmins')->where('username', $adminUser)->value('id') ?? 0);
            if ($adminId === 0) {
                $error = ['result' => 'error', 'message' => 'No matching admin user found'];
                return $this->done($command, $params, $error);
            }
        }
        [$class, $method] = self::COMMANDS[$key];
        $handler = $this->handlers[$class] ??= new $class($this->sb);
        try {
            $result = $handler->$method($params, $adminId);
        } catch (InvalidArgumentException $e) {
            $result = ['result' => 'error', 'message' => $e->getMessage()];
        }
        if (isset($this->intercepts[$key])) {
            $result = ($this->intercepts[$key])($result, $params);
        }
        return $this->done($command, $params, $result);
    }

    /**
     * For tests of what a real WHMCS might answer differently (missing keys,
     * other types, odd bytes): every answer to $command passes through $fn
     * (answer, params) => answer from now on; null removes it. Lasts for this
     * sandbox, in this process only.
     *
     * @param (callable(array<string,mixed>, array<string,mixed>): array<string,mixed>)|null $fn
     */
    public function intercept(string $command, ?callable $fn): void
    {
        $key = strtolower(trim($command));
        if (!isset(self::COMMANDS[$key])) {
            throw new InvalidArgumentException("unknown command '$command'");
        }
        if ($fn === null) {
            unset($this->intercepts[$key]);
        } else {
            $this->intercepts[$key] = $fn;
        }
    }

    /** @return list<string> the commands the sandbox implements (WHMCS spelling) */
    public static function commands(): array
    {
        return array_map(static fn (array $c): string => ucfirst($c[1]), array_values(self::COMMANDS));
    }

    /** Every localAPI call so far (command, params, result status), for tests. @return list<array<string,mixed>> */
    public function calls(): array
    {
        return $this->calls;
    }

    /** Forgets the calls so far (a long run, e.g. a benchmark, keeps its memory flat). */
    public function clearCalls(): void
    {
        $this->calls = [];
    }

    /**
     * @param array<string,mixed> $params
     * @param array<string,mixed> $result
     * @return array<string,mixed>
     */
    private function done(string $command, array $params, array $result): array
    {
        foreach ($params as $k => $v) {
            if (is_string($k) && stripos($k, 'password') !== false) {
                $params[$k] = '***';
            }
        }
        $this->calls[] = ['command' => $command, 'params' => $params, 'result' => (string) ($result['result'] ?? '')];
        return $result;
    }
}
