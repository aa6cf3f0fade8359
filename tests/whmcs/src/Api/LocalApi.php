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
        return $this->done($command, $params, $result);
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
