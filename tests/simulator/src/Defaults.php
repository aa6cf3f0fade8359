<?php

declare(strict_types=1);

namespace AcuSim;

/**
 * The contracts a fresh (or reset) simulator holds. Documented in
 * docs/simulator.md; tests and the demo rely on these values, so change them
 * only together with that document.
 */
final class Defaults
{
    public const CONTRACT = '123456';
    public const USER = 'apiuser';
    public const PASSWORD = 'sim-Secret-5';
    /** A user whose password needs escaping in XML and in a form body. */
    public const AMP_USER = 'apiamp';
    public const AMP_PASSWORD = 'p&ss<wo>rd"\'';
    public const OTHER_CONTRACT = '654321';

    public const ROLES = [
        1 => ['Beheerder', 'Manager'],
        2 => ['Gebruiker', 'User'],
        3 => ['Invoerder', 'Data entry'],
        4 => ['API-beheerder', 'API manager'],
        5 => ['API-gebruiker', 'API user'],
        6 => ['API-invoerder', 'API data entry'],
    ];

    public static function contracts(): array
    {
        return [self::main(), self::other()];
    }

    public static function main(): array
    {
        return [
            'contractcode' => self::CONTRACT,
            'users' => [
                ['username' => self::USER, 'password' => self::PASSWORD, 'roleid' => 5],
                ['username' => self::AMP_USER, 'password' => self::AMP_PASSWORD, 'roleid' => 5],
                ['username' => 'apimanager', 'password' => 'sim-Secret-4', 'roleid' => 4],
                ['username' => 'apientry', 'password' => 'sim-Secret-6', 'roleid' => 6],
                ['username' => 'olduser', 'password' => 'sim-Secret-2', 'roleid' => 2],
                ['username' => 'oldentry', 'password' => 'sim-Secret-3', 'roleid' => 3],
            ],
            'company' => [
                'mycompanyname' => 'Simulated Hosting B.V.',
                'mycontactperson' => 'T. Ester',
                'myaddress' => 'Teststraat 1',
                'mypostalcode' => '1234 AB',
                'mycity' => 'Amsterdam',
                'mytelephone' => '020-1234567',
                'myemail' => 'boekhouding@hosting.example',
                'myiban' => 'NL91ABNA0417164300',
                'mysepamandatenr' => '',
                'mycontractenddate' => '',
                'mysalutation' => 'Beste T. Ester',
                'myemailstatusid' => '1',
                'myemailstatusreferenceid' => '',
                'myvatnumber' => 'NL001234567B01',
                'mystatusid' => '1',
                'mydebt' => '0.00',
            ],
            'maxentries' => 0,
            'paymenttermdays' => 14,
            'locked_until' => null,
            'concept_min_id' => null,
            'accounts' => [
                ['accountid' => '70582', 'accountnumber' => 'NL91ABNA0417164300', 'accountdescription' => 'Giro',
                    'accountorderid' => '1', 'accountstatus' => '1', 'accounttypeid' => '1'],
                ['accountid' => '70583', 'accountnumber' => '', 'accountdescription' => 'Kas',
                    'accountorderid' => '2', 'accountstatus' => '1', 'accounttypeid' => '2'],
                ['accountid' => '147659', 'accountnumber' => '123456789', 'accountdescription' => 'PayPal',
                    'accountorderid' => '3', 'accountstatus' => '1', 'accounttypeid' => '3'],
                ['accountid' => '70590', 'accountnumber' => 'NL02RABO0123456789',
                    'accountdescription' => 'Oude rekening',
                    'accountorderid' => '4', 'accountstatus' => '0', 'accounttypeid' => '1'],
            ],
            'costcenters' => [
                ['costcenterid' => '48663', 'costcentername' => 'Algemeen'],
                ['costcenterid' => '56074', 'costcentername' => 'kostenplaats 1'],
            ],
            'invoicetemplates' => [
                ['invoicetemplateid' => '52884', 'invoicetemplatename' => 'Factuur'],
                ['invoicetemplateid' => '39851', 'invoicetemplatename' => 'Factuur betaald'],
            ],
            'products' => [
                ['productid' => '1833636', 'productnature' => '2', 'productdescription' => 'Webhosting Basis',
                    'producttagid' => '0', 'productcontactid' => '', 'productprice' => '4.9500',
                    'productvatrate' => '21.00', 'productsku' => 'HOST-B',
                    'productstockamount' => '', 'productean' => '', 'producthash' => '', 'productnotes' => ''],
                ['productid' => '1833637', 'productnature' => '1', 'productdescription' => 'USB-sleutel',
                    'producttagid' => '0', 'productcontactid' => '', 'productprice' => '20.6612',
                    'productvatrate' => '21.00', 'productsku' => 'USB-1',
                    'productstockamount' => '32.00', 'productean' => '', 'producthash' => '', 'productnotes' => ''],
            ],
        ];
    }

    /** A second contract, to check that one contract never sees another's data. */
    public static function other(): array
    {
        $c = self::main();
        $c['contractcode'] = self::OTHER_CONTRACT;
        $c['users'] = [['username' => 'otheruser', 'password' => 'sim-Secret-9', 'roleid' => 5]];
        $c['company']['mycompanyname'] = 'Other Company V.O.F.';
        $c['costcenters'] = [['costcenterid' => '61001', 'costcentername' => 'Algemeen']];
        return $c;
    }

    /** Fills the settings a contract added through the control API left out. */
    public static function completeContract(array $c): array
    {
        $base = self::main();
        unset($base['users']);
        $c += $base;
        $c['company'] = ($c['company'] ?? []) + $base['company'];
        return $c;
    }
}
