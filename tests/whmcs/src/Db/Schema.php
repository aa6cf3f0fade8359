<?php

declare(strict_types=1);

namespace WhmcsSandbox\Db;

/**
 * The WHMCS tables the sandbox emulates, written in MariaDB terms (as a
 * WHMCS 8.x schema dump shows them: InnoDB, utf8mb3_unicode_ci, zero dates,
 * TEXT NOT NULL without default) and translated for SQLite.
 *
 * Sources: ../shared/ref/whmcs-platform.md §9 for the billing, client,
 * configuration and log tables; the columns of tblcontacts, tbladmins,
 * tbladminroles, tblproducts, tblproductgroups, tblhosting, tbldomains,
 * tblusers and tblusers_clients are the subset the API responses and the
 * flows need, with WHMCS's column names.
 *
 * SQLite translation (see docs/whmcs-sandbox.md): integer types become
 * INTEGER, DECIMAL becomes TEXT (so amounts read back as "12.10", as pdo_mysql
 * gives them), everything else TEXT; enums get a CHECK; a NOT NULL column
 * without a default gets the implicit default MariaDB uses outside strict mode
 * ('' / 0 / '0.00' / zero date), so an INSERT that omits it behaves the same.
 */
final class Schema
{
    private const ZERO_DATETIME = "'0000-00-00 00:00:00'";

