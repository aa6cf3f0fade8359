--TEST--
Request XML, byte for byte: declaration, basic submit (contract masked for logs, format, testmode, lang, connector) and an invoice body with repeated lines
--EXTENSIONS--
acumulus
--FILE--
<?php
$c = new Acumulus\Client('288252', 'apiuser', 'secret', 'WHMCS 8.13.1', [
    'emailOnError' => 'errors@example.nl',
    'emailOnWarning' => 'warnings@example.nl',
    'testMode' => true,
    'lang' => 'nl',
    'apiUrl' => 'https://127.0.0.1:9/acumulus/stable',
]);
$invoice = [
    'customer' => [
        'type' => 3,
        'companyname1' => 'Hosting B.V.',
        'fullname' => 'Jan Jansen',
        'countrycode' => 'NL',
        'email' => 'jan@example.nl',
        'overwriteifexists' => true,
        'disableduplicates' => false,
        'website' => null,
        'invoice' => [
            'concept' => 0,
            'vattype' => 1,
            'issuedate' => '2026-11-30',
            'paymentstatus' => 2,
            'paymentdate' => '2026-12-01',
            'description' => 'Factuur 2026-0042',
            'line' => [
                ['itemnumber' => 'WEB-S', 'product' => 'Webhosting S', 'nature' => 'Service',
                 'unitprice' => '10.0000', 'vatrate' => '21', 'quantity' => '1.00'],
                ['product' => 'Domein example.nl', 'unitprice' => '8.2645', 'vatrate' => '21', 'quantity' => 2],
                ['product' => 'Korting', 'unitprice' => '-1.0000', 'vatrate' => '21', 'quantity' => '1', 'costprice' => ''],
            ],
        ],
    ],
];
echo $c->requestXml($invoice), "\n";

/* without e-mail addresses, test mode or language the defaults are written */
$d = new Acumulus\Client('288252', 'apiuser', 'secret', 'WHMCS 8.6.0', ['apiUrl' => 'https://127.0.0.1:9']);
echo $d->requestXml(['entryid' => 55393014, 'entrydeletestatus' => 1]), "\n";
echo $d->requestXml(), "\n";
?>
--EXPECTF--
<?xml version="1.0" encoding="UTF-8"?>
<myxml><contract><contractcode>***</contractcode><username>***</username><password>***</password><emailonerror>errors@example.nl</emailonerror><emailonwarning>warnings@example.nl</emailonwarning></contract><format>xml</format><testmode>1</testmode><lang>nl</lang><connector><application>WHMCS 8.13.1</application><webkoppel>Acumulus for WHMCS %d.%d.%s</webkoppel><development>Acumulus for WHMCS project</development><remark>PHP %d.%d.%s</remark></connector><customer><type>3</type><companyname1>Hosting B.V.</companyname1><fullname>Jan Jansen</fullname><countrycode>NL</countrycode><email>jan@example.nl</email><overwriteifexists>1</overwriteifexists><disableduplicates>0</disableduplicates><invoice><concept>0</concept><vattype>1</vattype><issuedate>2026-11-30</issuedate><paymentstatus>2</paymentstatus><paymentdate>2026-12-01</paymentdate><description>Factuur 2026-0042</description><line><itemnumber>WEB-S</itemnumber><product>Webhosting S</product><nature>Service</nature><unitprice>10.0000</unitprice><vatrate>21</vatrate><quantity>1.00</quantity></line><line><product>Domein example.nl</product><unitprice>8.2645</unitprice><vatrate>21</vatrate><quantity>2</quantity></line><line><product>Korting</product><unitprice>-1.0000</unitprice><vatrate>21</vatrate><quantity>1</quantity><costprice/></line></invoice></customer></myxml>
<?xml version="1.0" encoding="UTF-8"?>
<myxml><contract><contractcode>***</contractcode><username>***</username><password>***</password></contract><format>xml</format><testmode>0</testmode><lang>en</lang><connector><application>WHMCS 8.6.0</application><webkoppel>Acumulus for WHMCS %d.%d.%s</webkoppel><development>Acumulus for WHMCS project</development><remark>PHP %d.%d.%s</remark></connector><entryid>55393014</entryid><entrydeletestatus>1</entrydeletestatus></myxml>
<?xml version="1.0" encoding="UTF-8"?>
<myxml><contract><contractcode>***</contractcode><username>***</username><password>***</password></contract><format>xml</format><testmode>0</testmode><lang>en</lang><connector><application>WHMCS 8.6.0</application><webkoppel>Acumulus for WHMCS %d.%d.%s</webkoppel><development>Acumulus for WHMCS project</development><remark>PHP %d.%d.%s</remark></connector></myxml>
