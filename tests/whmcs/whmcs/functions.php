<?php

/**
 * The global functions WHMCS gives addons (../shared/ref/whmcs-platform.md §5),
 * each handing over to the current sandbox. Signatures follow WHMCS's
 * documented ones, without type declarations, as addons call them with ints,
 * numeric strings and so on.
 */

declare(strict_types=1);

use WhmcsSandbox\Admin;
use WhmcsSandbox\Crypto;
use WhmcsSandbox\Dates;
use WhmcsSandbox\Money;
use WhmcsSandbox\RequestEnded;
use WhmcsSandbox\Sandbox;
use WHMCS\Database\Capsule;
use WHMCS\View\Formatter\Price;

if (!function_exists('add_hook')) {
    /**
     * @param string $hookPoint
     * @param int $priority lower runs first
     * @param callable|string $function
     */
    function add_hook($hookPoint, $priority, $function)
    {
        Sandbox::current()->hooks()->add((string) $hookPoint, (int) $priority, $function);
    }

    /**
     * @param string $hookName
     * @param array<string,mixed> $args
     * @return list<mixed> what the hook functions returned
     */
    function run_hook($hookName, $args = [])
    {
        return Sandbox::current()->hooks()->run((string) $hookName, (array) $args);
    }

    /**
     * @param string $cmd
     * @param array<string,mixed> $apivalues1
     * @param string $adminuser
     * @return array<string,mixed>
     */
    function localAPI($cmd, $apivalues1 = [], $adminuser = '')
    {
        return Sandbox::current()->api((string) $cmd, (array) $apivalues1, (string) $adminuser);
    }

    /**
     * @param string $description
     * @param int $userId the client id (0: none)
     */
    function logActivity($description, $userId = 0)
    {
        Sandbox::current()->logs()->logActivity((string) $description, (int) $userId);
    }

    /**
     * @param string $module
     * @param string $action
     * @param string|array<mixed> $requestString
     * @param string|array<mixed> $responseData
     * @param string|array<mixed> $processedData
     * @param array<mixed> $replaceVars strings to mask in the stored texts
     */
    function logModuleCall($module, $action, $requestString, $responseData, $processedData = '', $replaceVars = [])
    {
        Sandbox::current()->logs()->logModuleCall(
            (string) $module,
            (string) $action,
            $requestString,
            $responseData,
            $processedData,
            (array) $replaceVars
        );
    }

    /** @param string $gateway @param string|array<mixed> $data @param string $result */
    function logTransaction($gateway, $data, $result)
    {
        Sandbox::current()->hooks()->run('LogTransaction', [
            'gateway' => (string) $gateway,
            'data' => is_array($data) ? print_r($data, true) : (string) $data,
            'result' => (string) $result,
        ]);
    }

    /**
     * The gateway-callback helper: a payment on an invoice (amounts as strings
     * or numbers, as gateways pass them).
     */
    function addInvoicePayment($invoiceId, $transactionId, $paymentAmount, $paymentFee, $gatewayModule)
    {
        Sandbox::current()->invoices()->addPayment(
            (int) $invoiceId,
            (string) $transactionId,
            (string) $gatewayModule,
            null,
            ($paymentAmount === '' || $paymentAmount === null) ? null : Money::cents($paymentAmount),
            ($paymentFee === '' || $paymentFee === null) ? 0 : Money::cents($paymentFee)
        );
        return true;
    }

    /** @param string $date in the admin's DateFormat */
    function toMySQLDate($date)
    {
        return Dates::toMySql(Sandbox::current(), (string) $date);
    }

    /** @param string $date Y-m-d or Y-m-d H:i:s */
    function fromMySQLDate($date, $withTime = false, $clientDateFormat = false)
    {
        return Dates::fromMySql(Sandbox::current(), (string) $date, (bool) $withTime, (bool) $clientDateFormat);
    }

    function getTodaysDate($clientDateFormat = false)
    {
        return Dates::today(Sandbox::current(), (bool) $clientDateFormat);
    }

    /**
     * The CSRF token: 'plain' gives the token, 'link' "&token=…", anything else
     * (default 'form') a hidden input.
     */
    function generate_token($type = 'form')
    {
        $token = Sandbox::current()->admin()->token();
        return match ((string) $type) {
            'plain' => $token,
            'link' => '&token=' . $token,
            default => '<input type="hidden" name="token" value="' . Admin::e($token) . '" />',
        };
    }

    /**
     * Ends the request with "Invalid CSRF Protection Token" unless the request
     * carries the session's token.
     */
    function check_token($namespace = 'WHMCS.default', $token = null)
    {
        $admin = Sandbox::current()->admin();
        if ($token !== null) {
            $_POST['token'] = (string) $token;
        }
        if (!$admin->checkToken()) {
            throw new RequestEnded('Invalid CSRF Protection Token', 403);
        }
        return true;
    }

    /**
     * A currency row as an array (id, code, prefix, suffix, format, rate):
     * the client's, the given one, or the default.
     */
    function getCurrency($userId = '', $cartCurrency = '')
    {
        $id = 0;
        if ((int) $userId > 0) {
            $id = (int) Capsule::table('tblclients')->where('id', (int) $userId)->value('currency');
        } elseif ((int) $cartCurrency > 0) {
            $id = (int) $cartCurrency;
        }
        $row = $id > 0 ? Capsule::table('tblcurrencies')->where('id', $id)->first() : null;
        $row ??= Capsule::table('tblcurrencies')->where('default', 1)->first()
            ?? Capsule::table('tblcurrencies')->orderBy('id')->first();
        return $row === null ? [] : [
            'id' => (int) $row->id,
            'code' => (string) $row->code,
            'prefix' => (string) $row->prefix,
            'suffix' => (string) $row->suffix,
            'format' => (int) $row->format,
            'rate' => (string) $row->rate,
        ];
    }

    /** @param string|int|float $amount @param int|false $currencyId */
    function formatCurrency($amount, $currencyId = false)
    {
        $currency = getCurrency('', $currencyId === false ? '' : (int) $currencyId);
        $cents = Money::cents(is_float($amount) || is_int($amount) || is_string($amount) ? $amount : '0');
        return new Price($cents, $currency);
    }

    function encrypt($string)
    {
        return Crypto::encrypt((string) $string);
    }

    function decrypt($string)
    {
        return Crypto::decrypt((string) $string);
    }
}

if (!function_exists('fastcgi_finish_request')) {
    /**
     * PHP-FPM's "send the response now, keep running". WHMCS usually runs under
     * FPM, so an addon may use it to defer work past the response. In a
     * request process (bin/request.php) it really ends the response the parent
     * is waiting for; in the test process it marks the moment in the sandbox.
     */
    function fastcgi_finish_request(): bool
    {
        return WhmcsSandbox\Process::finishRequest();
    }
}