    /**
     * @var array<string, array{columns: array<string,string>, keys?: array<string,list<string>>,
     *      unique?: array<string,list<string>>}>
     */
    public const TABLES = [
        'tblconfiguration' => [
            'columns' => [
                'id' => 'int(10) unsigned NOT NULL AUTO_INCREMENT',
                'setting' => 'varchar(64) NOT NULL',
                'value' => 'mediumtext NOT NULL',
                'created_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
                'updated_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
            ],
            'unique' => ['setting' => ['setting']],
        ],
        'tbladdonmodules' => [
            'columns' => [
                'id' => 'int(11) NOT NULL AUTO_INCREMENT',
                'module' => 'text NOT NULL',
                'setting' => 'text NOT NULL',
                'value' => 'text NOT NULL',
            ],
            'keys' => ['module' => ['module(32)']],
        ],
        'tbladmins' => [
            'columns' => [
                'id' => 'int(10) unsigned NOT NULL AUTO_INCREMENT',
                'uuid' => "varchar(255) NOT NULL DEFAULT ''",
                'roleid' => 'int(1) NOT NULL',
                'username' => 'text NOT NULL',
                'password' => "varchar(255) NOT NULL DEFAULT ''",
                'authmodule' => 'text NOT NULL',
                'authdata' => 'text NOT NULL',
                'firstname' => 'text NOT NULL',
                'lastname' => 'text NOT NULL',
                'email' => 'text NOT NULL',
                'signature' => 'text NOT NULL',
                'notes' => 'text NOT NULL',
                'template' => 'text NOT NULL',
                'language' => 'text NOT NULL',
                'disabled' => 'int(1) NOT NULL',
                'loginattempts' => 'int(1) NOT NULL',
                'supportdepts' => 'text NOT NULL',
                'ticketnotifications' => 'text NOT NULL',
                'homewidgets' => 'text NOT NULL',
                'created_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
                'updated_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
            ],
        ],
        'tbladminroles' => [
            'columns' => [
                'id' => 'int(10) NOT NULL AUTO_INCREMENT',
                'name' => 'text NOT NULL',
                'widgets' => 'text NOT NULL',
                'reports' => 'text NOT NULL',
                'systememails' => 'int(1) NOT NULL',
                'accountemails' => 'int(1) NOT NULL',
                'supportemails' => 'int(1) NOT NULL',
            ],
        ],
        'tblcurrencies' => [
            'columns' => [
                'id' => 'int(10) NOT NULL AUTO_INCREMENT',
                'code' => 'text NOT NULL',
                'prefix' => 'text NOT NULL',
                'suffix' => 'text NOT NULL',
                'format' => 'int(1) NOT NULL',
                'rate' => 'decimal(10,5) NOT NULL DEFAULT 1.00000',
                'default' => 'int(1) NOT NULL',
            ],
        ],
        'tblpaymentgateways' => [
            'columns' => [
                'id' => 'int(10) NOT NULL AUTO_INCREMENT',
                'gateway' => 'text NOT NULL',
                'setting' => 'text NOT NULL',
                'value' => 'text NOT NULL',
                'order' => 'int(1) NOT NULL DEFAULT 0',
            ],
            'keys' => ['gateway_setting' => ['gateway(32)', 'setting(32)']],
        ],
        'tbltax' => [
            'columns' => [
                'id' => 'int(10) NOT NULL AUTO_INCREMENT',
                'level' => 'int(1) NOT NULL',
                'name' => 'text NOT NULL',
                'state' => 'text NOT NULL',
                'country' => 'text NOT NULL',
                'taxrate' => 'decimal(10,3) NOT NULL DEFAULT 0.000',
            ],
            'keys' => ['state_country' => ['state(32)', 'country(2)']],
        ],
        'tblclients' => [
            'columns' => [
                'id' => 'int(10) NOT NULL AUTO_INCREMENT',
                'uuid' => "varchar(255) NOT NULL DEFAULT ''",
                'firstname' => 'text NOT NULL',
                'lastname' => 'text NOT NULL',
                'companyname' => 'text NOT NULL',
                'email' => 'text NOT NULL',
                'address1' => 'text NOT NULL',
                'address2' => 'text NOT NULL',
                'city' => 'text NOT NULL',
                'state' => 'text NOT NULL',
                'postcode' => 'text NOT NULL',
                'country' => 'text NOT NULL',
                'phonenumber' => 'text NOT NULL',
                'tax_id' => "varchar(128) NOT NULL DEFAULT ''",
                'password' => 'text NOT NULL',
                'authmodule' => 'text NOT NULL',
                'authdata' => 'text NOT NULL',
                'currency' => 'int(10) NOT NULL',
                'defaultgateway' => 'text NOT NULL',
                'credit' => 'decimal(16,2) NOT NULL',
                'taxexempt' => 'tinyint(1) NOT NULL',
                'latefeeoveride' => 'tinyint(1) NOT NULL',
                'overideduenotices' => 'tinyint(1) NOT NULL',
                'separateinvoices' => 'tinyint(1) NOT NULL',
                'disableautocc' => 'tinyint(1) NOT NULL',
                'datecreated' => 'date NOT NULL',
                'notes' => 'text NOT NULL',
                'billingcid' => 'int(10) NOT NULL',
                'securityqid' => 'int(10) NOT NULL',
                'securityqans' => 'text NOT NULL',
                'groupid' => 'int(10) NOT NULL',
                'cardtype' => "varchar(255) NOT NULL DEFAULT ''",
                'cardlastfour' => 'text NOT NULL',
                'cardnum' => 'blob NOT NULL',
                'startdate' => 'blob NOT NULL',
                'expdate' => 'blob NOT NULL',
                'issuenumber' => 'blob NOT NULL',
                'bankname' => 'text NOT NULL',
                'banktype' => 'text NOT NULL',
                'bankcode' => 'blob NOT NULL',
                'bankacct' => 'blob NOT NULL',
                'gatewayid' => 'text NOT NULL',
                'lastlogin' => 'datetime NULL DEFAULT NULL',
                'ip' => 'text NOT NULL',
                'host' => 'text NOT NULL',
                'status' => "enum('Active','Inactive','Closed') NOT NULL DEFAULT 'Active'",
                'language' => 'text NOT NULL',
                'pwresetkey' => 'text NOT NULL',
                'emailoptout' => 'int(1) NOT NULL',
                'marketing_emails_opt_in' => 'tinyint(1) unsigned NOT NULL DEFAULT 0',
                'overrideautoclose' => 'int(1) NOT NULL',
                'allow_sso' => 'tinyint(1) NOT NULL DEFAULT 1',
                'email_verified' => 'tinyint(1) NOT NULL DEFAULT 0',
                'email_preferences' => 'text NULL DEFAULT NULL',
                'created_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
                'updated_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
                'pwresetexpiry' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
            ],
            'keys' => ['firstname_lastname' => ['firstname(32)', 'lastname(32)'], 'email' => ['email(64)']],
        ],
        'tblcontacts' => [
            'columns' => [
                'id' => 'int(10) NOT NULL AUTO_INCREMENT',
                'userid' => 'int(10) NOT NULL',
                'firstname' => 'text NOT NULL',
                'lastname' => 'text NOT NULL',
                'companyname' => 'text NOT NULL',
                'email' => 'text NOT NULL',
                'address1' => 'text NOT NULL',
                'address2' => 'text NOT NULL',
                'city' => 'text NOT NULL',
                'state' => 'text NOT NULL',
                'postcode' => 'text NOT NULL',
                'country' => 'text NOT NULL',
                'phonenumber' => 'text NOT NULL',
                'tax_id' => "varchar(128) NOT NULL DEFAULT ''",
                'subaccount' => 'int(1) NOT NULL DEFAULT 0',
                'password' => 'text NOT NULL',
                'permissions' => 'text NOT NULL',
                'domainemails' => 'int(1) NOT NULL',
                'generalemails' => 'int(1) NOT NULL',
                'invoiceemails' => 'int(1) NOT NULL',
                'productemails' => 'int(1) NOT NULL',
                'supportemails' => 'int(1) NOT NULL',
                'affiliateemails' => 'int(1) NOT NULL',
                'pwresetkey' => 'text NOT NULL',
                'created_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
                'updated_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
                'pwresetexpiry' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
            ],
            'keys' => ['userid_firstname_lastname' => ['userid', 'firstname(10)', 'lastname(10)']],
        ],
        'tblusers' => [
            'columns' => [
                'id' => 'int(10) unsigned NOT NULL AUTO_INCREMENT',
                'first_name' => "varchar(255) NOT NULL DEFAULT ''",
                'last_name' => "varchar(255) NOT NULL DEFAULT ''",
                'email' => "varchar(255) NOT NULL DEFAULT ''",
                'password' => "varchar(255) NOT NULL DEFAULT ''",
                'language' => "varchar(32) NOT NULL DEFAULT ''",
                'last_ip' => "varchar(64) NOT NULL DEFAULT ''",
                'last_login' => 'timestamp NULL DEFAULT NULL',
                'email_verified_at' => 'timestamp NULL DEFAULT NULL',
                'created_at' => 'timestamp NULL DEFAULT NULL',
                'updated_at' => 'timestamp NULL DEFAULT NULL',
            ],
            'unique' => ['email' => ['email']],
        ],
        'tblusers_clients' => [
            'columns' => [
                'id' => 'int(10) unsigned NOT NULL AUTO_INCREMENT',
                'auth_user_id' => 'int(10) unsigned NOT NULL DEFAULT 0',
                'client_id' => 'int(10) unsigned NOT NULL DEFAULT 0',
                'invite_id' => 'int(10) unsigned NOT NULL DEFAULT 0',
                'owner' => 'tinyint(1) NOT NULL DEFAULT 0',
                'permissions' => 'text NULL DEFAULT NULL',
                'last_login' => 'timestamp NULL DEFAULT NULL',
                'created_at' => 'timestamp NULL DEFAULT NULL',
                'updated_at' => 'timestamp NULL DEFAULT NULL',
            ],
            'keys' => ['auth_user_id_client_id' => ['auth_user_id', 'client_id']],
        ],
        'tblcustomfields' => [
            'columns' => [
                'id' => 'int(10) NOT NULL AUTO_INCREMENT',
                'type' => 'text NOT NULL',
                'relid' => 'int(10) NOT NULL DEFAULT 0',
                'fieldname' => 'text NOT NULL',
                'fieldtype' => 'text NOT NULL',
                'description' => 'text NOT NULL',
                'fieldoptions' => 'text NOT NULL',
                'regexpr' => 'text NOT NULL',
                'adminonly' => 'text NOT NULL',
                'required' => 'text NOT NULL',
                'showorder' => 'text NOT NULL',
                'showinvoice' => 'text NOT NULL',
                'sortorder' => 'int(10) NOT NULL DEFAULT 0',
                'created_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
                'updated_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
            ],
            'keys' => ['serviceid' => ['relid']],
        ],
        'tblcustomfieldsvalues' => [
            'columns' => [
                'id' => 'int(10) unsigned NOT NULL AUTO_INCREMENT',
                'fieldid' => 'int(10) NOT NULL',
                'relid' => 'int(10) NOT NULL',
                'value' => 'text NOT NULL',
                'created_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
                'updated_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
            ],
            'keys' => ['fieldid_relid' => ['fieldid', 'relid'], 'relid' => ['relid']],
        ],
        'tblproductgroups' => [
            'columns' => [
                'id' => 'int(10) NOT NULL AUTO_INCREMENT',
                'name' => 'text NOT NULL',
                'hidden' => 'tinyint(1) NOT NULL DEFAULT 0',
                'order' => 'int(1) NOT NULL DEFAULT 0',
                'created_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
                'updated_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
            ],
        ],
        'tblproducts' => [
            'columns' => [
                'id' => 'int(10) NOT NULL AUTO_INCREMENT',
                'type' => 'text NOT NULL',
                'gid' => 'int(10) NOT NULL',
                'name' => 'text NOT NULL',
                'description' => 'text NOT NULL',
                'hidden' => 'tinyint(1) NOT NULL',
                'paytype' => 'text NOT NULL',
                'tax' => 'int(1) NOT NULL',
                'retired' => 'tinyint(1) NOT NULL DEFAULT 0',
                'order' => 'int(10) NOT NULL DEFAULT 0',
                'created_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
                'updated_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
            ],
            'keys' => ['gid' => ['gid']],
        ],
        'tblhosting' => [
            'columns' => [
                'id' => 'int(10) NOT NULL AUTO_INCREMENT',
                'userid' => 'int(10) NOT NULL',
                'orderid' => 'int(10) NOT NULL',
                'packageid' => 'int(10) NOT NULL',
                'server' => 'int(10) NOT NULL',
                'regdate' => 'date NOT NULL',
                'domain' => 'text NOT NULL',
                'paymentmethod' => 'text NOT NULL',
                'firstpaymentamount' => 'decimal(16,2) NOT NULL DEFAULT 0.00',
                'amount' => 'decimal(16,2) NOT NULL DEFAULT 0.00',
                'billingcycle' => 'text NOT NULL',
                'nextduedate' => 'date NULL DEFAULT NULL',
                'nextinvoicedate' => 'date NOT NULL',
                'termination_date' => "date NOT NULL DEFAULT '0000-00-00'",
                'completed_date' => "date NOT NULL DEFAULT '0000-00-00'",
                'domainstatus' => "enum('Pending','Active','Suspended','Terminated','Cancelled','Fraud','Completed')"
                    . " NOT NULL DEFAULT 'Pending'",
                'username' => 'text NOT NULL',
                'password' => 'text NOT NULL',
                'notes' => 'text NOT NULL',
                'subscriptionid' => 'text NOT NULL',
                'promoid' => 'int(10) NOT NULL',
                'created_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
                'updated_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
            ],
            'keys' => ['userid' => ['userid'], 'packageid' => ['packageid']],
        ],
        'tbldomains' => [
            'columns' => [
                'id' => 'int(10) NOT NULL AUTO_INCREMENT',
                'userid' => 'int(10) NOT NULL',
                'orderid' => 'int(1) NOT NULL',
                'type' => "enum('Register','Transfer') NOT NULL DEFAULT 'Register'",
                'registrationdate' => 'date NOT NULL',
                'domain' => 'text NOT NULL',
                'firstpaymentamount' => 'decimal(16,2) NOT NULL DEFAULT 0.00',
                'recurringamount' => 'decimal(16,2) NOT NULL',
                'registrar' => 'text NOT NULL',
                'registrationperiod' => 'int(1) NOT NULL DEFAULT 1',
                'expirydate' => 'date NULL DEFAULT NULL',
                'subscriptionid' => 'text NOT NULL',
                'promoid' => 'int(10) NOT NULL',
                'status' => "enum('Pending','Pending Registration','Pending Transfer','Active','Grace','Redemption',"
                    . "'Expired','Cancelled','Fraud','Transferred Away') NOT NULL DEFAULT 'Pending'",
                'nextduedate' => "date NOT NULL DEFAULT '0000-00-00'",
                'nextinvoicedate' => 'date NOT NULL',
                'additionalnotes' => 'text NOT NULL',
                'paymentmethod' => 'text NOT NULL',
                'dnsmanagement' => 'tinyint(1) NOT NULL',
                'emailforwarding' => 'tinyint(1) NOT NULL',
                'idprotection' => 'tinyint(1) NOT NULL',
                'donotrenew' => 'tinyint(1) NOT NULL',
                'created_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
                'updated_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
            ],
            'keys' => ['userid' => ['userid'], 'domain' => ['domain(64)']],
        ],
        'tblinvoices' => [
            'columns' => [
                'id' => 'int(10) unsigned NOT NULL AUTO_INCREMENT',
                'userid' => 'int(10) NOT NULL',
                'invoicenum' => 'text NOT NULL',
                'date' => 'date NULL DEFAULT NULL',
                'duedate' => 'date NULL DEFAULT NULL',
                'datepaid' => "datetime NOT NULL DEFAULT '0000-00-00 00:00:00'",
                'last_capture_attempt' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
                'date_refunded' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
                'date_cancelled' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
                'subtotal' => 'decimal(16,2) NOT NULL',
                'credit' => 'decimal(16,2) NOT NULL',
                'tax' => 'decimal(16,2) NOT NULL',
                'tax2' => 'decimal(16,2) NOT NULL',
                'total' => 'decimal(16,2) NOT NULL DEFAULT 0.00',
                'taxrate' => 'decimal(10,3) NOT NULL DEFAULT 0.000',
                'taxrate2' => 'decimal(10,3) NOT NULL DEFAULT 0.000',
                'status' => 'text NOT NULL',
                'paymentmethod' => 'text NOT NULL',
                'paymethodid' => 'int(10) unsigned NULL DEFAULT NULL',
                'notes' => 'text NOT NULL',
                'created_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
                'updated_at' => "timestamp NOT NULL DEFAULT '0000-00-00 00:00:00'",
            ],
            'keys' => ['userid' => ['userid'], 'status' => ['status(3)'], 'duedate' => ['duedate']],
        ],
        'tblinvoiceitems' => [
            'columns' => [
                'id' => 'int(10) NOT NULL AUTO_INCREMENT',
                'invoiceid' => 'int(10) unsigned NOT NULL DEFAULT 0',
                'userid' => 'int(10) NOT NULL',
                'type' => 'varchar(30) NOT NULL',
                'relid' => 'int(10) NOT NULL',
                'description' => 'text NOT NULL',
                'amount' => 'decimal(16,2) NOT NULL DEFAULT 0.00',
                'taxed' => 'int(1) NOT NULL',
                'duedate' => 'date NULL DEFAULT NULL',
                'paymentmethod' => 'text NOT NULL',
                'notes' => 'text NOT NULL',
            ],
            'keys' => ['invoiceid' => ['invoiceid'], 'userid' => ['userid', 'type', 'relid']],
        ],
        'tblinvoicedata' => [
            'columns' => [
                'id' => 'int(10) unsigned NOT NULL AUTO_INCREMENT',
                'invoice_id' => 'int(10) unsigned NOT NULL DEFAULT 0',
                'country' => "varchar(2) NOT NULL DEFAULT ''",
                'created_at' => 'timestamp NULL DEFAULT NULL',
                'updated_at' => 'timestamp NULL DEFAULT NULL',
            ],
            'unique' => ['invoice_id' => ['invoice_id']],
        ],
        'tblaccounts' => [
            'columns' => [
                'id' => 'int(10) NOT NULL AUTO_INCREMENT',
                'userid' => 'int(10) NOT NULL',
                'currency' => 'int(10) NOT NULL',
                'gateway' => 'text NOT NULL',
                'date' => 'datetime NULL DEFAULT NULL',
                'description' => 'text NOT NULL',
                'amountin' => 'decimal(16,2) NOT NULL DEFAULT 0.00',
                'fees' => 'decimal(16,2) NOT NULL DEFAULT 0.00',
                'amountout' => 'decimal(16,2) NOT NULL DEFAULT 0.00',
                'rate' => 'decimal(16,5) NOT NULL DEFAULT 1.00000',
                'transid' => 'text NOT NULL',
                'invoiceid' => 'int(10) unsigned NOT NULL DEFAULT 0',
                'refundid' => 'int(10) NOT NULL DEFAULT 0',
            ],
            'keys' => ['invoiceid' => ['invoiceid'], 'userid' => ['userid'], 'date' => ['date'],
                'transid' => ['transid(32)']],
        ],
        'tblcredit' => [
            'columns' => [
                'id' => 'int(10) NOT NULL AUTO_INCREMENT',
                'clientid' => 'int(10) NOT NULL',
                'admin_id' => 'int(10) unsigned NOT NULL DEFAULT 0',
                'date' => 'date NOT NULL',
                'description' => 'text NOT NULL',
                'amount' => 'decimal(16,2) NOT NULL',
                'relid' => 'int(10) NOT NULL DEFAULT 0',
            ],
            'keys' => ['clientid' => ['clientid']],
        ],
        'tblpaymethods' => [
            'columns' => [
                'id' => 'int(10) unsigned NOT NULL AUTO_INCREMENT',
                'userid' => 'int(10) unsigned NOT NULL',
                'description' => "varchar(255) NOT NULL DEFAULT ''",
                'contact_id' => 'int(10) unsigned NOT NULL DEFAULT 0',
                'contact_type' => "varchar(255) NOT NULL DEFAULT ''",
                'payment_id' => 'int(10) unsigned NOT NULL',
                'payment_type' => 'varchar(255) NOT NULL',
                'gateway_name' => "varchar(255) NOT NULL DEFAULT ''",
                'order_preference' => 'int(10) unsigned NOT NULL DEFAULT 0',
                'created_at' => 'timestamp NULL DEFAULT NULL',
                'updated_at' => 'timestamp NULL DEFAULT NULL',
                'deleted_at' => 'timestamp NULL DEFAULT NULL',
            ],
            'keys' => ['userid' => ['userid']],
        ],
        'tblactivitylog' => [
            'columns' => [
                'id' => 'int(10) NOT NULL AUTO_INCREMENT',
                'date' => 'datetime NOT NULL',
                'description' => 'text NOT NULL',
                'user' => 'text NOT NULL',
                'userid' => 'int(10) NOT NULL',
                'user_id' => 'int(10) unsigned NOT NULL DEFAULT 0',
                'admin_id' => 'int(10) unsigned NOT NULL DEFAULT 0',
                'ipaddr' => 'text NOT NULL',
            ],
            'keys' => ['userid' => ['userid'], 'date' => ['date']],
        ],
        'tblmodulelog' => [
            'columns' => [
                'id' => 'int(10) NOT NULL AUTO_INCREMENT',
                'date' => 'datetime NOT NULL',
                'module' => 'text NOT NULL',
                'action' => 'text NOT NULL',
                'request' => 'mediumtext NOT NULL',
                'response' => 'mediumtext NOT NULL',
                'arrdata' => 'mediumtext NOT NULL',
            ],
        ],
    ];

    /** @return list<string> */
    public static function tableNames(): array
    {
        return array_keys(self::TABLES);
    }

    /** The CREATE TABLE statement for MariaDB, as in a WHMCS schema dump. */
    public static function mariadb(string $table): string
    {
        $def = self::TABLES[$table];
        $lines = [];
        $primary = null;
        foreach ($def['columns'] as $name => $spec) {
            $lines[] = '  `' . $name . '` ' . $spec;
            if (str_contains($spec, 'AUTO_INCREMENT')) {
                $primary = $name;
            }
        }
        if ($primary !== null) {
            $lines[] = '  PRIMARY KEY (`' . $primary . '`)';
        }
        foreach ($def['unique'] ?? [] as $name => $cols) {
            $lines[] = '  UNIQUE KEY `' . $name . '` (' . self::mariadbColumns($cols) . ')';
        }
        foreach ($def['keys'] ?? [] as $name => $cols) {
            $lines[] = '  KEY `' . $name . '` (' . self::mariadbColumns($cols) . ')';
        }
        return 'CREATE TABLE `' . $table . "` (\n" . implode(",\n", $lines)
            . "\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci";
    }

    /**
     * CREATE TABLE plus CREATE INDEX statements for SQLite.
     *
     * @return list<string>
     */
    public static function sqlite(string $table): array
    {
        $def = self::TABLES[$table];
        $cols = [];
        foreach ($def['columns'] as $name => $spec) {
            $cols[] = '  "' . $name . '" ' . self::sqliteColumn($name, $spec);
        }
        $out = ['CREATE TABLE "' . $table . "\" (\n" . implode(",\n", $cols) . "\n)"];
        foreach (['unique' => 'CREATE UNIQUE INDEX', 'keys' => 'CREATE INDEX'] as $kind => $verb) {
            foreach ($def[$kind] ?? [] as $name => $columns) {
                $names = array_map(
                    static fn (string $c): string => '"' . preg_replace('/\(\d+\)$/', '', $c) . '"',
                    $columns
                );
                $out[] = $verb . ' "' . $table . '_' . $name . '" ON "' . $table . '" (' . implode(', ', $names) . ')';
            }
        }
        return $out;
    }

    /** @param list<string> $cols */
    private static function mariadbColumns(array $cols): string
    {
        return implode(',', array_map(
            static fn (string $c): string => preg_replace('/^(\w+)(\(\d+\))?$/', '`$1`$2', $c),
            $cols
        ));
    }

    private static function sqliteColumn(string $name, string $spec): string
    {
        if (str_contains($spec, 'AUTO_INCREMENT')) {
            return 'INTEGER PRIMARY KEY AUTOINCREMENT';
        }
        if (!preg_match('/^(\w+)(\((.*?)\))?(\s+unsigned)?\s*(.*)$/is', $spec, $m)) {
            throw new \LogicException("cannot read column spec $name: $spec");
        }
        $type = strtolower($m[1]);
        $args = $m[3] ?? '';
        $rest = $m[5];
        if ($type === 'enum') {
            // The lazy match above stops at the first ')', which is the end of the
            // value list only when no value contains one; ours do not.
            $values = $args;
        }
        $notNull = (bool) preg_match('/\bNOT NULL\b/i', $rest);
        $default = null;
        if (preg_match("/\\bDEFAULT\\s+('(?:[^']*)'|[^\\s]+)/i", $rest, $d)) {
            $default = $d[1];
        }
        $affinity = match (true) {
            str_contains($type, 'int') => 'INTEGER',
            default => 'TEXT',
        };
        if ($type === 'decimal' && $default !== null && $default[0] !== "'") {
            $default = "'" . $default . "'";
        }
        if ($notNull && $default === null) {
            $default = match (true) {
                $affinity === 'INTEGER' => '0',
                $type === 'decimal' => "'0." . str_repeat('0', (int) explode(',', $args)[1]) . "'",
                $type === 'date' => "'0000-00-00'",
                $type === 'datetime', $type === 'timestamp' => self::ZERO_DATETIME,
                $type === 'enum' => explode(',', $values ?? "''")[0],
                default => "''",
            };
        }
        $sql = $affinity . ($notNull ? ' NOT NULL' : '');
        if ($default !== null && strtoupper($default) !== 'NULL') {
            $sql .= ' DEFAULT ' . $default;
        }
        if ($type === 'enum') {
            $sql .= ' CHECK ("' . $name . '" IN (' . $values . '))';
        }
        return $sql;
    }
}
